import type { GetStaticProps } from 'next';
// Imported before Layout, so that its stylesheet must load before the one every page shares:
// Turbopack then gives it a chunk of its own that only this page loads, instead of merging
// it into the shared one, which would make every other page heavier (the build test checks).
import { SearchPage } from '../components/SearchPage/SearchPage';
import { Layout } from '../components/Layout/Layout';
import { Seo } from '../components/Seo/Seo';
import { SEARCH_PAGE_PATH, SEARCH_SCRIPT_PATH } from '../lib/routes/page-scripts.mjs';
import { getSiteProps, type SiteProps } from '../lib/page-props/page-props';
import { absoluteUrl, site, siteFeeds, socialImageUrl, withBasePath } from '../lib/config/site';

export const config = { unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<SiteProps> = async () => ({ props: getSiteProps() });

/** `/search/`: full-text search of the posts, the one page that loads search code. */
export default function Search({ menu }: SiteProps) {
  const searchUrl = withBasePath(SEARCH_PAGE_PATH);
  return (
    <Layout site={site} menu={menu} currentPath={searchUrl}>
      <Seo title="Search" siteTitle={site.title} description={`Search the posts on ${site.title}.`} canonicalUrl={absoluteUrl(searchUrl)} imageUrl={socialImageUrl()} feeds={siteFeeds} />
      <SearchPage searchUrl={searchUrl} archiveUrl={withBasePath('/archive/')} scriptUrl={withBasePath(SEARCH_SCRIPT_PATH)} />
    </Layout>
  );
}
