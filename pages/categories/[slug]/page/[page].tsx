import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListTemplate } from '../../../../components/templates/PostListTemplate/PostListTemplate';
import { getTermPagePaths, getTermPageProps } from '../../../../lib/page-props/lists';
import type { PostListPageProps } from '../../../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getTermPagePaths('categories').map((params) => ({ params })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { slug: string; page: string }> = async ({ params }) => ({
  props: getTermPageProps('categories', params!.slug, params!.page),
});

export default PostListTemplate;
