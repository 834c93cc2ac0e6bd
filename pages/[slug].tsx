import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostTemplate } from '../components/templates/PostTemplate/PostTemplate';
import { getPostPageProps, getSlugs, postPathsFallback } from '../lib/page-props/post';
import type { PostPageProps } from '../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

/** `template: "page"` entries (About, say) live at the root: `/<slug>/`. */
export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getSlugs('page').map((slug) => ({ params: { slug } })),
  fallback: postPathsFallback,
});

export const getStaticProps: GetStaticProps<PostPageProps, { slug: string }> = async ({ params }) => {
  const props = getPostPageProps('page', params!.slug);
  return props ? { props } : { notFound: true };
};

export default PostTemplate;
