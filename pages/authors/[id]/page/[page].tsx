import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListTemplate } from '../../../../components/templates/PostListTemplate/PostListTemplate';
import { getAuthorPagePaths, getAuthorPageProps } from '../../../../lib/page-props/authors';
import type { PostListPageProps } from '../../../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getAuthorPagePaths().map((params) => ({ params })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { id: string; page: string }> = async ({ params }) => ({
  props: getAuthorPageProps(params!.id, params!.page),
});

export default PostListTemplate;
