/**
 * The props of the list pages, from the prepared site (lib/page-props/site-data.ts): the home
 * page and its later pages, each tag's and category's pages, the tag and category indexes,
 * the archive, and the pages that list no post (search, 404). Every list page gets only what it
 * shows (one page of summaries, or titles and dates), so no list page grows with the number of
 * posts except the archive, which lists them all.
 */
import { basePath, defaultLanguage, hrefInLanguage, site, siteMenu, termFeeds, uiTextOf, type FeedChannel, type FeedLink } from '../config/site';
import { ENGLISH, fillIn, plural, type Dictionary, type DictionaryKey } from '../config/dictionaries';
import { stripBasePath } from '../routes/base-path';
import { toSummary } from '../content/content-index';
import { type ContentIndex, type Post, type PostGroupKind, type TermGroup } from '../content/types';
import { laterPages, pageUrl, paginate } from '../routes/pagination';
import { GROUP_INDEX_ROUTES, PAGE_ROUTES } from '../routes/table';
import { getLanguageIndex } from './site-data';
import { toLink } from './post';
import { pageLanguage, routePageLanguage } from './languages';
import type { ArchivePageProps, ArchiveYear, PageLanguage, PostLink, PostListPageProps, SiteProps, TermCount, TermIndexPageProps, TermKind } from './types';

/** What every page of the language `lang` at the site path `sitePath` (the same in every language) gets: its menu and language. */
function routeSiteProps(lang: string, sitePath: string): SiteProps {
  return { menu: siteMenu(getLanguageIndex(lang).pages, lang), language: routePageLanguage(lang, sitePath) };
}

/** The search page in `lang`. */
export const getSearchProps = (lang: string = defaultLanguage): SiteProps => routeSiteProps(lang, PAGE_ROUTES.search.path());

/** The not-found page in `lang`. */
export const getNotFoundProps = (lang: string = defaultLanguage): SiteProps => routeSiteProps(lang, PAGE_ROUTES.notFound.path());

/** The codes of the languages whose pages are under `/<code>/`, as route params: every one but the default. */
export const getLanguagePaths = (): string[] => site.languages.filter((language) => !language.default).map((language) => language.code);

/** The page number of a `[page]` param (one of `laterPages`); without a param, page 1. */
export function pageNumber(param: string | undefined): number {
  if (param === undefined) return 1;
  if (!/^[1-9]\d*$/.test(param) || param === '1') throw new Error(`"${param}" is not the number of a later page`);
  return Number(param);
}

interface PostListing {
  posts: readonly Post[];
  baseUrl: string;
  heading: string;
  description: string;
  /** The `<title>` of page 1; null to use the site title alone. */
  title: string | null;
  /** The list's own feeds (a tag's or category's), linked from each of its pages. */
  feeds?: FeedLink[];
  /** Shown above the list on page 1 only; none unless given. */
  featured?: readonly Post[];
}

/** Page `page` of a post list, with only that page's summaries. */
export function postListPage(list: PostListing, page: number, perPage: number, { menu, language }: SiteProps): PostListPageProps {
  const { items, pagination } = paginate(list.posts, list.baseUrl, page, perPage);
  const pageTitle = page === 1 ? list.title : fillIn(language.text.titlePage, { title: list.title ?? list.heading, page, pages: pagination.pageCount });
  return {
    menu,
    language,
    heading: list.heading,
    title: pageTitle,
    description: list.description,
    path: pageUrl(list.baseUrl, page),
    feeds: list.feeds ?? [],
    posts: items.map(toSummary),
    pagination,
    featured: page === 1 ? (list.featured ?? []).map(toSummary) : [],
  };
}

/** Featured posts are listed in their place below too: the list stays every post, newest first (docs/writing.md). */
const homeListing = (index: ContentIndex, lang: string): PostListing => ({
  posts: index.posts,
  baseUrl: hrefInLanguage(lang, PAGE_ROUTES.home.path()),
  heading: uiTextOf(lang).latestPosts,
  description: site.description,
  title: null,
  featured: index.posts.filter((post) => post.featured),
});

/** The home page of `lang`, or with the `[page]` param, `/page/<page>/` (`/fr/page/<page>/`). */
export function getHomePageProps(page?: string, lang: string = defaultLanguage): PostListPageProps {
  return postListPage(homeListing(getLanguageIndex(lang), lang), pageNumber(page), site.postsPerPage, routeSiteProps(lang, PAGE_ROUTES.home.path()));
}

/** The `[page]` params of `/page/<page>/` in `lang`: every page of its home list after the first. */
export function getHomePagePaths(lang: string = defaultLanguage): string[] {
  return laterPages(getLanguageIndex(lang).posts.length, site.postsPerPage);
}

/** The dictionary's words for a list of one term's posts. */
const TERM_WORDS = {
  tags: { heading: 'postsTagged', description: 'postsTaggedDescription' },
  categories: { heading: 'postsInCategory', description: 'postsInCategoryDescription' },
} as const satisfies Record<TermKind, { heading: DictionaryKey; description: DictionaryKey }>;

function findTerm(index: ContentIndex, kind: TermKind, slug: string): TermGroup {
  const group = index[kind].find((term) => term.slug === slug);
  if (!group) throw new Error(`No ${kind === 'tags' ? 'tag' : 'category'} has the slug "${slug}"`);
  return group;
}

/**
 * The feeds of one tag's or category's posts (for the build manifest), in its posts' language,
 * titled as its list page is: `Posts tagged “aws” | Folio`; under `/feeds/` and the list's own
 * path, its language's prefix included (`/feeds/fr/tags/aws/rss.xml`).
 */
