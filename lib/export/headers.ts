/**
 * The HTTP headers a CDN should send with each file of the export: a cache policy and the
 * security headers. The post-export step writes them as `out/_headers` (the format Netlify
 * and Cloudflare Pages read); `vercel.json` carries the same rules for Vercel
 * (`vercelHeaders`), `scripts/deploy-s3.sh` the same cache policies for S3 and CloudFront,
 * and `npm run serve` applies `_headers` locally.
 *
 * Cache policy, following the sample post on caching (posts/reinvent-2017.md): cache
 * everything, and choose each TTL by how the file changes.
 * - Files whose name is a hash of their content (`/_next/static/`, the images the build
 *   makes in `/_img/`, the search index's chunks) never change: a year, `immutable`.
 * - Everything else (pages, feeds, the sitemap, images) keeps its name when it changes: a
 *   short browser TTL, after which the browser revalidates (a 304 costs a round trip and no
 *   body), and a longer TTL at the CDN, which serves a stale copy while it refetches.
 *   Even a short edge TTL takes most requests off the origin. Hosts that purge their CDN on
 *   each deploy (Netlify, Cloudflare Pages, Vercel) show a new post at once;
 *   deploy-s3.sh invalidates what changed.
 * - The search index's entry files name the chunks of the current build, so browsers
 *   revalidate them on every use and the edge keeps them only briefly.
 * - The icons and the web app manifest (lib/images/icons.ts) keep their names too, but rarely
 *   change, and a browser asks for them on every page it opens: a day, browser and edge.
 *
 * Security headers on every file: a Content-Security-Policy that allows the pages' inline
 * scripts (the theme script, and the copy script of pages with code) by their hashes (never `'unsafe-inline'`; JSON-LD blocks are data, which no
 * policy governs), `nosniff`, a referrer policy and a permissions policy. Every page also
 * carries its policy in a `<meta http-equiv>` (`metaContentSecurityPolicy`), so it holds on
 * hosts that ignore `_headers` too. The feeds have a policy of their own, which allows their
 * XSL stylesheet and nothing else (`feedContentSecurityPolicy`).
 *
 * Netlify lets a later matching rule override a header, Cloudflare Pages joins the values
 * of every matching rule with commas, so the rules here are written not to overlap (and
 * where Netlify's looser matching makes two overlap, they agree): that way both read the
 * same headers from one file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../node/files';
import { isIconPath } from '../images/icons';
import { ADMIN_PATH, HEADERS_PATH, isFeedPath, isSearchPagePath, LANGUAGE_CODE_PATTERN, REDIRECTS_PATH, SEARCH_INDEX_DIR } from '../routes/table';
import { COPY_CODE_SCRIPT } from '../routes/page-scripts';
import { prefixBasePath } from '../routes/base-path';
import type { CspSources as IntegrationCspSources } from '../integrations/integrations';
import { adminCspSources, type CmsApp } from '../integrations/cms';
import { YOUTUBE_PLAY_STYLE, YOUTUBE_PLAYER_ORIGIN } from '../integrations/youtube-frame';
import { FEED_STYLE } from './feed-stylesheet';

/** The cache policies, by the kind of file. */
export const CACHE_POLICIES = {
  /** Content-hashed files: a new version has a new name. */
  immutable: 'public, max-age=31536000, immutable',
  /** Pages, feeds, the sitemap and other files that keep their name: a minute in the browser, an hour at the edge, a day stale while it refetches. */
  page: 'public, max-age=60, s-maxage=3600, stale-while-revalidate=86400',
  /** The search index's entry files, which name the current build's chunks: revalidated on every use, five minutes at the edge. */
  searchEntry: 'public, max-age=0, must-revalidate, s-maxage=300',
  /** The icons and the manifest: a day in the browser and at the edge, a week stale while it refetches. */
  icon: 'public, max-age=86400, stale-while-revalidate=604800',
};

