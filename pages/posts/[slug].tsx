import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostPage } from '../../components/PostPage/PostPage';
import { getPostPageProps, getSlugs, postPathsFallback, type PostPageProps } from '../../lib/page-props/page-props';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getSlugs('post').map((slug) => ({ params: { slug } })),
  fallback: postPathsFallback,
});

export const getStaticProps: GetStaticProps<PostPageProps, { slug: string }> = async ({ params }) => {
  const props = getPostPageProps('post', params!.slug);
  return props ? { props } : { notFound: true };
};

export default PostPage;
