/** The index of posts: ordered lists, terms grouped, clashes found, and the summaries pages get. */
import { ContentError } from './errors';
import { nameKey } from './slug';
import { siteRedirects } from './redirects';
import { authorPageHref, siteAuthors } from '../config/site';
import { groupBy } from './group-by';

export { groupBy };
import type { AuthorGroup, BrokenPost, ContentIndex, Post, PostGroupKind, PostSummary, Term, TermGroup } from './types';

/** Newest first; posts of the same day by title, so the order never depends on the file system. */
export const newestFirst = (a: Post, b: Post) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title);

/**
 * The index of posts and pages already read and in order (newest-first posts, pages by title):
 * what `loadContent` returns, and what the pages rebuild from the prepared site (lib/page-props/site-data.ts).
 */
export function contentIndex(posts: Post[], pages: Post[], broken: BrokenPost[], warnings: ContentError[] = []): ContentIndex {
  return {
    posts,
    pages,
    tags: groupByTerm(posts, (post) => post.tags),
    categories: groupByTerm(posts, (post) => (post.category ? [post.category] : [])),
    series: groupByTerm(posts, (post) => (post.series ? [post.series] : [])).map((group) => ({ ...group, posts: [...group.posts].sort(partOrder) })),
    authors: groupByAuthor(posts),
    redirects: siteRedirects(posts, pages),
    broken,
    warnings,
  };
}

/**
 * The part of `index` in one language: its posts and pages, their tags and categories, and the
 * broken posts. Lists, previous and next and related posts are made from it, so each stays in
 * its language.
 */
export function languageIndex(index: ContentIndex, lang: string): ContentIndex {
  const inLanguage = (post: Post) => post.lang === lang;
  return { ...contentIndex(index.posts.filter(inLanguage), index.pages.filter(inLanguage), index.broken, index.warnings), redirects: index.redirects };
}

/**
 * Tags (or categories) whose names would share a URL but differ in more than case and
 * accents (`Node.js` and `Node JS` are both `/tags/node-js/`): each post that spells it
 * otherwise than the first post (by file) is broken, naming that post. `AWS` and `aws` are
 * one tag.
 */
export function termClashes(posts: Post[], kind: PostGroupKind, termsOf: (post: Post) => Term[]): BrokenPost[] {
  const fieldOf = (position: number) => ({ tags: `tags.${position}`, categories: 'category', series: 'series' })[kind];
  const uses = [...posts]
    .sort((a, b) => a.sourcePath.localeCompare(b.sourcePath))
    .flatMap((post) => termsOf(post).map((term, position) => ({ post, term, field: fieldOf(position) })));
  const clashes: BrokenPost[] = [];
  for (const group of groupBy(uses, (use) => use.term.url).values()) {
    const [first] = group;
    for (const use of group.filter((candidate) => nameKey(candidate.term.name) !== nameKey(first.term.name))) {
      const detail = `${JSON.stringify(use.term.name)} and ${JSON.stringify(first.term.name)} in ${first.post.sourcePath} would share the URL ${use.term.url}; names that differ in more than case and accents need different URLs: rename one`;
      clashes.push({ slug: use.post.slug, sourcePath: use.post.sourcePath, error: new ContentError(use.post.sourcePath, detail, { field: use.field }) });
    }
  }
  return clashes;
}

/**
 * The order of a series' parts: by `seriesOrder`, then the parts without one by date (oldest
 * first), then by title, so the order never depends on the file system.
 */
export function partOrder(a: Post, b: Post): number {
  const place = (post: Post) => post.series?.order ?? Number.POSITIVE_INFINITY;
  return place(a) === place(b) ? a.date.localeCompare(b.date) || a.title.localeCompare(b.title) : place(a) < place(b) ? -1 : 1;
}

/**
 * Parts of one series that give the same `seriesOrder`: each is broken, naming the others,
 * as two parts cannot share a place.
 */
export function seriesOrderClashes(posts: Post[]): BrokenPost[] {
  const numbered = posts.filter((post) => post.series?.order != null).sort((a, b) => a.sourcePath.localeCompare(b.sourcePath));
  const clashes: BrokenPost[] = [];
  for (const group of groupBy(numbered, (post) => `${post.series!.url}\0${post.series!.order}`).values()) {
    if (group.length < 2) continue;
    for (const post of group) {
      const others = group.filter((other) => other !== post).map((other) => (other.series!.orderLine ? `${other.sourcePath}:${other.series!.orderLine}` : other.sourcePath));
      const detail = `${post.series!.order} is also the place of ${others.join(' and ')} in the series ${JSON.stringify(post.series!.name)}; give each part its own number`;
      clashes.push({ slug: post.slug, sourcePath: post.sourcePath, error: new ContentError(post.sourcePath, detail, { field: 'seriesOrder', line: post.series!.orderLine ?? undefined }) });
    }
  }
  return clashes;
}

/** Groups newest-first posts by term (slug and language); each group keeps that order, and groups are sorted by name. */
function groupByTerm(posts: Post[], termsOf: (post: Post) => Term[]): TermGroup[] {
  const groups = new Map<string, TermGroup>();
  for (const post of posts) {
    for (const term of termsOf(post)) {
      // By URL, not slug: one tag in two languages is two lists (`/tags/x/`, `/fr/tags/x/`).
      const group = groups.get(term.url) ?? { ...term, posts: [] };
      if (!group.posts.includes(post)) group.posts.push(post);
      groups.set(term.url, group);
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Every author of the site with their newest-first posts, in the settings' order. */
function groupByAuthor(posts: Post[]): AuthorGroup[] {
  return siteAuthors.map(({ id, name }) => ({ id, name, url: authorPageHref(id), posts: posts.filter((post) => post.authors.some((author) => author.id === id)) }));
}

/** Strips the build-only fields, leaving what a page needs as props. */
export function toSummary(post: Post): PostSummary {
  const { slug, url, template, title, date, updated, readingMinutes, excerpt, category, tags, draft, scheduled, cover, socialImage, canonical, authors, lang } = post;
  return { slug, url, template, title, date, updated, readingMinutes, excerpt, category, tags, draft, scheduled, cover, socialImage, canonical, authors, lang };
}
