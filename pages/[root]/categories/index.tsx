import type { GetStaticPaths, GetStaticProps } from 'next';
import { TermIndexTemplate } from '../../../components/templates/TermIndexTemplate/TermIndexTemplate';
import { getLanguagePaths, getTermIndexProps } from '../../../lib/page-props/lists';
import type { TermIndexPageProps } from '../../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: getLanguagePaths().map((root) => ({ params: { root } })), fallback: false });

export const getStaticProps: GetStaticProps<TermIndexPageProps, { root: string }> = async ({ params }) => ({ props: getTermIndexProps('categories', params!.root) });

export default TermIndexTemplate;
