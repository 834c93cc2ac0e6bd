/**
 * The route table: every URL the site has and every path the build owns, in one place. The
 * pages' URLs (post, page and term URLs, list pages and their later pages), the sitemap, the
 * feeds, the headers' file kinds, the prune step and the check that no post takes a path the
 * build writes all come from here.
 *
 * Adding a page route is one entry in `PAGE_ROUTES` plus its page file in `pages/` (and a
 * line in `sitePages` in lib/content/site-urls.ts if the sitemap should list it and posts may link it).
 *
 * A "site path" is a path as the site's own routes know it (`/posts/x/`); an href is a site
 * path under the base path (lib/routes/base-path.ts, `withBasePath` in lib/config/site.ts).
 */

/**
 * The site's pages, each with the page files that render it and the site path of one of its
 * pages. A list route (home, a tag, a category) has later pages at `page/<n>/` under its own
 * path (lib/routes/pagination.ts). Each route's pages in a language other than the default
 * are under `/<code>/` (`inLanguage`), rendered by its files under `pages/[root]/`, whose
 * `root` is the language's code; `pages/[root].tsx` renders both the default language's
 * `template: "page"` entries and the other languages' home pages, as Next allows one dynamic
 * name at each level (docs/architecture.md, Languages).
 */
export const PAGE_ROUTES = Object.freeze({
  home: { files: ['pages/index.tsx', 'pages/page/[page].tsx', 'pages/[root]/page/[page].tsx'], path: () => '/' },
  post: { files: ['pages/posts/[slug].tsx', 'pages/[root]/posts/[slug].tsx'], path: (slug: string) => `/posts/${slug}/` },
  /** A `template: "page"` entry (About, say): at the root, so a page's slug cannot be a name the build owns. */
  page: { files: ['pages/[root].tsx', 'pages/[root]/[slug].tsx'], path: (slug: string) => `/${slug}/` },
  tags: { files: ['pages/tags/index.tsx', 'pages/[root]/tags/index.tsx'], path: () => '/tags/' },
  tag: {
    files: ['pages/tags/[slug]/index.tsx', 'pages/tags/[slug]/page/[page].tsx', 'pages/[root]/tags/[slug]/index.tsx', 'pages/[root]/tags/[slug]/page/[page].tsx'],
    path: (slug: string) => `/tags/${encodeURIComponent(slug)}/`,
  },
  categories: { files: ['pages/categories/index.tsx', 'pages/[root]/categories/index.tsx'], path: () => '/categories/' },
  category: {
    files: ['pages/categories/[slug]/index.tsx', 'pages/categories/[slug]/page/[page].tsx', 'pages/[root]/categories/[slug]/index.tsx', 'pages/[root]/categories/[slug]/page/[page].tsx'],
    path: (slug: string) => `/categories/${encodeURIComponent(slug)}/`,
  },
  /** One series' page: its parts in order (a series is short, so it has no later pages). */
  series: { files: ['pages/series/[slug].tsx', 'pages/[root]/series/[slug].tsx'], path: (slug: string) => `/series/${encodeURIComponent(slug)}/` },
  /** Every series of a language, in the languages that have one (a site without series has no such page). */
  seriesIndex: { files: ['pages/series/index.tsx', 'pages/[root]/series/index.tsx'], path: () => '/series/' },
  /**
   * The authors of a site with more than one (lib/config/site.ts `hasAuthorPages`), and each
   * one's posts, in every language: in the default language's frame, at the root only.
   */
  authors: { files: ['pages/authors/index.tsx'], path: () => '/authors/' },
  author: { files: ['pages/authors/[id]/index.tsx', 'pages/authors/[id]/page/[page].tsx'], path: (id: string) => `/authors/${id}/` },
  archive: { files: ['pages/archive.tsx', 'pages/[root]/archive.tsx'], path: () => '/archive/' },
  search: { files: ['pages/search.tsx', 'pages/[root]/search.tsx'], path: () => '/search/' },
  notFound: { files: ['pages/404.tsx', 'pages/[root]/404.tsx'], path: () => '/404/' },
});

/** The index of each kind of group a post may be in: `/tags/`, `/categories/`, `/series/`. */
export const GROUP_INDEX_ROUTES = Object.freeze({ tags: PAGE_ROUTES.tags, categories: PAGE_ROUTES.categories, series: PAGE_ROUTES.seriesIndex });

/**
 * A site path in one language: the default language's pages are at the root (`/posts/x/`),
 * each other language's under its code (`/fr/posts/x/`). `languagePrefix` is null for the
 * default language and the code otherwise (lib/config/site.ts `languagePrefix` decides).
 */
