/**
 * Every page the site generates, as the pages' `getStaticPaths` make them (lib/page-props/):
 * what the sitemap lists (lib/build/manifest.ts), and the URLs no old URL of a post may take
 * (lib/content/redirects.ts).
 */
import { site, withBasePath } from '../config/site';
import { laterPages, pageUrl } from '../routes/pagination';
import { PAGE_ROUTES } from '../routes/table';
import { lastChange, newestChange } from './dates';
import type { ContentIndex, Post } from './types';

/** One page the site generates. */
export interface SiteRoute {
  /** Its href, with a trailing slash. */
  url: string;
  /** Calendar date of the last change to what the page shows, or null if it shows no post. */
  lastmod: string | null;
}

/**
 * Home and its later pages, each post and page, the tag and category indexes, each tag's and
 * category's pages, the archive, and the search page (which shows no post until a reader
 * searches, so it has no last change). A list page changed when the newest change among the
 * posts of its whole list did, since a new post shifts every later page too.
 */
export function siteRoutes(index: Pick<ContentIndex, 'posts' | 'pages' | 'tags' | 'categories'>): SiteRoute[] {
  const everyPost = newestChange(index.posts);
  const list = (baseUrl: string, posts: readonly Post[]): SiteRoute[] => {
    const lastmod = newestChange(posts);
    return [baseUrl, ...laterPages(posts.length, site.postsPerPage).map((page) => pageUrl(baseUrl, Number(page)))].map((url) => ({ url, lastmod }));
  };
  return [
    ...list(withBasePath(PAGE_ROUTES.home.path()), index.posts),
    ...[...index.posts, ...index.pages].map((post) => ({ url: post.url, lastmod: lastChange(post) })),
    { url: withBasePath(PAGE_ROUTES.tags.path()), lastmod: newestChange(index.tags.flatMap((tag) => tag.posts)) },
    ...index.tags.flatMap((tag) => list(tag.url, tag.posts)),
    { url: withBasePath(PAGE_ROUTES.categories.path()), lastmod: newestChange(index.categories.flatMap((category) => category.posts)) },
    ...index.categories.flatMap((category) => list(category.url, category.posts)),
    { url: withBasePath(PAGE_ROUTES.archive.path()), lastmod: everyPost },
    { url: withBasePath(PAGE_ROUTES.search.path()), lastmod: null },
  ];
}
