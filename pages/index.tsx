import type { GetStaticProps } from 'next';
import { Layout } from '../components/Layout/Layout';
import { PostList } from '../components/PostList/PostList';
import { Seo } from '../components/Seo/Seo';
import { getContentIndex, toSummary, type PostSummary } from '../lib/content';
import { getSiteProps, type SiteProps } from '../lib/page-data';
import { absoluteUrl, site } from '../lib/site';

// Plain HTML and CSS: no page ships client JavaScript.
export const config = { unstable_runtimeJS: false };

interface HomeProps extends SiteProps {
  posts: PostSummary[];
}

export const getStaticProps: GetStaticProps<HomeProps> = async () => ({
  props: { ...getSiteProps(), posts: getContentIndex().posts.map(toSummary) },
});

export default function Home({ menu, posts }: HomeProps) {
  return (
    <Layout site={site} menu={menu} currentPath="/">
      <Seo siteTitle={site.title} description={site.description} canonicalUrl={absoluteUrl('/')} />
      <h1>Latest posts</h1>
      <PostList posts={posts} locale={site.dateLocale} />
    </Layout>
  );
}
