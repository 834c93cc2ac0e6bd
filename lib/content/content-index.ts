/** The index of posts: ordered lists, terms grouped, clashes found, and the summaries pages get. */
import { ContentError } from './errors';
import { nameKey } from './slug';
import { siteRedirects } from './redirects';
import { groupBy } from './group-by';

export { groupBy };
import type { BrokenPost, ContentIndex, Post, PostSummary, Term, TermGroup } from './types';

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
export function termClashes(posts: Post[], kind: 'tags' | 'categories', termsOf: (post: Post) => Term[]): BrokenPost[] {
  const uses = [...posts]
    .sort((a, b) => a.sourcePath.localeCompare(b.sourcePath))
    .flatMap((post) => termsOf(post).map((term, position) => ({ post, term, field: kind === 'tags' ? `tags.${position}` : 'category' })));
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

/** Strips the build-only fields, leaving what a page needs as props. */
export function toSummary(post: Post): PostSummary {
  const { slug, url, template, title, date, updated, readingMinutes, excerpt, category, tags, draft, scheduled, cover, socialImage, canonical, lang } = post;
  return { slug, url, template, title, date, updated, readingMinutes, excerpt, category, tags, draft, scheduled, cover, socialImage, canonical, lang };
}
