/**
 * The link check of the prepare step (lib/build/prepare.ts): every URL a post's body gives
 * that points into this site (a link, an image, a media file; collected as the body compiled,
 * lib/markdown/links.ts) is resolved as a browser resolves it from the post's page, and must
 * reach a page or file the export has (lib/content/site-urls.ts); with a fragment, a post's
 * or page's URL must also name an id its body has. Links to other sites are never fetched.
 */
import { stripBasePath } from '../routes/base-path';
import { pointsIntoSite } from '../routes/urls';
import { ContentError } from './errors';
import { comparableSitePath, reachedUrl, type SiteUrlSet } from './site-urls';

/** A URL of a body that points into the site, as its page has it (under the base path), its line in the post's file, and what holds it ("link", "image"). */
export interface BodyLink {
  url: string;
  line?: number;
  what: string;
}

/** What the link check needs of one post: its file, its page's href, and its body's links and ids. */
export interface LinkedPost {
  sourcePath: string;
  url: string;
  links: readonly BodyLink[];
  ids: readonly string[];
}

/** The site the links are in: its base path and its origin (`site.url`). */
export interface LinkContext {
  basePath: string;
  siteUrl: string;
}

/** Where a link leads: a comparable site path (`comparableSitePath`, no query) and its fragment, decoded. */
export interface LinkTarget {
  sitePath: string;
  fragment: string;
}

/**
 * Where `url`, on the page at `pageHref`, leads, as a browser resolves it (a relative URL
 * against the page, dot segments, `%20`, the query dropped); null when it leaves the site:
 * another host or scheme, or a path on the site's host outside its base path.
 */
export function linkTarget(url: string, pageHref: string, { basePath, siteUrl }: LinkContext): LinkTarget | null {
  if (!pointsIntoSite(url, siteUrl)) return null;
  const target = new URL(url, new URL(pageHref, siteUrl));
  const sitePath = stripBasePath(basePath, target.pathname);
  return sitePath === null ? null : { sitePath: comparableSitePath(sitePath), fragment: comparableSitePath(target.hash.slice(1)) };
}

/** A fragment every page has: none (`#`), and `#top`, which browsers scroll to the top for. */
const isTopOfPage = (fragment: string) => fragment === '' || fragment.toLowerCase() === 'top';

/**
 * Why `url`, on the page at `pageHref`, is broken (completing `link "<url>" is broken: …`), or
 * null when it works or leaves the site. `idsByPage` holds the ids of each post's and page's
 * body by its site path; a fragment of any other page (a list, a file) is not checked.
 */
export function linkProblem(url: string, pageHref: string, urls: SiteUrlSet, idsByPage: ReadonlyMap<string, ReadonlySet<string>>, context: LinkContext): string | null {
  const target = linkTarget(url, pageHref, context);
  if (target === null) return null;
  const reached = reachedUrl(urls, target.sitePath);
  if (reached === null) {
    // `/my-repo/posts/x/` in a body gets the base path again (lib/markdown/urls.ts), as every root-relative URL does.
    const withoutBasePath = context.basePath && stripBasePath(context.basePath, target.sitePath);
    const hint = withoutBasePath && reachedUrl(urls, withoutBasePath) ? ` (write it without the base path: ${withoutBasePath})` : '';
    return `this site has no page or file at ${target.sitePath}${hint}`;
  }
  if (!('page' in reached)) return null;
  const ids = idsByPage.get(reached.page);
  if (!ids || isTopOfPage(target.fragment) || ids.has(target.fragment)) return null;
  const page = reached.page === linkTarget(pageHref, pageHref, context)?.sitePath ? 'this post' : reached.page;
  return `${page} has no heading or element with id "${target.fragment}"`;
}

/** The URL as its author wrote it: a root-relative URL without the base path the compile put before it. */
const asWritten = (url: string, basePath: string) => (url.startsWith('/') ? (stripBasePath(basePath, url) ?? url) : url);

/** Every broken link of `posts`, each an error naming its post's file and its line. */
export function brokenLinks(posts: readonly LinkedPost[], urls: SiteUrlSet, context: LinkContext): ContentError[] {
  const idsByPage = new Map(posts.map((post) => [linkTarget(post.url, post.url, context)?.sitePath ?? post.url, new Set(post.ids)]));
  return posts.flatMap((post) =>
    post.links.flatMap((link) => {
      const problem = linkProblem(link.url, post.url, urls, idsByPage, context);
      return problem === null ? [] : [new ContentError(post.sourcePath, `${link.what} "${asWritten(link.url, context.basePath)}" is broken: ${problem}`, { line: link.line })];
    }),
  );
}