/** Where the search index (Pagefind) is, as a site path. */
const SEARCH_INDEX_PATH = `/${SEARCH_INDEX_DIR}/`;

/** A search-index file named by its content's hash: Pagefind's index, fragment, filter and meta chunks. */
const SEARCH_CHUNK = /\.pf_(?:index|fragment|filter|meta)$/;

/**
 * Which files get which policy, first match wins: each kind's test, its `Cache-Control`, and
 * the same files for Vercel as a path-to-regexp source, which leaves out the kinds before it
 * so that no two match one path.
 */
interface FileKind {
  kind: 'immutable' | 'searchChunk' | 'searchEntry' | 'searchPage' | 'icon' | 'admin' | 'feed' | 'page';
  test: (sitePath: string) => boolean;
  cache: string;
  vercelSource: string;
}

const FILE_KINDS: FileKind[] = [
  {
    kind: 'immutable',
    test: (sitePath) => sitePath.startsWith('/_next/static/') || sitePath.startsWith('/_img/'),
    cache: CACHE_POLICIES.immutable,
    vercelSource: '/(_next/static|_img)/(.*)',
  },
  {
    kind: 'searchChunk',
    test: (sitePath) => sitePath.startsWith(SEARCH_INDEX_PATH) && SEARCH_CHUNK.test(sitePath),
    cache: CACHE_POLICIES.immutable,
    vercelSource: '/pagefind/(.*\\.pf_(?:index|fragment|filter|meta))',
  },
  {
    kind: 'searchEntry',
    test: (sitePath) => sitePath.startsWith(SEARCH_INDEX_PATH),
    cache: CACHE_POLICIES.searchEntry,
    vercelSource: '/pagefind/((?!.*\\.pf_(?:index|fragment|filter|meta)$).*)',
  },
  // Each language's search page: `/search/`, `/fr/search/`.
  { kind: 'searchPage', test: isSearchPagePath, cache: CACHE_POLICIES.page, vercelSource: `/((?:${LANGUAGE_CODE_PATTERN}/)?search/.*)` },
  { kind: 'icon', test: isIconPath, cache: CACHE_POLICIES.icon, vercelSource: '/(favicon\\.ico|manifest\\.webmanifest|icons/.*)' },
  { kind: 'admin', test: (sitePath) => sitePath.startsWith(ADMIN_PATH), cache: CACHE_POLICIES.page, vercelSource: '/admin/(.*)' },
  {
    kind: 'feed',
    test: isFeedPath,
    cache: CACHE_POLICIES.page,
    vercelSource: `/((?:${LANGUAGE_CODE_PATTERN}/)?(?:rss\\.xml|atom\\.xml|feed\\.json)|feeds/.*)`,
  },
  {
    kind: 'page',
    test: () => true,
    cache: CACHE_POLICIES.page,
    vercelSource: `/((?!_next/static/|_img/|pagefind/|(?:${LANGUAGE_CODE_PATTERN}/)?search/|icons/|admin/|feeds/|favicon\\.ico$|manifest\\.webmanifest$|(?:${LANGUAGE_CODE_PATTERN}/)?(?:rss\\.xml|atom\\.xml|feed\\.json)$).*)`,
  },
];

/** The kind of the file at `sitePath`. */
const kindOf = (sitePath: string): FileKind => FILE_KINDS.find(({ test }) => test(sitePath)) as FileKind;

/**
 * Extra sources an opt-in integration (comments, analytics, a font service) adds to the
 * policy, by directive: origins like `https://giscus.app`, or other CSP source expressions.
 */
export type CspSources = Partial<IntegrationCspSources>;

