/**
 * What each page gets from the content index: plain, serializable props. Pages call these
 * from getStaticProps and getStaticPaths and only wire the result to components.
 *
 * Every list page gets only what it shows (one page of summaries, or titles and dates), so
 * no list page grows with the number of posts except the archive, which lists them all.
 */
import { toSummary, type ContentIndex, type Post, type PostSummary, type TermGroup } from '../content/load';
import type { ContentError } from '../content/errors';
import { readCompiledPost } from '../build/compile-cache';
import type { Heading, RenderedBody } from '../markdown/compile';
import type { CommentsEmbed } from '../integrations/integrations.mjs';
import type { SocialImage } from '../images/social-image';
import { getSiteData } from './site-data';
import { site, siteMenu, withBasePath, type MenuItem } from '../config/site';
import { siteCommentsEmbed } from '../config/site';
import type { Template } from '../content/schema';

const isDev = process.env.NODE_ENV === 'development';

/** The content index of the prepared site (lib/site-data.ts). */
const getContentIndex = (): ContentIndex => getSiteData().index;


export interface SiteProps {
  menu: MenuItem[];
}

export interface ContentErrorProps {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

/** A post as lists of titles show it: the archive, related posts, previous and next. */
export interface PostLink {
  title: string;
  url: string;
  /** Calendar date, `YYYY-MM-DD`. */
  date: string;
}

/** Where one page of a paginated list stands, and its neighbours' URLs. */
export interface Pagination {
  /** 1-based. */
  page: number;
  pageCount: number;
  /** The page of newer posts, or null on the first page. */
  previousUrl: string | null;
  /** The page of older posts, or null on the last page. */
  nextUrl: string | null;
}

/** One entry of a table of contents: a heading, with the lower-ranked headings of its section under it. */
export interface TocEntry {
  id: string;
  text: string;
  children: TocEntry[];
}

/** What a post page shows around the body; pages (`template: "page"`) have none of it. */
export interface PostChrome {
  /** The post published just before this one. */
  previous: PostLink | null;
  /** The post published just after this one. */
  next: PostLink | null;
  related: PostLink[];
  tableOfContents: TocEntry[];
  /** The comments, loaded when the reader asks; null when the site has none. */
  comments: CommentsEmbed | null;
}

export type PostPageProps = SiteProps & ({ post: PostSummary; body: RenderedBody; chrome: PostChrome | null; socialImage: SocialImage } | { error: ContentErrorProps });

/** One page of a paginated post list: the home page, a tag or a category. */
export interface PostListPageProps extends SiteProps {
  /** The page's h1. */
  heading: string;
  /** The `<title>`, before the site title; null for the home page itself. */
  title: string | null;
  description: string;
  /** This page's href. */
  path: string;
  posts: PostSummary[];
  pagination: Pagination;
}

export type TermKind = 'tags' | 'categories';

/** A tag or category as the `/tags/` and `/categories/` pages list it. */
export interface TermCount {
  name: string;
  url: string;
  count: number;
}

export interface TermIndexPageProps extends SiteProps {
  kind: TermKind;
  terms: TermCount[];
}

export interface ArchiveYear {
  year: string;
  posts: PostLink[];
}

export interface ArchivePageProps extends SiteProps {
  years: ArchiveYear[];
}

export function getSiteProps(): SiteProps {
  return { menu: siteMenu(getContentIndex().pages) };
}

const toLink = ({ title, url, date }: PostLink): PostLink => ({ title, url, date });

// ---------------------------------------------------------------------------------------
// Pagination

/** How many pages `total` items fill; an empty list still has its one page. */
export const pageCount = (total: number, perPage: number) => Math.max(1, Math.ceil(total / perPage));

/** Page `page` of the list at `baseUrl`: the list's own URL for page 1, then `<baseUrl>page/<n>/`. */
export const pageUrl = (baseUrl: string, page: number) => (page === 1 ? baseUrl : `${baseUrl}page/${page}/`);

/** The page numbers after the first, as `getStaticPaths` params of a `…/page/[page]` route. */
export const laterPages = (total: number, perPage: number) => Array.from({ length: pageCount(total, perPage) - 1 }, (_, i) => String(i + 2));

/** Page `page` (1-based) of `items`; a page outside the list is an error, not an empty page. */
export function paginate<T>(items: readonly T[], baseUrl: string, page: number, perPage: number): { items: T[]; pagination: Pagination } {
  const count = pageCount(items.length, perPage);
  if (!Number.isInteger(page) || page < 1 || page > count) throw new Error(`${baseUrl} has no page ${page}; it has ${count}`);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    pagination: {
      page,
      pageCount: count,
      previousUrl: page > 1 ? pageUrl(baseUrl, page - 1) : null,
      nextUrl: page < count ? pageUrl(baseUrl, page + 1) : null,
    },
  };
}

