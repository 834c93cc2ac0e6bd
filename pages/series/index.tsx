import type { GetStaticProps } from 'next';
import { TermIndexTemplate } from '../../components/templates/TermIndexTemplate/TermIndexTemplate';
import { defaultLanguage } from '../../lib/config/site';
import { getSeriesIndexLanguages, getTermIndexProps } from '../../lib/page-props/lists';
import type { TermIndexPageProps } from '../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

// A site whose default language has no series has no series index: its files stay as they were.
export const getStaticProps: GetStaticProps<TermIndexPageProps> = async () =>
  getSeriesIndexLanguages().includes(defaultLanguage) ? { props: getTermIndexProps('series') } : { notFound: true };

export default TermIndexTemplate;
