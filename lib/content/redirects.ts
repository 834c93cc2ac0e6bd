/**
 * The site's redirects, in one list: from each old URL of a post or page (its front matter
 * `aliases` or `redirect_from`, and, for posts, each of the settings' `postAliasPatterns`) to
 * its page. The content index holds it (`ContentIndex.redirects`); the build manifest carries
 * it to the post-export step, which writes `_redirects`, the pages at the old URLs, and what
 * `vercel.json` needs; `npm run serve` reads `_redirects`.
 *
 * An old URL may not be a page of the site, a path the build writes its own files under, a
 * path inside a post's or page's folder (where its files are), or another post's old URL:
 * `redirectCollisions` lists every such clash, naming both sides.
 */
import { basePath, SETTINGS_FILE, site, withBasePath } from '../config/site';
import { buildFilePathProblem, expandAliasPattern, parseAliasPath } from '../routes/redirects';
import { stripBasePath } from '../routes/base-path';
import { PAGE_ROUTES } from '../routes/table';
import { ContentError } from './errors';
import { sitePages } from './site-urls';
import type { BrokenPost, ContentIndex, Post, RedirectSource } from './types';

/** The old URLs of `posts` and `pages`, in order: each post's own first, then those its patterns make. */
export function siteRedirects(posts: readonly Post[], pages: readonly Post[], patterns: readonly string[] = site.postAliasPatterns): RedirectSource[] {
  const redirects: RedirectSource[] = [];
  for (const post of [...posts, ...pages]) {
    const target = { to: post.url, title: post.title, sourcePath: post.sourcePath };
    for (const alias of post.aliases) redirects.push({ ...target, from: alias.sitePath, field: alias.field, line: alias.line, pattern: null });
    if (post.template !== 'post') continue;
    for (const pattern of patterns) {
      const parsed = parseAliasPath(expandAliasPattern(pattern, post));
      // The settings' check made sure a pattern filled in with any slug and date is a path.
      if ('sitePath' in parsed) redirects.push({ ...target, from: parsed.sitePath, field: 'slug', line: null, pattern });
    }
  }
  return redirects;
}

/** A site path in a form two spellings of one URL share: decoded, without a trailing slash. */
const comparable = (sitePath: string) => {
  try {
    return decodeURIComponent(sitePath).normalize('NFC').replace(/\/$/, '');
  } catch {
    return sitePath;
  }
};

/** Where an old URL was asked for, as a message names it. */
const origin = (redirect: RedirectSource) =>
  redirect.pattern === null ? `${redirect.sourcePath}${redirect.line ? `:${redirect.line}` : ''}` : `${redirect.sourcePath} (by the postAliasPatterns entry ${JSON.stringify(redirect.pattern)})`;

/**
 * Every old URL of `index.redirects` that clashes with a page of the site, a path the build
 * writes, a post's or page's folder, or an earlier old URL (by file): one broken post each,
 * naming what it clashes with.
 */
export function redirectCollisions(index: Pick<ContentIndex, 'posts' | 'pages' | 'tags' | 'categories' | 'series' | 'authors' | 'redirects'>): BrokenPost[] {
  const entries = [...index.posts, ...index.pages];
  const owners = new Map(entries.map((post) => [comparable(stripBasePath(basePath, post.url) ?? post.url), post]));
  const pages = new Set([...sitePages(index).map((page) => comparable(stripBasePath(basePath, page.url) ?? page.url)), comparable(PAGE_ROUTES.notFound.path())]);
  const folders = entries.map((post) => ({ post, folder: stripBasePath(basePath, post.url) ?? post.url }));
  const slugs = new Map(entries.map((post) => [post.sourcePath, post.slug]));
  const first = new Map<string, RedirectSource>();
  const collisions: BrokenPost[] = [];
  const ordered = [...index.redirects].sort((a, b) => a.sourcePath.localeCompare(b.sourcePath) || (a.line ?? 0) - (b.line ?? 0));
  for (const redirect of ordered) {
    const key = comparable(redirect.from);
    const owner = owners.get(key);
    const earlier = first.get(key);
    const folder = folders.find(({ folder: prefix }) => redirect.from.startsWith(prefix) && redirect.from !== prefix);
    const problem = owner
      ? owner.sourcePath === redirect.sourcePath
        ? 'is the URL the post has now; list only the URLs it used to have'
        : `is the URL of ${owner.sourcePath}`
      : pages.has(key)
        ? `is the URL of one of the site's pages (${withBasePath(redirect.from)})`
        : buildFilePathProblem(redirect.from) ??
          (folder ? `is inside the folder of ${folder.post.sourcePath}'s page (${folder.folder}), where its files are` : earlier ? `is also an old URL of ${origin(earlier)}` : null);
    if (!earlier && !owner) first.set(key, redirect);
    if (!problem) continue;
    const detail = `old URL ${redirect.from}${redirect.pattern === null ? '' : ` (made by the postAliasPatterns entry ${JSON.stringify(redirect.pattern)} in ${SETTINGS_FILE})`} ${problem}`;
    collisions.push({
      slug: slugs.get(redirect.sourcePath) ?? '',
      sourcePath: redirect.sourcePath,
      error: new ContentError(redirect.sourcePath, detail, { field: redirect.field, line: redirect.line ?? undefined }),
    });
  }
  return collisions;
}
