import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListTemplate } from '../../components/templates/PostListTemplate/PostListTemplate';
import { getSeriesPageProps, getSeriesSlugs } from '../../lib/page-props/lists';
import type { PostListPageProps } from '../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getSeriesSlugs().map((slug) => ({ params: { slug } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { slug: string }> = async ({ params }) => ({
  props: getSeriesPageProps(params!.slug),
});

export default PostListTemplate;
