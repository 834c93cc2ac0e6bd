/**
 * The props of a post's or a page's page, from the prepared site (lib/page-props/site-data.ts):
 * its summary, its rendered body and social image, and a post's chrome: previous and next,
 * related posts, the table of contents and the comments. In dev, a broken post's page gets its
 * error instead.
 */
import { defaultLanguage, editUrlOf, isDev, site, siteCommentsEmbed, siteMenu } from '../config/site';
import { toSummary } from '../content/content-index';
import { type ContentIndex, type Post } from '../content/types';
import type { ContentError } from '../content/errors';
import type { Template } from '../content/schema';
import type { Heading } from '../markdown/compile';
import { getLanguageIndex, getSiteData, readCompiledPost } from './site-data';
import { authorProps } from './author-props';
import { postPageLanguage, routePageLanguage } from './languages';
import { PAGE_ROUTES } from '../routes/table';
import type { ContentErrorProps, PostLink, PostPageProps, PostSeries, TocEntry } from './types';

/** A post as lists of titles show it. */
export const toLink = ({ title, url, date }: PostLink): PostLink => ({ title, url, date });

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

/** The series `post` is a part of, with every part in order; null when it is in none. */
export function seriesOf(index: ContentIndex, post: Post): PostSeries | null {
  const series = post.series && index.series.find((group) => group.url === post.series!.url);
  if (!series) return null;
  return { name: series.name, url: series.url, parts: series.posts.map(toLink), current: series.posts.indexOf(post) };
}

/**
 * Slugs of the posts (or pages) in `lang` to generate. None in dev, where every post's page,
 * a broken post's too, is rendered on its first request (`postPathsFallback`): `next dev`
 * rewrites `.next/prerender-manifest.json` in place whenever a route's paths change, while
 * every page it renders reads that file, and a read in between failed with "Unexpected end of
 * JSON input" (a 500) after an author added a post.
 */
export function getSlugs(template: Template, lang: string = defaultLanguage): string[] {
  if (isDev) return [];
  const index = getLanguageIndex(lang);
  const entries = template === 'post' ? index.posts : index.pages;
  return [...new Set(entries.map((post) => post.slug))];
}

const errorProps = (error: ContentError): ContentErrorProps => ({
  file: error.file,
  line: error.line ?? null,
  field: error.field ?? null,
  message: error.message,
});

/**
 * `getStaticPaths` fallback for post and page routes. In dev, 'blocking' renders every post
 * on its first request, one added a moment ago too (`getSlugs` lists none there). The export
 * knows every path.
 */
export const postPathsFallback = isDev ? ('blocking' as const) : false;

/**
 * One post's or page's summary, rendered body and social image, and a post's chrome, as the
 * prepare step made them; null if there is none with that slug (a deleted post, in dev). In
 * dev, a post that could not be read or built shows its error instead.
 */
export function getPostPageProps(template: Template, slug: string, lang: string = defaultLanguage): PostPageProps | null {
  const { index: wholeIndex, outputs, avatars } = getSiteData();
  const index = getLanguageIndex(lang);
  const menu = siteMenu(index.pages, lang);
  const broken = index.broken.find((entry) => entry.slug === slug);
  if (broken) return { menu, language: routePageLanguage(lang, PAGE_ROUTES.home.path()), error: errorProps(broken.error) };
  const post = template === 'post' ? index.posts[lookupsOf(index).position.get(slug) ?? -1] : index.pages.find((entry) => entry.slug === slug);
  if (!post) return null;
  const siteProps = { menu, language: postPageLanguage(wholeIndex, post) };
  const output = outputs[post.sourcePath];
  const { html, usesMath, hasCodeBlocks, headings } = readCompiledPost(process.cwd(), output.bodyKey);
  const chrome =
    template === 'post'
      ? {
          ...adjacentPosts(index, post),
          related: relatedPosts(index, post),
          tableOfContents: tableOfContents(headings),
          series: seriesOf(index, post),
          comments: siteCommentsEmbed,
          authors: post.authors.map((author) => authorProps(author.id, avatars)),
        }
      : null;
  return { ...siteProps, post: toSummary(post), body: { html, usesMath, hasCodeBlocks }, chrome, socialImage: output.socialImage, editUrl: editUrlOf(post.sourcePath) };
}
