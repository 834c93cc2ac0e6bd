import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostTemplate } from '../../components/templates/PostTemplate/PostTemplate';
import { getPostPageProps, getSlugs, postPathsFallback } from '../../lib/page-props/post';
import type { PostPageProps } from '../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getSlugs('post').map((slug) => ({ params: { slug } })),
  fallback: postPathsFallback,
});

export const getStaticProps: GetStaticProps<PostPageProps, { slug: string }> = async ({ params }) => {
  const props = getPostPageProps('post', params!.slug);
  return props ? { props } : { notFound: true };
};

export default PostTemplate;
