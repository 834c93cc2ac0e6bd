/**
 * A post's old URLs (its `aliases`, and the settings' `postAliasPatterns`) as the site knows
 * them: what an author may write, its one normal form, and where its page goes in `out/`.
 * The list of a site's redirects is made from these in lib/content/redirects.ts, and written
 * for each host by lib/export/redirects.ts.
 *
 * An alias is a site path (under the base path, like every route): `/old-slug/`,
 * `/2019/01/old/`, or a file of an old site, `/old.html`. Its normal form has a trailing
 * slash, as every route has, except for a last segment ending in `.html` or `.htm`, which is
 * kept a file. Each segment is percent-encoded once, so `/größe/` and `/gr%C3%B6%C3%9Fe/` are
 * one alias.
 */
import { BUILD_FILE_NAMES, PAGE_ROUTES, RESERVED_SEGMENTS } from './table';
import { hasUrlScheme } from './urls';

/** A segment of an alias, decoded: letters and digits of any script, and `-`, `.`, `_`, `~`. */
const ALIAS_SEGMENT = /^[\p{L}\p{N}\p{M}._~-]+$/u;

/** A last segment that names a file of an old site (`old.html`), kept as a file. */
const HTML_FILE = /\.html?$/i;

/** The placeholders of a `postAliasPatterns` entry, each filled in from the post. */
export const ALIAS_PLACEHOLDERS = ['slug', 'year', 'month', 'day'] as const;

const PLACEHOLDER = new RegExp(`:(${ALIAS_PLACEHOLDERS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/**
 * `raw` as an alias in its normal form (see above), or why it cannot be one: a URL with a
 * scheme or a host, a query or a fragment (static hosts redirect by path alone), dot segments,
 * empty segments, a character outside letters, digits and `-._~`, or the home page.
 */
export function parseAliasPath(raw: string): { sitePath: string } | { problem: string } {
  const fail = (problem: string) => ({ problem });
  if (/[\u0000-\u0020\u007f]/.test(raw)) return fail('has a space or a control character');
  if (hasUrlScheme(raw) || raw.startsWith('//')) return fail('is a URL; give only its path on this site, like /old-slug/');
  if (!raw.startsWith('/')) return fail('must be a path on this site, starting with / (like /old-slug/)');
  if (raw.includes('\\')) return fail('has a backslash; paths use /');
  if (/[?#]/.test(raw)) return fail('has a query or a fragment; static hosts redirect by the path alone');
  const segments = raw.slice(1).replace(/\/$/, '').split('/');
  if (segments.length === 1 && segments[0] === '') return fail('is the home page');
  const decoded: string[] = [];
  for (const segment of segments) {
    if (segment === '') return fail('has an empty segment (//)');
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return fail(`has a malformed escape in "${segment}"`);
    }
    if (name === '.' || name === '..') return fail(`has a "${name}" segment`);
    if (!ALIAS_SEGMENT.test(name)) return fail(`"${name}" may only hold letters, digits, "-", ".", "_" and "~"`);
    if (RESERVED_SEGMENTS.has(name) || /^index\.html?$/i.test(name)) return fail(`has an "${name}" segment: write the folder's path (/old/ for /old/index.html)`);
    decoded.push(name.normalize('NFC'));
  }
  const isFile = HTML_FILE.test(decoded.at(-1) as string);
  return { sitePath: `/${decoded.map(encodeURIComponent).join('/')}${isFile ? '' : '/'}` };
}

/** Why the normal alias `sitePath` is a path the build writes files under itself, or null. */
export function buildFilePathProblem(sitePath: string): string | null {
  const first = decodeURIComponent(sitePath.split('/')[1]);
  return BUILD_FILE_NAMES.has(first) ? `is under /${first}, where the build writes its own files` : null;
}

/** What a post fills a pattern's placeholders with. */
export interface AliasPatternValues {
  slug: string;
  /** Calendar date, `YYYY-MM-DD`. */
  date: string;
}

/** `pattern` with its placeholders filled in from `values`: `/:year/:slug/` → `/2019/old/`. */
export function expandAliasPattern(pattern: string, { slug, date }: AliasPatternValues): string {
  const [year, month, day] = date.split('-');
  const value = { slug, year, month, day };
  return pattern.replace(PLACEHOLDER, (_, name: (typeof ALIAS_PLACEHOLDERS)[number]) => value[name]);
}

/**
 * Why `pattern` cannot be a `postAliasPatterns` entry, or null: it must hold `:slug` (else
 * every post would have the same old URL) and, filled in, be an alias, and not the posts' own
 * URL (`/posts/:slug/`).
 */
export function aliasPatternProblem(pattern: string): string | null {
  if (!pattern.match(PLACEHOLDER)?.includes(':slug')) return 'must hold :slug, else every post would have the same old URL';
  const parsed = parseAliasPath(expandAliasPattern(pattern, { slug: 'slug', date: '2000-01-01' }));
  if ('problem' in parsed) return parsed.problem;
  if (parsed.sitePath === PAGE_ROUTES.post.path('slug')) return 'is where posts are already';
  return buildFilePathProblem(parsed.sitePath);
}

/**
 * Where the page at the alias `sitePath` (its normal form) goes in `out/`, as path segments:
 * `/old/` → `old/index.html`, `/old.html` → `old.html`. Segments are decoded: files are named
 * as the URL reads.
 */
export function aliasPageFile(sitePath: string): string[] {
  const segments = sitePath.split('/').filter(Boolean).map(decodeURIComponent);
  return sitePath.endsWith('/') ? [...segments, 'index.html'] : segments;
}

/**
 * `href` (a site's own root-relative path) as a header or a `_redirects` field may carry it:
 * every character outside ASCII percent-encoded, escapes already there kept.
 */
export const asciiHref = (href: string): string => encodeURI(safeDecode(href));

function safeDecode(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
