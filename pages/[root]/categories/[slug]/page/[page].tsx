import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListTemplate } from '../../../../../components/templates/PostListTemplate/PostListTemplate';
import { getLanguagePaths, getTermPagePaths, getTermPageProps } from '../../../../../lib/page-props/lists';
import type { PostListPageProps } from '../../../../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getLanguagePaths().flatMap((root) => getTermPagePaths('categories', root).map((params) => ({ params: { root, ...params } }))),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { root: string; slug: string; page: string }> = async ({ params }) => ({
  props: getTermPageProps('categories', params!.slug, params!.page, params!.root),
});

export default PostListTemplate;
