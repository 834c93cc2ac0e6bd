import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostPage } from '../../components/PostPage/PostPage';
import { getPostPageProps, getSlugs, type PostPageProps } from '../../lib/page-data';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getSlugs('post').map((slug) => ({ params: { slug } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostPageProps, { slug: string }> = async ({ params }) => ({
  props: await getPostPageProps('post', params!.slug),
});

export default PostPage;