/** The page number of a `[page]` param (one of `laterPages`); without a param, page 1. */
function pageNumber(param: string | undefined): number {
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
    posts: items.map(toSummary),
    pagination,
  };
}

// ---------------------------------------------------------------------------------------
// Home, tags and categories

const homeListing = (index: ContentIndex): PostListing => ({ posts: index.posts, baseUrl: withBasePath('/'), heading: 'Latest posts', description: site.description, title: null });

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

function findTerm(index: ContentIndex, kind: TermKind, slug: string): TermGroup {
  const group = index[kind].find((term) => term.slug === slug);
  if (!group) throw new Error(`No ${kind === 'tags' ? 'tag' : 'category'} has the slug "${slug}"`);
  return group;
}

/** The list of one tag's or category's posts, for `postListPage`. */
export function termListing(group: TermGroup, kind: TermKind): PostListing {
  const words = TERM_WORDS[kind];
  return { posts: group.posts, baseUrl: group.url, heading: words.heading(group.name), description: words.description(group.name), title: words.heading(group.name) };
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

// ---------------------------------------------------------------------------------------
// Archive

/** Newest-first posts grouped by year, newest year first, each entry only a title, URL and date. */
export function archiveByYear(posts: readonly PostLink[]): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const post of posts) {
    const year = post.date.slice(0, 4);
    if (years.at(-1)?.year !== year) years.push({ year, posts: [] });
    years.at(-1)!.posts.push(toLink(post));
  }
  return years;
}

export function getArchiveProps(): ArchivePageProps {
  const index = getContentIndex();
  return { menu: siteMenu(index.pages), years: archiveByYear(index.posts) };
}

// ---------------------------------------------------------------------------------------
// Post pages

/** Posts with the same set of tags, newest first. */
interface TagSet {
  slugs: Set<string>;
  posts: Post[];
}

/** Per index, built once: each post's position in the newest-first list, and for each tag, the tag sets that hold it. */
interface Lookups {
  position: Map<string, number>;
  tagSets: Map<string, TagSet[]>;
}

const lookups = new WeakMap<ContentIndex, Lookups>();

function lookupsOf(index: ContentIndex): Lookups {
  let found = lookups.get(index);
  if (!found) {
    const bySignature = new Map<string, TagSet>();
    for (const post of index.posts) {
      const slugs = new Set(post.tags.map((tag) => tag.slug));
      const signature = [...slugs].sort().join('\0');
      const tagSet = bySignature.get(signature) ?? { slugs, posts: [] };
      tagSet.posts.push(post);
      bySignature.set(signature, tagSet);
    }
    const tagSets = new Map<string, TagSet[]>();
    for (const tagSet of bySignature.values()) {
      for (const slug of tagSet.slugs) {
        const sets = tagSets.get(slug);
        if (sets) sets.push(tagSet);
        else tagSets.set(slug, [tagSet]);
      }
    }
    found = { position: new Map(index.posts.map((post, i) => [post.slug, i])), tagSets };
    lookups.set(index, found);
  }
  return found;
}

/** The posts published just before and just after `post`. */
export function adjacentPosts(index: ContentIndex, post: Post): { previous: PostLink | null; next: PostLink | null } {
  const position = lookupsOf(index).position.get(post.slug);
  if (position === undefined) throw new Error(`"${post.slug}" is not a post of this index`);
  // The index is newest first: the older post comes after, the newer one before.
  const older = index.posts[position + 1];
  const newer = index.posts[position - 1];
  return { previous: older ? toLink(older) : null, next: newer ? toLink(newer) : null };
}

/**
 * Posts that share tags with `post`: most shared tags first, then newest; never `post` itself.
 *
 * Posts are grouped by their set of tags, so the work is per group that shares a tag with
 * `post`, not per post: a blog with few tags and many posts has few groups, and one with
 * many tags has short ones. Summing over every post of every shared tag would make each
 * post page cost O(posts), and the build quadratic.
 */
