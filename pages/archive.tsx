import type { GetStaticProps } from 'next';
import { ArchiveTemplate } from '../components/templates/ArchiveTemplate/ArchiveTemplate';
import { getArchiveProps } from '../lib/page-props/lists';
import type { ArchivePageProps } from '../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<ArchivePageProps> = async () => ({ props: getArchiveProps() });

export default ArchiveTemplate;
