import type { GetStaticPaths, GetStaticProps } from 'next';
import { PostListTemplate } from '../../../components/templates/PostListTemplate/PostListTemplate';
import { getAuthorIds, getAuthorPageProps } from '../../../lib/page-props/authors';
import type { PostListPageProps } from '../../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: getAuthorIds().map((id) => ({ params: { id } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<PostListPageProps, { id: string }> = async ({ params }) => ({
  props: getAuthorPageProps(params!.id),
});

export default PostListTemplate;
