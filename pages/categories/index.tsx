import type { GetStaticProps } from 'next';
import { TermIndexTemplate } from '../../components/templates/TermIndexTemplate/TermIndexTemplate';
import { getTermIndexProps } from '../../lib/page-props/lists';
import type { TermIndexPageProps } from '../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<TermIndexPageProps> = async () => ({ props: getTermIndexProps('categories') });

export default TermIndexTemplate;
