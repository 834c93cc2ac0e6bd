/**
 * Every URL the exported site answers, derived from the route table (lib/routes/table.ts) and
 * the content index, so that nothing else keeps a second list of them:
 * - `sitePages`: the pages the pages' `getStaticPaths` make (lib/page-props/), which the
 *   sitemap lists (lib/build/manifest.ts);
 * - `siteUrlSet`: those pages, the not-found page, the files the post-export step writes
 *   (feeds, the tags' and categories' feeds, the feeds' stylesheet, sitemap, robots.txt,
 *   llms.txt, `404.html`), the files the site publishes from `public/`,
 *   and the old URLs that redirect to a page, which the link check (lib/content/links.ts)
 *   resolves every link of every post against.
 */
import { laterPages, pageUrl } from '../routes/pagination';
import { stripBasePath } from '../routes/base-path';
import { FEED_FILES, type FeedFormat, FEED_STYLESHEET_PATH, LLMS_TXT_PATH, NOT_FOUND_FILE, PAGE_ROUTES, ROBOTS_PATH, SITEMAP_PATH, termFeedPath } from '../routes/table';
import { basePath, defaultLanguage, feedsIn, hasAuthorPages, hrefInLanguage, site, withBasePath } from '../config/site';
import type { ContentIndex, Post } from './types';
import { groupBy } from './group-by';

/** A page the site generates: its href, and the posts it shows, whose changes change it. */
export interface SitePage {
  url: string;
  posts: readonly Post[];
  /** The page's href in each language that has it, by code (its own included); none on a site of one language, or for a later page of a list. */
  alternates?: Record<string, string>;
}

/**
 * Every page the site generates, as the pages' `getStaticPaths` make them: home and its later
 * pages, each post and page, the tag and category indexes, each tag's and category's pages,
 * the series index (in a language with a series) and each series' page, the archive, and the search page (which shows no post until a reader searches). The 404
 * page is not one of them: no list links it.
 */
export function sitePages(index: Pick<ContentIndex, 'posts' | 'pages' | 'tags' | 'categories' | 'series' | 'authors'>): SitePage[] {
  const multilingual = site.languages.length > 1;
  const everyLanguage = (sitePath: string) => (multilingual ? Object.fromEntries(site.languages.map(({ code }) => [code, hrefInLanguage(code, sitePath)])) : undefined);
  const byKey = groupBy([...index.posts, ...index.pages], (post) => `${post.template}/${post.translationKey}`);
  const translations = (post: Post) => (multilingual ? Object.fromEntries(byKey.get(`${post.template}/${post.translationKey}`)!.map((entry) => [entry.lang, entry.url])) : undefined);
  const termTranslations = (groups: typeof index.tags) => {
    const bySlug = groupBy(groups, (group) => group.slug);
    return (group: (typeof groups)[number]) => (multilingual ? Object.fromEntries(bySlug.get(group.slug)!.map((entry) => [entry.posts[0].lang, entry.url])) : undefined);
  };
  // The series index is only in the languages with a series (lib/page-props/lists.ts `getSeriesIndexLanguages`).
  const seriesIndexPath = PAGE_ROUTES.seriesIndex.path();
  const seriesLanguages = [...new Set(index.series.map((series) => series.posts[0].lang))];
  const seriesIndex = multilingual ? Object.fromEntries(seriesLanguages.map((code) => [code, hrefInLanguage(code, seriesIndexPath)])) : undefined;
  const alternates = { everyLanguage, translations, tags: termTranslations(index.tags), categories: termTranslations(index.categories), series: termTranslations(index.series), seriesIndex };
  // An author's pages list their posts in every language, at the root only (lib/routes/table.ts): among the default language's.
  const authorPages = hasAuthorPages
    ? [{ url: withBasePath(PAGE_ROUTES.authors.path()), posts: index.authors.flatMap((author) => author.posts) }, ...index.authors.flatMap((author) => listPages(author.url!, author.posts, undefined))]
    : [];
  return site.languages.flatMap(({ code }) => languagePages(code, index, alternates, code === defaultLanguage ? authorPages : []));
}

/** How `languagePages` finds a page's translations. */
interface AlternatesOf {
  everyLanguage: (sitePath: string) => Record<string, string> | undefined;
  translations: (post: Post) => Record<string, string> | undefined;
  tags: (group: ContentIndex['tags'][number]) => Record<string, string> | undefined;
  categories: (group: ContentIndex['tags'][number]) => Record<string, string> | undefined;
  series: (group: ContentIndex['series'][number]) => Record<string, string> | undefined;
  seriesIndex: Record<string, string> | undefined;
}

/** A list's first page, with its alternates, then its later pages. */
function listPages(baseUrl: string, posts: readonly Post[], alternates: Record<string, string> | undefined): SitePage[] {
  return [{ url: baseUrl, posts, ...(alternates && { alternates }) }, ...laterPages(posts.length, site.postsPerPage).map((page) => ({ url: pageUrl(baseUrl, Number(page)), posts }))];
}

