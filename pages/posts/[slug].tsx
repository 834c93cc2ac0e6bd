import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostPage, renderPostBody } from '../../components/PostPage/PostPage';
import { getPostPageProps, getSlugs, postPathsFallback, type PostPageProps } from '../../lib/page-data';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getSlugs('post').map((slug) => ({ params: { slug } })),
  fallback: postPathsFallback,
});

export const getStaticProps: GetStaticProps<PostPageProps, { slug: string }> = async ({ params }) => {
  const props = await getPostPageProps('post', params!.slug, renderPostBody);
  return props ? { props } : { notFound: true };
};

export default PostPage;
