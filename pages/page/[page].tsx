import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListPage } from '../../components/PostListPage/PostListPage';
import { getHomePagePaths, getHomePageProps, type PostListPageProps } from '../../lib/page-props/page-props';

export const config = { unstable_runtimeJS: false };

/** `/page/2/` and on: the later pages of the home page's list. */
export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getHomePagePaths().map((page) => ({ params: { page } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { page: string }> = async ({ params }) => ({
  props: getHomePageProps(params!.page),
});

export default PostListPage;
