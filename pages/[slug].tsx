import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostPage } from '../components/PostPage/PostPage';
import { getPostPageProps, getSlugs, type PostPageProps } from '../lib/page-data';

export const config = { unstable_runtimeJS: false };

/** `template: "page"` entries (About, say) live at the root: `/<slug>/`. */
export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getSlugs('page').map((slug) => ({ params: { slug } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostPageProps, { slug: string }> = async ({ params }) => ({
  props: await getPostPageProps('page', params!.slug),
});

export default PostPage;
