import type { GetStaticPaths, GetStaticProps } from 'next';
// The list template first: with this order Turbopack keeps every page's stylesheets as they are
// (build.test.ts checks that every page but /search/ loads the same two).
import { PostListTemplate } from '../components/templates/PostListTemplate/PostListTemplate';
import { PostTemplate } from '../components/templates/PostTemplate/PostTemplate';
import { getHomePageProps, getLanguagePaths } from '../lib/page-props/lists';
import { getPostPageProps, getSlugs, postPathsFallback } from '../lib/page-props/post';
import type { PostListPageProps, PostPageProps } from '../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

/**
 * The one dynamic name at the root (docs/architecture.md, Languages): the default language's
 * `template: "page"` entries (About, say) at `/<slug>/`, and each other language's home page
 * at `/<code>/`, whose other pages are under `pages/[root]/`.
 */
export const getStaticPaths: GetStaticPaths = async () => ({
  paths: [...getSlugs('page'), ...getLanguagePaths()].map((root) => ({ params: { root } })),
  fallback: postPathsFallback,
});

export const getStaticProps: GetStaticProps<PostPageProps | PostListPageProps, { root: string }> = async ({ params }) => {
  if (getLanguagePaths().includes(params!.root)) return { props: getHomePageProps(undefined, params!.root) };
  const props = getPostPageProps('page', params!.root);
  return props ? { props } : { notFound: true };
};

export default function RootPage(props: PostPageProps | PostListPageProps) {
  return 'pagination' in props ? <PostListTemplate {...props} /> : <PostTemplate {...props} />;
}
