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
import { type ContentIndex, type Post } from '../content/types';
import { laterPages, pageUrl } from '../routes/pagination';
import { PAGE_ROUTES } from '../routes/table';
import { basePath, site, siteFeeds, siteIntegrations, withBasePath } from '../config/site';
import { lastChange, newestChange } from '../content/dates';
import type { BuildManifest, SiteRoute } from '../export/manifest-file';


export type { BuildManifest, SiteRoute };

/**
 * Every page the site generates, as the pages' `getStaticPaths` make them (lib/page-props/):
 * home and its later pages, each post and page, the tag and category indexes, each tag's and
 * category's pages, the archive, and the search page (which shows no post until a reader
 * searches, so it has no last change). A list page changed when the newest change among the
 * posts of its whole list did, since a new post shifts every later page too.
 */
export function siteRoutes(index: ContentIndex): SiteRoute[] {
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

export function buildManifest(index: ContentIndex): BuildManifest {
  return { site, integrations: siteIntegrations, basePath, feeds: siteFeeds, posts: index.posts.map(toSummary), pages: index.pages.map(toSummary), routes: siteRoutes(index) };
}

/** Writes the manifest of `index` for the project at `root` (`buildManifestFile`), where the post-export step reads it. */
export function writeBuildManifest(index: ContentIndex, root: string): string {
  const file = buildManifestFile(root);
  writeAtomically(file, `${JSON.stringify(buildManifest(index), null, 2)}\n`);
  return file;
}
