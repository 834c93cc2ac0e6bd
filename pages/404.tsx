import type { GetStaticProps } from 'next';
import { NotFoundTemplate } from '../components/templates/NotFoundTemplate/NotFoundTemplate';
import { getNotFoundProps } from '../lib/page-props/lists';
import type { SiteProps } from '../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<SiteProps> = async () => ({ props: getNotFoundProps() });

export default NotFoundTemplate;
