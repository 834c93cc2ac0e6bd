import type { TermIndexPageProps, TermKind } from '../../lib/page-props/page-props';
import { absoluteUrl, site, siteFeeds, socialImageUrl, withBasePath } from '../../lib/config/site';
import { Layout } from '../Layout/Layout';
import { Seo } from '../Seo/Seo';
import { TermList } from '../TermList/TermList';

const WORDS: Record<TermKind, { heading: string; description: string; empty: string }> = {
  tags: { heading: 'Tags', description: 'Every tag, with its number of posts.', empty: 'No tags yet.' },
  categories: { heading: 'Categories', description: 'Every category, with its number of posts.', empty: 'No categories yet.' },
};

/** `/tags/` or `/categories/`: every term with its number of posts. */
export function TermIndexPage({ menu, kind, terms }: TermIndexPageProps) {
  const words = WORDS[kind];
  const path = withBasePath(`/${kind}/`);
  return (
    <Layout site={site} menu={menu} currentPath={path}>
      <Seo title={words.heading} siteTitle={site.title} description={words.description} canonicalUrl={absoluteUrl(path)} imageUrl={socialImageUrl()} feeds={siteFeeds} />
      <h1>{words.heading}</h1>
      <TermList terms={terms} emptyText={words.empty} />
    </Layout>
  );
}
