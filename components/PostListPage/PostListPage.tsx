import type { PostListPageProps } from '../../lib/page-props/page-props';
import { absoluteUrl, site, siteFeeds, socialImageUrl } from '../../lib/config/site';
import { Layout } from '../Layout/Layout';
import { Pagination } from '../Pagination/Pagination';
import { PostList } from '../PostList/PostList';
import { Seo } from '../Seo/Seo';

/** One page of a post list: the home page and its later pages, and each tag's and category's pages. */
export function PostListPage({ menu, heading, title, description, path, posts, pagination }: PostListPageProps) {
  return (
    <Layout site={site} menu={menu} currentPath={path}>
      <Seo title={title ?? undefined} siteTitle={site.title} description={description} canonicalUrl={absoluteUrl(path)} imageUrl={socialImageUrl()} feeds={siteFeeds} />
      <h1>{heading}</h1>
      <PostList posts={posts} locale={site.dateLocale} />
      <Pagination pagination={pagination} />
    </Layout>
  );
}
