import type { GetStaticProps } from 'next';
import { Layout } from '../components/Layout/Layout';
import { Seo } from '../components/Seo/Seo';
import { getSiteProps, type SiteProps } from '../lib/page-props/page-props';
import { absoluteUrl, site, siteFeeds, socialImageUrl, withBasePath } from '../lib/config/site';

export const config = { unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<SiteProps> = async () => ({ props: getSiteProps() });

export default function NotFound({ menu }: SiteProps) {
  return (
    <Layout site={site} menu={menu}>
      <Seo title="Page not found" siteTitle={site.title} description="There is no page at this address." canonicalUrl={absoluteUrl(withBasePath('/404/'))} imageUrl={socialImageUrl()} feeds={siteFeeds} />
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <a href={withBasePath('/')}>Go to the latest posts</a>
      </p>
    </Layout>
  );
}
