import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostTemplate } from '../../components/templates/PostTemplate/PostTemplate';
import { getLanguagePaths } from '../../lib/page-props/lists';
import { getPostPageProps, getSlugs, postPathsFallback } from '../../lib/page-props/post';
import type { PostPageProps } from '../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

/** `/<code>/<slug>/`: a `template: "page"` entry in a language other than the default (`root` is its code). */
export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getLanguagePaths().flatMap((root) => getSlugs('page', root).map((slug) => ({ params: { root, slug } }))),
  fallback: postPathsFallback,
});

export const getStaticProps: GetStaticProps<PostPageProps, { root: string; slug: string }> = async ({ params }) => {
  const props = getPostPageProps('page', params!.slug, params!.root);
  return props ? { props } : { notFound: true };
};

export default PostTemplate;
