import type { GetStaticProps } from 'next';
import { AuthorIndexTemplate } from '../../components/templates/AuthorIndexTemplate/AuthorIndexTemplate';
import { hasAuthorPages } from '../../lib/config/site';
import { getAuthorIndexProps } from '../../lib/page-props/authors';
import type { AuthorIndexPageProps } from '../../lib/page-props/types';

export const config = { unstable_runtimeJS: false };

// A site with one author has no authors' index: its URLs stay as they were.
export const getStaticProps: GetStaticProps<AuthorIndexPageProps> = async () => (hasAuthorPages ? { props: getAuthorIndexProps() } : { notFound: true });

export default AuthorIndexTemplate;