/** CSP keywords an extra script source may not bring in: they would let injected script run. */
const UNSAFE_SCRIPT_SOURCES = new Set(["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'http:', 'https:', 'data:', 'blob:']);

/** `'sha256-…'`: the CSP source that allows one inline script or stylesheet of exactly `text`. */
export const cspHash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The CSP sources of the theme scripts an export's pages carry (their text, as
 * lib/routes/page-scripts.ts reads it), each once, in a stable order.
 */
export const themeScriptHashes = (themeScripts: Iterable<string>): string[] => [...new Set([...themeScripts].map(cspHash))].sort();

/**
 * Checks the extra sources: each one a single source expression (no spaces, `;` or `,`, which
 * would end the directive or the policy), and no script source that lets any script run.
 */
function checkedSources(extra: CspSources): CspSources {
  for (const [directive, sources] of Object.entries(extra)) {
    for (const source of sources ?? []) {
      if (typeof source !== 'string' || source === '' || /[\s;,]/.test(source)) {
        throw new Error(`Content-Security-Policy: ${directive} source ${JSON.stringify(source)} is not one source expression (like https://example.com)`);
      }
      if (directive === 'scriptSrc' && UNSAFE_SCRIPT_SOURCES.has(source.toLowerCase())) {
        throw new Error(`Content-Security-Policy: scriptSrc may not add ${source}, which would let any script run; add the script's origin instead`);
      }
    }
  }
  return extra;
}

/**
 * The Content-Security-Policy of a page.
 * - `script-src`: the theme script and the copy script by hash, and nothing else; the search
 *   page also loads its same-origin script and compiles the index's WebAssembly
 *   (`'wasm-unsafe-eval'`). The copy script's text is a constant (lib/routes/page-scripts.ts),
 *   so every page's policy allows it, whether or not the page has code: the `_headers` rules
 *   of a folder stay one, and a page's `<meta>` policy is its header's.
 * - `style-src`: the site's stylesheets and the YouTube frame's by hash; `style-src-attr`
 *   allows `style` attributes, which highlighted code and math carry (they cannot run code).
 * - `img-src` and `media-src` allow any https source: posts may show images from other sites.
 * - `frame-src`: YouTube's player, for embeds. No plugins, no `<base>`, forms post only here,
 *   and only this site may frame its pages.
 */
export function contentSecurityPolicy({ themeScriptHashes, search = false, extra = {} }: { themeScriptHashes: string[]; search?: boolean; extra?: CspSources }): string {
  const { scriptSrc = [], frameSrc = [], connectSrc = [], imgSrc = [], styleSrc = [] } = checkedSources(extra);
  const scripts = [...new Set([...(search ? ["'self'", "'wasm-unsafe-eval'"] : []), ...themeScriptHashes, cspHash(COPY_CODE_SCRIPT), ...scriptSrc])];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', scripts],
    ['style-src', ["'self'", cspHash(YOUTUBE_PLAY_STYLE), ...styleSrc]],
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'https:', ...imgSrc]],
    ['media-src', ["'self'", 'https:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...connectSrc]],
    ['frame-src', [YOUTUBE_PLAYER_ORIGIN, ...frameSrc]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`).join('; ');
}

/**
 * The Content-Security-Policy of the CMS's admin page (`/admin/`, lib/build/admin.ts), and of
 * nothing else: what the CMS `app` needs (lib/integrations/cms.ts: `'unsafe-eval'` for Decap,
 * inline styles, `blob:` image previews, the GitHub API, and the local backend's origin
 * `localBackend` on the development admin page), on top of a policy that loads script only
 * from the site itself. No page may frame it.
 */
export function adminContentSecurityPolicy({ app, localBackend = null }: { app: CmsApp; localBackend?: string | null }): string {
  const { scriptSrc, styleSrc, imgSrc, connectSrc } = adminCspSources(app, { localBackend });
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...scriptSrc]],
    ['style-src', ["'self'", ...styleSrc]],
    ['img-src', ["'self'", 'data:', 'https:', ...imgSrc]],
    ['media-src', ["'self'", 'https:', ...imgSrc]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...connectSrc]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * The Content-Security-Policy of the feeds (RSS, Atom and JSON, the site's and each tag's and
 * category's). A browser that opens an RSS or Atom feed loads the XSL stylesheet it names
 * (lib/export/feed-stylesheet.ts), which Chromium checks against `script-src` (to CSP, XSLT is
 * script), and applies the feed's own policy to the page the stylesheet makes of it, whose one
 * inline `<style>`, `FEED_STYLE`, is allowed by its hash. That page has no script, image,
 * font or frame, so nothing else is allowed; no page has this policy.
 */
export function feedContentSecurityPolicy(): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', [cspHash(FEED_STYLE)]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * The directives a `<meta http-equiv="Content-Security-Policy">` cannot carry (CSP 3, §3.3):
 * browsers ignore them there, and Chromium logs an error for each.
 */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The headers every file gets besides its Content-Security-Policy. */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
};

/** What tells search engines to leave the admin page out: it is also in its `<meta name="robots">`. */
export const ADMIN_ROBOTS = 'noindex, nofollow';

/** HTTP headers by name. */
type Headers = Record<string, string>;

/** What a file's Content-Security-Policy allows: the theme scripts by hash, the integrations' sources, and the CMS app the admin page runs. */
export interface PolicyOptions {
  themeScriptHashes: string[];
  extra?: CspSources;
  cmsApp?: CmsApp;
}

/**
 * The headers of a file of the kind `fileKind`: the admin page's files have the admin policy,
 * which owes nothing to the pages' scripts or integrations, and are not to be indexed.
 */
function headersOfKind({ kind, cache }: FileKind, { themeScriptHashes, extra = {}, cmsApp = 'decap' }: PolicyOptions): Headers {
  if (kind === 'admin') {
    return { 'Cache-Control': cache, 'Content-Security-Policy': adminContentSecurityPolicy({ app: cmsApp }), ...SECURITY_HEADERS, 'X-Robots-Tag': ADMIN_ROBOTS };
  }
  if (kind === 'feed') return { 'Cache-Control': cache, 'Content-Security-Policy': feedContentSecurityPolicy(), ...SECURITY_HEADERS };
  const csp = contentSecurityPolicy({ themeScriptHashes, search: kind === 'searchPage', extra });
  return { 'Cache-Control': cache, 'Content-Security-Policy': csp, ...SECURITY_HEADERS };
}

/**
 * The headers of the file at `sitePath`.
 */
export const headersFor = (sitePath: string, options: PolicyOptions): Headers => headersOfKind(kindOf(sitePath), options);

/**
 * The Content-Security-Policy of the page at `sitePath` as its `<meta http-equiv>` states it
 * (pages/_document.tsx): its header's, less the directives a meta element cannot carry. On a
 * host that sends no headers (GitHub Pages, S3 without CloudFront's), the page enforces it
 * itself; where the header is sent too, the browser enforces both, which agree.
 */
export const metaContentSecurityPolicy = (sitePath: string, options: PolicyOptions): string => policyForMeta(headersFor(sitePath, options)['Content-Security-Policy']);

/** A Content-Security-Policy less the directives a `<meta http-equiv>` cannot carry. */
export const policyForMeta = (policy: string): string =>
  policy
    .split('; ')
    .filter((directive) => !HEADER_ONLY_DIRECTIVES.has(directive.slice(0, directive.indexOf(' '))))
    .join('; ');

/** One rule of `_headers`: a URL pattern (an exact path, or a folder with `*`) and its headers. */
export interface HeaderRule {
  pattern: string;
  headers: Headers;
}

/**
 * The rules for the files under `dir` (a site path ending in `/`), whose kinds `files` holds:
 * one `dir*` rule when they are all of one kind, else a rule per file in it and the rules of
 * each sub-folder. A folder's `index.html` is also served at the folder's own URL, so it gets
 * that pattern too. Netlify reads `/404/*` as matching `/404.html` as well, so a folder is
 * folded only if every entry beside it whose name it starts (`404.html` beside `404/`) is of
 * its kind: then a URL may match two rules, but never two that disagree. `files` is every
 * file of the export with its kind, sorted.
 */
function rulesUnder(files: [string, FileKind['kind']][], dir: string, headersOf: (kind: FileKind['kind']) => Headers): HeaderRule[] {
  const under = files.filter(([sitePath]) => sitePath.startsWith(dir));
  const stem = dir.slice(0, -1);
  const neighbours = dir === '/' ? [] : files.filter(([sitePath]) => sitePath.startsWith(stem) && !sitePath.startsWith(dir));
  const kinds = new Set([...under, ...neighbours].map(([, kind]) => kind));
  if (kinds.size === 1) return [{ pattern: `${dir}*`, headers: headersOf(under[0][1]) }];
  const rules: HeaderRule[] = [];
  const folders = new Set<string>();
  for (const [sitePath, kind] of under) {
    const name = sitePath.slice(dir.length);
    if (name.includes('/')) {
      folders.add(dir + name.slice(0, name.indexOf('/') + 1));
      continue;
    }
    if (name === 'index.html') rules.push({ pattern: dir, headers: headersOf(kind) });
    rules.push({ pattern: sitePath, headers: headersOf(kind) });
  }
  for (const folder of [...folders].sort()) rules.push(...rulesUnder(under, folder, headersOf));
  return rules;
}

/**
 * The `_headers` rules for the files of an export (site paths like `/posts/x/index.html`),
 * with patterns under `basePath`, the URLs the site is served at. Every rule that matches a
 * URL gives it the same headers.
 */
export function headerRules(sitePaths: string[], { basePath, ...policy }: PolicyOptions & { basePath: string }): HeaderRule[] {
  if (sitePaths.length === 0) return [];
  const headersByKind = new Map(FILE_KINDS.map((fileKind) => [fileKind.kind, headersOfKind(fileKind, policy)]));
  const files = [...sitePaths].sort().map((sitePath): [string, FileKind['kind']] => [sitePath, kindOf(sitePath).kind]);
  return rulesUnder(files, '/', (kind) => headersByKind.get(kind) as Headers).map((rule) => ({ ...rule, pattern: prefixBasePath(basePath, rule.pattern) }));
}

/**
 * `_headers` in the Netlify and Cloudflare Pages format.
 */
export const headersFile = (rules: HeaderRule[]): string =>
  `# Written by \`npm run build\` (lib/export/headers.ts): cache policy and security headers for Netlify and Cloudflare Pages.\n${rules
    .map(({ pattern, headers }) => `${pattern}\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}\n`).join('')}`)
    .join('')}`;

/**
 * The `headers` of `vercel.json`: the same headers as `_headers` for every file, for a site
 * at the root of its domain (Vercel serves the export there).
 */
export const vercelHeaders = (policy: PolicyOptions): { source: string; headers: { key: string; value: string }[] }[] =>
  FILE_KINDS.map((fileKind) => ({ source: fileKind.vercelSource, headers: Object.entries(headersOfKind(fileKind, policy)).map(([key, value]) => ({ key, value })) }));

/**
 * Writes the `_headers` of the export in `outDir`, whose pages carry the theme scripts
 * `themeScripts` (their text, as lib/routes/page-scripts.ts reads it). Returns the rules.
 */
export function writeHeadersFile(outDir: string, { basePath, themeScripts, extra = {}, cmsApp }: { basePath: string; themeScripts: Iterable<string>; extra?: CspSources; cmsApp?: CmsApp }): HeaderRule[] {
  const sitePaths = filesUnder(outDir)
    .map((file) => `/${path.relative(outDir, file).split(path.sep).join('/')}`)
    .filter((sitePath) => sitePath !== HEADERS_PATH && sitePath !== REDIRECTS_PATH);
  const rules = headerRules(sitePaths, { basePath, themeScriptHashes: themeScriptHashes(themeScripts), extra, cmsApp });
  fs.writeFileSync(path.join(outDir, HEADERS_PATH), headersFile(rules));
  return rules;
}
