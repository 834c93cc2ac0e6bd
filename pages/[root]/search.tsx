import type { GetStaticPaths, GetStaticProps } from 'next';
import { SearchTemplate } from '../../components/templates/SearchTemplate/SearchTemplate';
import { getSearchProps, getLanguagePaths } from '../../lib/page-props/lists';
import type { SiteProps } from '../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: getLanguagePaths().map((root) => ({ params: { root } })), fallback: false });

export const getStaticProps: GetStaticProps<SiteProps, { root: string }> = async ({ params }) => ({ props: getSearchProps(params!.root) });

export default SearchTemplate;