export function termFeed(group: TermGroup, kind: TermKind): FeedChannel {
  const lang = group.posts[0]?.lang ?? defaultLanguage;
  const text = uiTextOf(lang);
  const heading = fillIn(text[TERM_WORDS[kind].heading], { name: group.name });
  const title = `${heading} | ${site.title}`;
  return { url: group.url, lang, title, description: fillIn(text[TERM_WORDS[kind].description], { name: group.name }), feeds: termFeeds(stripBasePath(basePath, group.url) ?? group.url, title) };
}

/** The list of one tag's or category's posts, for `postListPage`. */
export function termListing(group: TermGroup, kind: TermKind, text: Dictionary = ENGLISH): PostListing {
  const words = TERM_WORDS[kind];
  const heading = fillIn(text[words.heading], { name: group.name });
  return { posts: group.posts, baseUrl: group.url, heading, description: fillIn(text[words.description], { name: group.name }), title: heading, feeds: termFeed(group, kind).feeds };
}

/** A term's or series' page in `lang`: its translations are the same group (by slug) in the languages that have it. */
function groupPageLanguage(kind: PostGroupKind, slug: string, lang: string): PageLanguage {
  const translations = site.languages.flatMap(({ code }) => getLanguageIndex(code)[kind].filter((term) => term.slug === slug).map((term) => [code, term.url] as const));
  return pageLanguage(lang, new Map(translations));
}

/** `/tags/<slug>/` or `/categories/<slug>/` in `lang`, or with the `[page]` param, one of its later pages. */
export function getTermPageProps(kind: TermKind, slug: string, page?: string, lang: string = defaultLanguage): PostListPageProps {
  const index = getLanguageIndex(lang);
  const language = groupPageLanguage(kind, slug, lang);
  const list = termListing(findTerm(index, kind, slug), kind, language.text);
  return postListPage(list, pageNumber(page), site.postsPerPage, { menu: siteMenu(index.pages, lang), language });
}

/**
 * The slugs of every tag or category. They are route params as they are, not percent-encoded:
 * Next writes `out/tags/<slug>/index.html` with the slug itself as the folder name (`中文`),
 * links percent-encode it (`Term.url`), and static servers decode the request path back to it.
 */
export function getTermSlugs(kind: TermKind, lang: string = defaultLanguage): string[] {
  return getLanguageIndex(lang)[kind].map((term) => term.slug);
}

/** The `{ slug, page }` params of every later page of every tag or category in `lang`. */
export function getTermPagePaths(kind: TermKind, lang: string = defaultLanguage): { slug: string; page: string }[] {
  return getLanguageIndex(lang)[kind].flatMap((term) => laterPages(term.posts.length, site.postsPerPage).map((page) => ({ slug: term.slug, page })));
}

/** Every term with its number of posts, in the index's order (by name). */
export const termCounts = (groups: readonly TermGroup[]): TermCount[] => groups.map((group) => ({ name: group.name, url: group.url, count: group.posts.length }));

/** The codes of the languages with at least one series: only they have a series index (`/series/`, `/<code>/series/`). */
export const getSeriesIndexLanguages = (): string[] => site.languages.map(({ code }) => code).filter((code) => getLanguageIndex(code).series.length > 0);

/** `/tags/`, `/categories/` or `/series/` in `lang`: every group of that kind, by name, with its number of posts (a series' parts). */
export function getTermIndexProps(kind: PostGroupKind, lang: string = defaultLanguage): TermIndexPageProps {
  const index = getLanguageIndex(lang);
  const sitePath = GROUP_INDEX_ROUTES[kind].path();
  // Every language has a tags and a categories index; a series index is only in the languages with a series.
  const language =
    kind === 'series' ? pageLanguage(lang, new Map(getSeriesIndexLanguages().map((code) => [code, hrefInLanguage(code, sitePath)]))) : routePageLanguage(lang, sitePath);
  return { menu: siteMenu(index.pages, lang), language, kind, terms: termCounts(index[kind]) };
}

/**
 * Newest-first posts grouped by year and, within each year, by month (`YYYY-MM`, read from the
 * calendar date, so no time zone moves a post to another month), newest first; each entry
 * only a title, URL and date.
 */
export function archiveByYear(posts: readonly PostLink[]): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const post of posts) {
    const year = post.date.slice(0, 4);
    const month = post.date.slice(0, 7);
    if (years.at(-1)?.year !== year) years.push({ year, months: [] });
    const { months } = years.at(-1)!;
    if (months.at(-1)?.month !== month) months.push({ month, posts: [] });
    months.at(-1)!.posts.push(toLink(post));
  }
  return years;
}

/** `/series/<slug>/` in `lang` (`/fr/series/<slug>/`): every part of one series, in order, on one page. */
export function getSeriesPageProps(slug: string, lang: string = defaultLanguage): PostListPageProps {
  const index = getLanguageIndex(lang);
  const series = index.series.find((group) => group.slug === slug);
  if (!series) throw new Error(`No series has the slug "${slug}"`);
  const parts = series.posts.length;
  const language = groupPageLanguage('series', slug, lang);
  const heading = fillIn(language.text.seriesHeading, { name: series.name });
  const description = plural(language.text.seriesDescription, parts, language.dateLocale, { name: series.name });
  const listing = { posts: series.posts, baseUrl: series.url, heading, title: heading, description };
  return postListPage(listing, 1, Math.max(parts, 1), { menu: siteMenu(index.pages, lang), language });
}

/** The slugs of every series in `lang`, as route params (see `getTermSlugs`). */
export const getSeriesSlugs = (lang: string = defaultLanguage): string[] => getLanguageIndex(lang).series.map((series) => series.slug);

export function getArchiveProps(lang: string = defaultLanguage): ArchivePageProps {
  return { ...routeSiteProps(lang, PAGE_ROUTES.archive.path()), years: archiveByYear(getLanguageIndex(lang).posts) };
}
