import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListTemplate } from '../../components/templates/PostListTemplate/PostListTemplate';
import { getHomePagePaths, getHomePageProps } from '../../lib/page-props/lists';
import type { PostListPageProps } from '../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

/** `/page/2/` and on: the later pages of the home page's list. */
export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getHomePagePaths().map((page) => ({ params: { page } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { page: string }> = async ({ params }) => ({
  props: getHomePageProps(params!.page),
});

export default PostListTemplate;
