import type { GetStaticProps } from 'next';
import { TermIndexPage } from '../../components/TermIndexPage/TermIndexPage';
import { getTermIndexProps, type TermIndexPageProps } from '../../lib/page-props/page-props';

export const config = { unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<TermIndexPageProps> = async () => ({ props: getTermIndexProps('tags') });

export default TermIndexPage;
