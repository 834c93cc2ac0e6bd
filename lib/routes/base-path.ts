/**
 * Where the site lives: its public origin (`site.url`) and the sub-path it is served under
 * (`BASE_PATH`, e.g. `/my-repo` for a GitHub Pages project site). lib/config/site.ts reads both
 * once; next.config.ts, the post-export step and `npm run serve` use these same functions,
 * so every part of the build agrees on them.
 *
 * A "site path" is a path as the site's own routes know it (`/posts/x/`); an "href" is what
 * a page links to, the site path under the base path (`/my-repo/posts/x/`).
 */
import { hasUrlScheme } from './urls';

/** A path segment of a base path: URL-safe characters that need no encoding. */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * The base path from `raw` (the `BASE_PATH` environment variable): `''` when unset, empty or
 * `/`; else one or more segments with a leading and no trailing slash (`my-repo/` →
 * `/my-repo`). Anything else is an error that says what is wrong. `source` is what `raw`
 * came from, for the error.
 */
export function parseBasePath(raw: string | undefined, source = 'BASE_PATH'): string {
  const value = (raw ?? '').trim();
  const segments = value.replace(/^\/+/, '').replace(/\/+$/, '');
  if (segments === '') return '';
  const fail = (reason: string): never => {
    throw new Error(`${source} ${JSON.stringify(raw)} is not a base path like /my-repo: ${reason}`);
  };
  if (hasUrlScheme(value)) fail('it is a URL; give only its path (the origin goes in site.url)');
  for (const segment of segments.split('/')) {
    if (segment === '') fail('it has an empty segment (//)');
    if (segment === '.' || segment === '..') fail(`it has a "${segment}" segment`);
    if (!SEGMENT.test(segment)) fail(`"${segment}" may only hold letters, digits, ".", "_", "~" and "-"`);
  }
  return `/${segments}`;
}

/**
 * The site's public origin from `raw` (`site.url`, or the `SITE_URL` environment variable):
 * an http(s) URL with no path, query or fragment, returned without a trailing slash.
 * `source` is what `raw` came from, for the error.
 */
export function parseSiteUrl(raw: string, source: string): string {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${source} ${JSON.stringify(raw)} is not a URL; give the site's address, like https://blog.example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${source} ${JSON.stringify(raw)} must be an http(s) URL`);
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(`${source} ${JSON.stringify(raw)} must be an origin only, like ${url.origin}; a sub-path goes in BASE_PATH (${url.pathname.replace(/\/+$/, '') || '/'})`);
  }
  return url.origin;
}

/**
 * `sitePath` under `basePath`: `/posts/x/` → `/my-repo/posts/x/`. Only root-relative paths
 * change; a URL with a scheme, a protocol-relative one, `#x`, `?x` and relative paths are
 * returned as they are. Apply it once: it cannot tell a site path from an href.
 */
export const prefixBasePath = (basePath: string, sitePath: string): string => (sitePath.startsWith('/') && !sitePath.startsWith('//') ? basePath + sitePath : sitePath);

/**
 * The site path of `href`, one of the site's own root-relative hrefs: `/my-repo/posts/x/` →
 * `/posts/x/`, and the base path alone → `/`. Null when `href` is not under the base path.
 */
export function stripBasePath(basePath: string, href: string): string | null {
  if (!href.startsWith('/') || href.startsWith('//')) return null;
  if (basePath === '') return href;
  if (href === basePath) return '/';
  return href.startsWith(`${basePath}/`) ? href.slice(basePath.length) : null;
}
