import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListTemplate } from '../../../components/templates/PostListTemplate/PostListTemplate';
import { getHomePagePaths, getHomePageProps, getLanguagePaths } from '../../../lib/page-props/lists';
import type { PostListPageProps } from '../../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

/** `/<code>/page/2/` and on: the later pages of a language's home page (`root` is its code). */
export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getLanguagePaths().flatMap((root) => getHomePagePaths(root).map((page) => ({ params: { root, page } }))),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { root: string; page: string }> = async ({ params }) => ({
  props: getHomePageProps(params!.page, params!.root),
});

export default PostListTemplate;