/** The pages of one language: its home page at `/` or `/<code>/`, and the rest under it. */
function languagePages(code: string, whole: Pick<ContentIndex, 'posts' | 'pages' | 'tags' | 'categories' | 'series'>, alternatesOf: AlternatesOf, authorPages: SitePage[]): SitePage[] {
  const inLanguage = <T extends { lang: string }>(entries: readonly T[]) => entries.filter((entry) => entry.lang === code);
  // A term is its posts' language's: every post of a term group shares it.
  const termsIn = (groups: typeof whole.tags) => groups.filter((group) => group.posts[0]?.lang === code);
  const index = { posts: inLanguage(whole.posts), pages: inLanguage(whole.pages), tags: termsIn(whole.tags), categories: termsIn(whole.categories), series: termsIn(whole.series) };
  const everywhere = (sitePath: string, posts: readonly Post[]): SitePage => {
    const alternates = alternatesOf.everyLanguage(sitePath);
    return { url: hrefInLanguage(code, sitePath), posts, ...(alternates && { alternates }) };
  };
  return [
    ...listPages(hrefInLanguage(code, PAGE_ROUTES.home.path()), index.posts, alternatesOf.everyLanguage(PAGE_ROUTES.home.path())),
    ...[...index.posts, ...index.pages].map((post) => {
      const alternates = alternatesOf.translations(post);
      return { url: post.url, posts: [post], ...(alternates && { alternates }) };
    }),
    everywhere(PAGE_ROUTES.tags.path(), index.tags.flatMap((tag) => tag.posts)),
    ...index.tags.flatMap((tag) => listPages(tag.url, tag.posts, alternatesOf.tags(tag))),
    everywhere(PAGE_ROUTES.categories.path(), index.categories.flatMap((category) => category.posts)),
    ...index.categories.flatMap((category) => listPages(category.url, category.posts, alternatesOf.categories(category))),
    ...(index.series.length > 0 ? [{ url: hrefInLanguage(code, PAGE_ROUTES.seriesIndex.path()), posts: index.series.flatMap((series) => series.posts), ...(alternatesOf.seriesIndex && { alternates: alternatesOf.seriesIndex }) }] : []),
    ...index.series.map((series) => {
      const alternates = alternatesOf.series(series);
      return { url: series.url, posts: series.posts, ...(alternates && { alternates }) };
    }),
    ...authorPages,
    everywhere(PAGE_ROUTES.archive.path(), index.posts),
    everywhere(PAGE_ROUTES.search.path(), []),
  ];
}

/**
 * A site path as the set compares it: percent-decoded, since `/tags/c%2B%2B/` and
 * `/tags/c++/` are one page to a browser and exported files are named decoded. A path that
 * does not decode is kept as it is.
 */
export function comparableSitePath(sitePath: string): string {
  try {
    return decodeURIComponent(sitePath);
  } catch {
    return sitePath;
  }
}

/** The site path of one of the site's hrefs (`/my-repo/posts/x/` → `/posts/x/`). */
const sitePathOfHref = (href: string) => comparableSitePath(stripBasePath(basePath, href) ?? href);

/** The URLs a link may point to, as comparable site paths (`comparableSitePath`). */
export interface SiteUrlSet {
  /** Pages, each with its trailing slash (`/posts/x/`): exported as `posts/x/index.html`. */
  pages: ReadonlySet<string>;
  /** Files: `/rss.xml`, `/posts/trip/lake.png`, `/_img/lake-…-480.avif`. */
  files: ReadonlySet<string>;
}

export interface SiteUrlSetInput {
  /** Site paths of the files the site publishes from `public/` (lib/build/prepare.ts `publishedFiles`). */
  files: Iterable<string>;
}

/** Every URL the export of `index` answers: see the top of this file. */
export function siteUrlSet(index: ContentIndex, { files }: SiteUrlSetInput): SiteUrlSet {
  // An old URL of a post (`index.redirects`) redirects to it: a link to one works.
  const notFound = site.languages.map(({ code }) => sitePathOfHref(hrefInLanguage(code, PAGE_ROUTES.notFound.path())));
  const pages = new Set([...sitePages(index).map((page) => sitePathOfHref(page.url)), ...notFound, ...index.redirects.map((redirect) => comparableSitePath(redirect.from))]);
  const feeds = site.languages.flatMap(({ code }) => feedsIn(code).map((feed) => sitePathOfHref(feed.href)));
  const feedFormats = Object.keys(FEED_FILES) as FeedFormat[];
  // Each tag's and category's feeds, under its list's path in its language (lib/page-props/lists.ts `termFeed`).
  const termLists = [...index.tags, ...index.categories].map((group) => sitePathOfHref(group.url));
  const termFeedFiles = termLists.flatMap((listPath) => feedFormats.map((format) => comparableSitePath(termFeedPath(listPath, format))));
  const written = [...feeds, ...termFeedFiles, FEED_STYLESHEET_PATH, SITEMAP_PATH, ROBOTS_PATH, LLMS_TXT_PATH, NOT_FOUND_FILE];
  const published = [...files].map(comparableSitePath);
  // A static host serves a published `…/index.html` at its folder too (the CMS's /admin/).
  for (const file of published) if (file.endsWith('/index.html')) pages.add(file.slice(0, -'index.html'.length));
  return { pages, files: new Set([...written, ...published]) };
}

/**
 * The page or file of `urls` that `sitePath` (comparable, without query or fragment) reaches,
 * or null. A page is reached with or without its trailing slash, as static hosts redirect
 * `/posts/x` to `/posts/x/`, and as `/posts/x/index.html`; a file only by its exact path.
 */
export function reachedUrl(urls: SiteUrlSet, sitePath: string): { page: string } | { file: string } | null {
  if (urls.files.has(sitePath)) return { file: sitePath };
  const candidates = [sitePath, `${sitePath}/`, sitePath.endsWith('/index.html') ? sitePath.slice(0, -'index.html'.length) : null];
  const page = candidates.find((candidate) => candidate !== null && urls.pages.has(candidate));
  return page ? { page } : null;
}
