/**
 * The props of the list pages, from the prepared site (lib/page-props/site-data.ts): the home
 * page and its later pages, each tag's and category's pages, the tag and category indexes,
 * the archive, and the pages that list no post (search, 404). Every list page gets only what it
 * shows (one page of summaries, or titles and dates), so no list page grows with the number of
 * posts except the archive, which lists them all.
 */
import { type FeedLink, type MenuItem, site, siteMenu, termFeeds, type FeedChannel, withBasePath } from '../config/site';
import { toSummary } from '../content/content-index';
import { type ContentIndex, type Post, type TermGroup } from '../content/types';
import { laterPages, pageUrl, paginate } from '../routes/pagination';
import { PAGE_ROUTES } from '../routes/table';
import { getContentIndex } from './site-data';
import { toLink } from './post';
import type { ArchivePageProps, ArchiveYear, PostLink, PostListPageProps, SiteProps, TermCount, TermIndexPageProps, TermKind } from './types';

export function getSiteProps(): SiteProps {
  return { menu: siteMenu(getContentIndex().pages) };
}

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
export function postListPage(list: PostListing, page: number, perPage: number, menu: MenuItem[]): PostListPageProps {
  const { items, pagination } = paginate(list.posts, list.baseUrl, page, perPage);
  const pageTitle = page === 1 ? list.title : `${list.title ?? list.heading}, page ${page} of ${pagination.pageCount}`;
  return {
    menu,
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
const homeListing = (index: ContentIndex): PostListing => ({
  posts: index.posts,
  baseUrl: withBasePath(PAGE_ROUTES.home.path()),
  heading: 'Latest posts',
  description: site.description,
  title: null,
  featured: index.posts.filter((post) => post.featured),
});

/** The home page, or with the `[page]` param, `/page/<page>/`. */
export function getHomePageProps(page?: string): PostListPageProps {
  const index = getContentIndex();
  return postListPage(homeListing(index), pageNumber(page), site.postsPerPage, siteMenu(index.pages));
}

/** The `[page]` params of `/page/<page>/`: every page of the home list after the first. */
export function getHomePagePaths(): string[] {
  return laterPages(getContentIndex().posts.length, site.postsPerPage);
}

const TERM_WORDS: Record<TermKind, { heading: (name: string) => string; description: (name: string) => string }> = {
  tags: { heading: (name) => `Posts tagged “${name}”`, description: (name) => `Every post tagged “${name}”, newest first.` },
  categories: { heading: (name) => `Posts in ${name}`, description: (name) => `Every post in the category ${name}, newest first.` },
};

/** The route of one tag's or category's list. */
const TERM_ROUTES: Record<TermKind, { path: (slug: string) => string }> = { tags: PAGE_ROUTES.tag, categories: PAGE_ROUTES.category };

function findTerm(index: ContentIndex, kind: TermKind, slug: string): TermGroup {
  const group = index[kind].find((term) => term.slug === slug);
  if (!group) throw new Error(`No ${kind === 'tags' ? 'tag' : 'category'} has the slug "${slug}"`);
  return group;
}

/** The feeds of one tag's or category's posts (for the build manifest), titled as its list page is: `Posts tagged “aws” | Folio`. */
export function termFeed(group: TermGroup, kind: TermKind): FeedChannel {
  const words = TERM_WORDS[kind];
  const title = `${words.heading(group.name)} | ${site.title}`;
  return { url: group.url, title, description: words.description(group.name), feeds: termFeeds(TERM_ROUTES[kind].path(group.slug), title) };
}

/** The list of one tag's or category's posts, for `postListPage`. */
export function termListing(group: TermGroup, kind: TermKind): PostListing {
  const words = TERM_WORDS[kind];
  return {
    posts: group.posts,
    baseUrl: group.url,
    heading: words.heading(group.name),
    description: words.description(group.name),
    title: words.heading(group.name),
    feeds: termFeed(group, kind).feeds,
  };
}

/** `/tags/<slug>/` or `/categories/<slug>/`, or with the `[page]` param, one of its later pages. */
export function getTermPageProps(kind: TermKind, slug: string, page?: string): PostListPageProps {
  const index = getContentIndex();
  const list = termListing(findTerm(index, kind, slug), kind);
  return postListPage(list, pageNumber(page), site.postsPerPage, siteMenu(index.pages));
}

/**
 * The slugs of every tag or category. They are route params as they are, not percent-encoded:
 * Next writes `out/tags/<slug>/index.html` with the slug itself as the folder name (`中文`),
 * links percent-encode it (`Term.url`), and static servers decode the request path back to it.
 */
export function getTermSlugs(kind: TermKind): string[] {
  return getContentIndex()[kind].map((term) => term.slug);
}

/** The `{ slug, page }` params of every later page of every tag or category. */
export function getTermPagePaths(kind: TermKind): { slug: string; page: string }[] {
  return getContentIndex()[kind].flatMap((term) => laterPages(term.posts.length, site.postsPerPage).map((page) => ({ slug: term.slug, page })));
}

/** Every term with its number of posts, in the index's order (by name). */
export const termCounts = (groups: readonly TermGroup[]): TermCount[] => groups.map((group) => ({ name: group.name, url: group.url, count: group.posts.length }));

export function getTermIndexProps(kind: TermKind): TermIndexPageProps {
  const index = getContentIndex();
  return { menu: siteMenu(index.pages), kind, terms: termCounts(index[kind]) };
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

/** `/series/<slug>/`: every part of one series, in order, on one page. */
export function getSeriesPageProps(slug: string): PostListPageProps {
  const index = getContentIndex();
  const series = index.series.find((group) => group.slug === slug);
  if (!series) throw new Error(`No series has the slug "${slug}"`);
  const parts = series.posts.length;
  const listing = { posts: series.posts, baseUrl: series.url, heading: `Series: ${series.name}`, title: `Series: ${series.name}`, description: `The ${parts} parts of the series “${series.name}”, in order.` };
  return postListPage(listing, 1, Math.max(parts, 1), siteMenu(index.pages));
}

/** The slugs of every series, as route params (see `getTermSlugs`). */
export const getSeriesSlugs = (): string[] => getContentIndex().series.map((series) => series.slug);

export function getArchiveProps(): ArchivePageProps {
  const index = getContentIndex();
  return { menu: siteMenu(index.pages), years: archiveByYear(index.posts) };
}
