import type { GetStaticProps } from 'next';
import { SearchTemplate } from '../components/templates/SearchTemplate/SearchTemplate';
import { getSearchProps } from '../lib/page-props/lists';
import type { SiteProps } from '../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<SiteProps> = async () => ({ props: getSearchProps() });

export default SearchTemplate;
