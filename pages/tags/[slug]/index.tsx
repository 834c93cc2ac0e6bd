import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListPage } from '../../../components/PostListPage/PostListPage';
import { getTermPageProps, getTermSlugs, type PostListPageProps } from '../../../lib/page-props/page-props';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getTermSlugs('tags').map((slug) => ({ params: { slug } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { slug: string }> = async ({ params }) => ({
  props: getTermPageProps('tags', params!.slug),
});

export default PostListPage;
