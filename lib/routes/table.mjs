// @ts-check
/**
 * The paths the build owns: the site's own routes and every file or folder it writes into
 * `out/` besides the pages of posts. A post, page, tag or category whose URL would take one
 * of them fails the build (lib/content.ts), since its page would be overwritten, pruned or
 * written where no link finds it. Plain JavaScript, so the post-export step can use it under
 * Node; each name comes from the constant the code that writes it uses, where one exists.
 */
import { COMMENTS_LOADER_PATH } from '../integrations/integrations.mjs';
import { SEARCH_INDEX_DIR, SEARCH_PAGE_PATH, SEARCH_SCRIPT_PATH } from './page-scripts.mjs';

/**
 * The folder under `public/` (and so under the site's root) where the build puts the images it
 * makes (lib/image-cache.ts). Every file in it is named by its content's hash, so a CDN can
 * cache `/_img/*` as immutable.
 */
export const BUILT_IMAGES_FOLDER = '_img';

/** KaTeX's stylesheet and fonts, published for pages with math (lib/katex-assets.ts). */
export const KATEX_FOLDER = 'katex';

/** Where the post-export step writes each feed (lib/feeds.mjs); pages link them under the base path (lib/site.ts). */
export const FEED_PATHS = { rss: '/rss.xml', atom: '/atom.xml', json: '/feed.json' };

export const SITEMAP_PATH = '/sitemap.xml';
export const ROBOTS_PATH = '/robots.txt';

/** The headers file Netlify and Cloudflare Pages read (lib/headers.mjs). */
export const HEADERS_PATH = '/_headers';

/** The site's icons and web app manifest, in `public/`. */
export const ICON_PATHS = ['/favicon.ico', '/icon.svg', '/apple-touch-icon.png', '/manifest.webmanifest'];

/** The routes of `pages/` besides posts and pages: the list pages, the not-found page and search. */
const SITE_ROUTES = ['/posts/', '/page/', '/tags/', '/categories/', '/archive/', SEARCH_PAGE_PATH, '/404/'];

/** The first segment of a site path: `/search/` → `search`, `/rss.xml` → `rss.xml`. */
const firstSegment = (/** @type {string} */ sitePath) => sitePath.split('/').filter(Boolean)[0];

/**
 * Every name at the root of the site that the build owns: a `template: "page"` entry
 * (served at `/<slug>/`) cannot take one. `index` is Next's name for a folder's own page:
 * `/index/` is exported to `index/index/`, so no URL segment anywhere may be `index`.
 */
export const RESERVED_ROOT_NAMES = new Set([
  ...SITE_ROUTES.map(firstSegment),
  'index',
  '_next',
  '404.html',
  SEARCH_INDEX_DIR,
  BUILT_IMAGES_FOLDER,
  KATEX_FOLDER,
  ...Object.values(FEED_PATHS).map(firstSegment),
  firstSegment(SITEMAP_PATH),
  firstSegment(ROBOTS_PATH),
  firstSegment(HEADERS_PATH),
  ...ICON_PATHS.map(firstSegment),
  firstSegment(COMMENTS_LOADER_PATH),
  firstSegment(SEARCH_SCRIPT_PATH),
]);

/** A URL segment that no post, tag or category may have, wherever it is: see `RESERVED_ROOT_NAMES`. */
export const RESERVED_SEGMENTS = new Set(['index']);

/**
 * Why `slug` cannot be the last segment of a URL under `parent` (`/` for a page, `/posts/`,
 * `/tags/`, `/categories/`), or null if it can.
 * @param {string} parent
 * @param {string} slug
 * @returns {string | null}
 */
export function reservedSlugProblem(parent, slug) {
  const owned = parent === '/' ? RESERVED_ROOT_NAMES.has(slug) : RESERVED_SEGMENTS.has(slug);
  return owned ? `${parent}${slug}/ is a path the build writes itself` : null;
}