export function relatedPosts(index: ContentIndex, post: Post, limit = site.relatedPosts): PostLink[] {
  const { position, tagSets } = lookupsOf(index);
  const ownSlugs = new Set(post.tags.map((tag) => tag.slug));
  // byShared[n]: the tag sets that share n tags with the post.
  const byShared: TagSet[][] = [];
  const seen = new Set<TagSet>();
  for (const slug of ownSlugs) {
    for (const tagSet of tagSets.get(slug) ?? []) {
      if (seen.has(tagSet)) continue;
      seen.add(tagSet);
      const shared = [...tagSet.slugs].filter((other) => ownSlugs.has(other)).length;
      (byShared[shared] ??= []).push(tagSet);
    }
  }
  const related: Post[] = [];
  for (let shared = byShared.length - 1; shared > 0 && related.length < limit; shared--) {
    // Each set's newest posts are enough: only `limit` are wanted, and the post itself may be one of them.
    const newest = (byShared[shared] ?? []).flatMap((tagSet) => tagSet.posts.slice(0, limit + 1)).filter((other) => other !== post);
    newest.sort((a, b) => position.get(a.slug)! - position.get(b.slug)!);
    related.push(...newest.slice(0, limit - related.length));
  }
  return related.map(toLink);
}

/**
 * The body's headings, each nested under the nearest heading of a higher rank before it; none
 * when there are fewer than `site.tableOfContentsMinHeadings`. Ranks are relative: a post whose sections are
 * all `###` lists them side by side, and a heading with no higher-ranked one before it stays
 * at the top level.
 */
export function tableOfContents(headings: readonly Heading[]): TocEntry[] {
  if (headings.length < site.tableOfContentsMinHeadings) return [];
  const entries: TocEntry[] = [];
  // The open sections, outermost first: the headings a later, lower-ranked one can go under.
  const open: { depth: number; entry: TocEntry }[] = [];
  for (const { depth, id, text } of headings) {
    const entry: TocEntry = { id, text, children: [] };
    while (open.length && open.at(-1)!.depth >= depth) open.pop();
    (open.at(-1)?.entry.children ?? entries).push(entry);
    open.push({ depth, entry });
  }
  return entries;
}

/** Slugs of the posts (or pages) to generate; in dev, broken posts too, so their pages can show the error. */
export function getSlugs(template: Template): string[] {
  const index = getContentIndex();
  const entries = template === 'post' ? index.posts : index.pages;
  return [...new Set([...entries.map((post) => post.slug), ...index.broken.map((broken) => broken.slug)])];
}

const errorProps = (error: ContentError): ContentErrorProps => ({
  file: error.file,
  line: error.line ?? null,
  field: error.field ?? null,
  message: error.message,
});

/**
 * `getStaticPaths` fallback for post and page routes. In dev, `next dev` caches the paths
 * and refreshes them in the background, so a post added a moment ago would first answer
 * 404; 'blocking' renders it on its first request instead. The export knows every path.
 */
export const postPathsFallback = isDev ? ('blocking' as const) : false;

/**
 * One post's or page's summary, rendered body and social image, and a post's chrome, as the
 * prepare step made them; null if there is none with that slug (a deleted post, in dev). In
 * dev, a post that could not be read or built shows its error instead.
 */
export function getPostPageProps(template: Template, slug: string): PostPageProps | null {
  const { index, outputs } = getSiteData();
  const siteProps = { menu: siteMenu(index.pages) };
  const broken = index.broken.find((entry) => entry.slug === slug);
  if (broken) return { ...siteProps, error: errorProps(broken.error) };
  const post = template === 'post' ? index.posts[lookupsOf(index).position.get(slug) ?? -1] : index.pages.find((entry) => entry.slug === slug);
  if (!post) return null;
  const output = outputs[post.sourcePath];
  const { html, usesMath, headings } = readCompiledPost(process.cwd(), output.bodyKey);
  const chrome =
    template === 'post' ? { ...adjacentPosts(index, post), related: relatedPosts(index, post), tableOfContents: tableOfContents(headings), comments: siteCommentsEmbed } : null;
  return { ...siteProps, post: toSummary(post), body: { html, usesMath }, chrome, socialImage: output.socialImage };
}
