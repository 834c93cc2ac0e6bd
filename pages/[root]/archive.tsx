import type { GetStaticPaths, GetStaticProps } from 'next';
import { ArchiveTemplate } from '../../components/templates/ArchiveTemplate/ArchiveTemplate';
import { getArchiveProps, getLanguagePaths } from '../../lib/page-props/lists';
import type { ArchivePageProps } from '../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: getLanguagePaths().map((root) => ({ params: { root } })), fallback: false });

export const getStaticProps: GetStaticProps<ArchivePageProps, { root: string }> = async ({ params }) => ({ props: getArchiveProps(params!.root) });

export default ArchiveTemplate;
