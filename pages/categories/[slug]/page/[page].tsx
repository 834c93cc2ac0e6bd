import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListPage } from '../../../../components/PostListPage/PostListPage';
import { getTermPagePaths, getTermPageProps, type PostListPageProps } from '../../../../lib/page-props/page-props';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getTermPagePaths('categories').map((params) => ({ params })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { slug: string; page: string }> = async ({ params }) => ({
  props: getTermPageProps('categories', params!.slug, params!.page),
});

export default PostListPage;
