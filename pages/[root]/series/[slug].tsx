import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListTemplate } from '../../../components/templates/PostListTemplate/PostListTemplate';
import { getLanguagePaths, getSeriesPageProps, getSeriesSlugs } from '../../../lib/page-props/lists';
import type { PostListPageProps } from '../../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

/** `/<lang>/series/<slug>/`: a series of a language other than the default. */
export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getLanguagePaths().flatMap((root) => getSeriesSlugs(root).map((slug) => ({ params: { root, slug } }))),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { root: string; slug: string }> = async ({ params }) => ({
  props: getSeriesPageProps(params!.slug, params!.root),
});

export default PostListTemplate;
