/**
 * The build manifest: what the post-export step (lib/export/finish.ts, run after `next build`)
 * needs to know of the site to write the feeds, the sitemap, robots.txt, the search index and
 * `_headers` (with the base path and the integrations, whose sources the CSP allows); its
 * type and its reader are in lib/export/manifest-file.ts. The prepare step
 * (lib/build/prepare.ts) writes it from the same content index that the pages come from, so
 * the feeds and the sitemap can never list a post or a page the site does not have.
 */
import { buildManifestFile } from '../node/folders';
import { writeAtomically } from '../node/files';
import { toSummary } from '../content/content-index';
import { type ContentIndex } from '../content/types';
import { sitePages } from '../content/site-urls';
import { basePath, site, siteFeeds, siteIntegrations } from '../config/site';
import { newestChange } from '../content/dates';
import type { BuildManifest, SiteRoute } from '../export/manifest-file';
import { termFeed } from '../page-props/lists';

export type { BuildManifest, SiteRoute };

/**
 * Every page the site generates (`sitePages`, lib/content/site-urls.ts), dated for the
 * sitemap: a post or page by its last change, a list page by the newest change among the
 * posts of its whole list, since a new post shifts every later page too, and the search page,
 * which shows no post until a reader searches, not at all.
 */
export const siteRoutes = (index: ContentIndex): SiteRoute[] =>
  sitePages(index).map(({ url, posts, alternates }) => ({ url, lastmod: newestChange(posts), ...(alternates && { alternates }) }));

/**
 * The pages the sitemap lists: every page the site generates but cross-posts, whose canonical
 * URL is where they were first published (a sitemap lists canonical URLs only).
 */
export function sitemapRoutes(index: ContentIndex): SiteRoute[] {
  const crossPosts = new Set([...index.posts, ...index.pages].filter((post) => post.canonical).map((post) => post.url));
  return siteRoutes(index).filter((route) => !crossPosts.has(route.url));
}

export function buildManifest(index: ContentIndex): BuildManifest {
  return {
    site,
    integrations: siteIntegrations,
    basePath,
    feeds: siteFeeds,
    termFeeds: [...index.tags.map((tag) => termFeed(tag, 'tags')), ...index.categories.map((category) => termFeed(category, 'categories'))],
    authors: index.authors.map(({ id, name, url }) => ({ id, name, url })),
    posts: index.posts.map(toSummary),
    pages: index.pages.map(toSummary),
    routes: sitemapRoutes(index),
    redirects: index.redirects.map(({ from, to, title }) => ({ from, to, title })),
  };
}

/** Writes the manifest of `index` for the project at `root` (`buildManifestFile`), where the post-export step reads it. */
export function writeBuildManifest(index: ContentIndex, root: string): string {
  const file = buildManifestFile(root);
  writeAtomically(file, `${JSON.stringify(buildManifest(index), null, 2)}\n`);
  return file;
}
