import type { GetStaticPaths, GetStaticProps } from 'next';
import { TermIndexTemplate } from '../../../components/templates/TermIndexTemplate/TermIndexTemplate';
import { getLanguagePaths, getSeriesIndexLanguages, getTermIndexProps } from '../../../lib/page-props/lists';
import type { TermIndexPageProps } from '../../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

/** `/<lang>/series/`: in each language other than the default that has a series. */
export const getStaticPaths: GetStaticPaths = async () => {
  const withSeries = new Set(getSeriesIndexLanguages());
  return { paths: getLanguagePaths().filter((root) => withSeries.has(root)).map((root) => ({ params: { root } })), fallback: false };
};

export const getStaticProps: GetStaticProps<TermIndexPageProps, { root: string }> = async ({ params }) => ({ props: getTermIndexProps('series', params!.root) });

export default TermIndexTemplate;