export const inLanguage = (languagePrefix: string | null, sitePath: string) => (languagePrefix ? `/${languagePrefix}${sitePath}` : sitePath);

/** The segment under a list's path where its later pages are: `/tags/aws/page/2/`. */
export const LATER_PAGES_SEGMENT = 'page';

/** The file name of each feed format in its folder: the site's feeds at the root, a tag's or category's in its own folder. */
export const FEED_FILES = Object.freeze({ rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' });

export type FeedFormat = keyof typeof FEED_FILES;

/** Where the post-export step writes each feed of the site (lib/export/feeds.ts); pages link them under the base path. */
export const FEED_PATHS = Object.freeze({ rss: `/${FEED_FILES.rss}`, atom: `/${FEED_FILES.atom}`, json: `/${FEED_FILES.json}` });

/**
 * The folder of the tags' and categories' feeds: each list's feeds are under its page's path,
 * `/feeds/tags/aws/rss.xml` for `/tags/aws/`. Feeds have a Content-Security-Policy of their
 * own (lib/export/headers.ts), so they are kept out of the pages' folders: one `_headers`
 * rule covers all of them, and each folder of pages stays one rule too.
 */
export const TERM_FEEDS_FOLDER = '/feeds/';

/** Where the feed in `format` of the tag's or category's list at the site path `listPath` is (`/tags/aws/` → `/feeds/tags/aws/rss.xml`). */
export const termFeedPath = (listPath: string, format: FeedFormat) => `${TERM_FEEDS_FOLDER.slice(0, -1)}${listPath}${FEED_FILES[format]}`;

/**
 * The XSL stylesheet the RSS and Atom feeds name (lib/export/feed-stylesheet.ts), so a browser
 * shows a feed as a readable page.
 */
export const FEED_STYLESHEET_PATH = '/feed.xsl';

/** The site for language models (llmstxt.org): its title, description, and its posts and pages as links (lib/export/llms-txt.ts). */
export const LLMS_TXT_PATH = '/llms.txt';

export const SITEMAP_PATH = '/sitemap.xml';
export const ROBOTS_PATH = '/robots.txt';

/** The headers file Netlify and Cloudflare Pages read (lib/export/headers.ts). */
export const HEADERS_PATH = '/_headers';

/** The redirects file Netlify and Cloudflare Pages read (lib/export/redirects.ts): each post's old URLs. */
export const REDIRECTS_PATH = '/_redirects';

/** The not-found page as static hosts look for it (the export writes `404/index.html`; the post-export step copies it). */
export const NOT_FOUND_FILE = '/404.html';

/** Next's own assets, which the export writes and prunes. */
export const NEXT_ASSETS_DIR = '/_next/';

/**
 * The folder under `public/` (and so under the site's root) where the build puts the images it
 * makes (lib/images/cache.ts). Every file in it is named by its content's hash, so a CDN can
 * cache `/_img/*` as immutable.
 */
export const BUILT_IMAGES_FOLDER = '_img';

/** KaTeX's stylesheet and fonts, published for pages with math (lib/build/katex.ts). */
export const KATEX_FOLDER = 'katex';
export const KATEX_STYLESHEET_PATH = `/${KATEX_FOLDER}/katex.min.css`;

/** The search index's folder, written by lib/export/search-index.ts; the search page's script finds it there. */
export const SEARCH_INDEX_DIR = 'pagefind';

/**
 * In the search index's folder: the file that lists, for each language, the folders of the
 * index's further parts, which the search page's script merges into the first (an index of
 * more posts than lib/export/search-index.ts writes at once is written in parts).
 */
export const SEARCH_INDEX_PARTS_FILE = 'parts.json';

/** The folder of the search index's part `n` (2 and on), relative to the index's folder. */
export const searchIndexPartFolder = (n: number) => `parts/${n}/`;

/** The search page's path, the one page that loads search code. */
export const SEARCH_PAGE_PATH = PAGE_ROUTES.search.path();

/** A language code as settings and folders write it (`en`, `pt-br`), as a regular expression's source: lib/config/schema.ts checks codes with it. */
export const LANGUAGE_CODE_PATTERN = '[a-z]{2,3}(?:-[a-z0-9]{2,8})*';

/** True for a site path on a search page of any language: `/search/`, `/fr/search/?q=x`. */
export const isSearchPagePath = (sitePath: string) => new RegExp(`^(?:/${LANGUAGE_CODE_PATTERN})?${SEARCH_PAGE_PATH}`).test(sitePath);

/** The feeds' files: each language's site feeds (`/rss.xml`, `/fr/rss.xml`) and every term's under `TERM_FEEDS_FOLDER`. */
export const isFeedPath = (sitePath: string) =>
  sitePath.startsWith(TERM_FEEDS_FOLDER) || Object.values<string>(FEED_PATHS).some((feedPath) => new RegExp(`^(?:/${LANGUAGE_CODE_PATTERN})?${feedPath.replace('.', '\\.')}$`).test(sitePath));

/** The search page's script (public/search.js). */
export const SEARCH_SCRIPT_PATH = '/search.js';

/**
 * The comments loader: a same-origin script (`public/comments.js`) that loads the comments
 * provider's script when the reader asks for the comments (lib/integrations/integrations.ts).
 * Post pages refer to it only when comments are on; otherwise the post-export step removes it.
 */
export const COMMENTS_LOADER_PATH = '/comments.js';

/**
 * The CMS's admin page (lib/build/admin.ts, docs/cms.md): a static page of its own, with its
 * own Content-Security-Policy, outside the sitemap, the feeds, the search index and the menus.
 */
export const ADMIN_PATH = '/admin/';

/** The site's icons (lib/images/icons.ts): the favicon at the root, the rest in their folder. */
export const ICON_PATHS = Object.freeze({ favicon: '/favicon.ico', manifest: '/manifest.webmanifest', folder: '/icons/' });

/** A folder post's own files, published beside its page: `/posts/<slug>/diagram.png`. */
export const postFilesPath = (slug: string) => PAGE_ROUTES.post.path(slug);

/** The site path of a file the image pipeline made: `/_img/<name>-<hash>-<width>.<format>`. */
export const builtImagePath = (file: string) => `/${BUILT_IMAGES_FOLDER}/${file}`;

/** The first segment of a site path: `/search/` → `search`, `/rss.xml` → `rss.xml`. */
const firstSegment = (sitePath: string) => sitePath.split('/').filter(Boolean)[0];

/**
 * The names at the root of the site where the build writes files that are no page route's:
 * Next's and the image pipeline's assets, KaTeX, the search index and script, the feeds, the
 * sitemap, the hosts' files, the icons, and the list pages' `page/` folder. Nothing else may
 * put a file there: no page, and no old URL of a post (lib/routes/redirects.ts). `index` is
 * Next's name for a folder's own page: `/index/` is exported to `index/index/`.
 */
export const BUILD_FILE_NAMES = new Set(
  [
    `/${LATER_PAGES_SEGMENT}/`,
    '/index/',
    NOT_FOUND_FILE,
    NEXT_ASSETS_DIR,
    `/${BUILT_IMAGES_FOLDER}/`,
    `/${KATEX_FOLDER}/`,
    `/${SEARCH_INDEX_DIR}/`,
    SEARCH_SCRIPT_PATH,
    COMMENTS_LOADER_PATH,
    ...Object.values(FEED_PATHS),
    TERM_FEEDS_FOLDER,
    FEED_STYLESHEET_PATH,
    LLMS_TXT_PATH,
    SITEMAP_PATH,
    ROBOTS_PATH,
    HEADERS_PATH,
    REDIRECTS_PATH,
    ...Object.values(ICON_PATHS),
    ADMIN_PATH,
  ]
    .map(firstSegment)
    .filter(Boolean),
);

/**
 * Every name at the root of the site that the build owns: a `template: "page"` entry (served
 * at `/<slug>/`) cannot take one. The page routes' own folders (`posts`, `tags`…) and the
 * `BUILD_FILE_NAMES`; so no URL segment anywhere may be `index`.
 */
export const RESERVED_ROOT_NAMES = new Set([
  ...Object.values(PAGE_ROUTES)
    .map((route) => route.path('x'))
    .filter((sitePath) => sitePath !== '/x/')
    .map(firstSegment)
    .filter(Boolean),
  ...BUILD_FILE_NAMES,
]);

/** A URL segment that no post, tag or category may have, wherever it is: see `RESERVED_ROOT_NAMES`. */
export const RESERVED_SEGMENTS = new Set(['index']);

/**
 * Why the page at `sitePath` (a post's, a page's, a tag's or a category's, as `PAGE_ROUTES`
 * makes it, before any language prefix) cannot have its last segment, or null if it can. The
 * codes of the site's other languages are root names too: `/fr/` is French's home page.
 */
export function reservedSlugProblem(sitePath: string, languageCodes: ReadonlySet<string> = new Set()): string | null {
  const segments = sitePath.split('/').filter(Boolean);
  const last = decodeURIComponent(segments.at(-1) ?? '');
  const owned = segments.length === 1 ? RESERVED_ROOT_NAMES.has(last) || languageCodes.has(last) : RESERVED_SEGMENTS.has(last);
  return owned ? `${sitePath} is a path the build writes itself` : null;
}
