import type { GetStaticProps } from 'next';
import { Archive } from '../components/Archive/Archive';
import { Layout } from '../components/Layout/Layout';
import { Seo } from '../components/Seo/Seo';
import { getArchiveProps, type ArchivePageProps } from '../lib/page-props/page-props';
import { absoluteUrl, site, siteFeeds, socialImageUrl, withBasePath } from '../lib/config/site';

export const config = { unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<ArchivePageProps> = async () => ({ props: getArchiveProps() });

/** `/archive/`: every post, by year. */
export default function ArchivePage({ menu, years }: ArchivePageProps) {
  const href = withBasePath('/archive/');
  return (
    <Layout site={site} menu={menu} currentPath={href}>
      <Seo title="Archive" siteTitle={site.title} description={`Every post on ${site.title}, by year.`} canonicalUrl={absoluteUrl(href)} imageUrl={socialImageUrl()} feeds={siteFeeds} />
      <h1>Archive</h1>
      <Archive years={years} locale={site.dateLocale} />
    </Layout>
  );
}
