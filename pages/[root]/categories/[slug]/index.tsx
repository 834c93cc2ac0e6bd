import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListTemplate } from '../../../../components/templates/PostListTemplate/PostListTemplate';
import { getLanguagePaths, getTermPageProps, getTermSlugs } from '../../../../lib/page-props/lists';
import type { PostListPageProps } from '../../../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getLanguagePaths().flatMap((root) => getTermSlugs('categories', root).map((slug) => ({ params: { root, slug } }))),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { root: string; slug: string }> = async ({ params }) => ({
  props: getTermPageProps('categories', params!.slug, undefined, params!.root),
});

export default PostListTemplate;
