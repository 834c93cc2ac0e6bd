/**
 * @jest-environment node
 *
 * The headers the CDN sends (lib/export/headers.ts): the Content-Security-Policy, the `_headers`
 * rules as Netlify's own parser reads them, and `vercel.json`'s rules, which must give every
 * file the same headers. The CSP hash against a real build's pages, and `vercel.json`'s hash,
 * are checked in e2e/base-path.test.ts: the theme script's text is the bundler's output.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { pathToRegexp } from 'path-to-regexp';
import { adminContentSecurityPolicy, CACHE_POLICIES, contentSecurityPolicy, cspHash, feedContentSecurityPolicy, headerRules, headersFile, headersFor, metaContentSecurityPolicy, vercelHeaders } from '../lib/export/headers';
import { FEED_STYLE } from '../lib/export/feed-stylesheet';
import { YOUTUBE_PLAY_STYLE } from '../lib/integrations/youtube-frame';
import { COPY_CODE_SCRIPT } from '../lib/routes/page-scripts';

const root = path.resolve(__dirname, '..');
const HASH = cspHash('theme();');
/** The copy script's hash: its text is a constant, which every page's policy allows. */
const COPY_HASH = cspHash(COPY_CODE_SCRIPT);
const policy = { themeScriptHashes: [HASH] };

/**
 * The header lines of each kind of file, exactly as they must be sent, written out here rather
 * than taken from lib/export/headers.ts: every rule of `_headers` and `vercel.json` is checked against them.
 */
const csp = (scriptSrc: string) =>
  `Content-Security-Policy: default-src 'self'; script-src ${scriptSrc}; style-src 'self' ${cspHash(YOUTUBE_PLAY_STYLE)}; style-src-attr 'unsafe-inline'; img-src 'self' data: https:; media-src 'self' https:; font-src 'self'; connect-src 'self'; frame-src https://www.youtube-nocookie.com; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'`;
const SECURITY_LINES = ['X-Content-Type-Options: nosniff', 'Referrer-Policy: strict-origin-when-cross-origin', 'Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'];
const HEADER_LINES = {
  hashed: ['Cache-Control: public, max-age=31536000, immutable', csp(`${HASH} ${COPY_HASH}`), ...SECURITY_LINES],
  searchEntry: ['Cache-Control: public, max-age=0, must-revalidate, s-maxage=300', csp(`${HASH} ${COPY_HASH}`), ...SECURITY_LINES],
  icon: ['Cache-Control: public, max-age=86400, stale-while-revalidate=604800', csp(`${HASH} ${COPY_HASH}`), ...SECURITY_LINES],
  page: ['Cache-Control: public, max-age=60, s-maxage=3600, stale-while-revalidate=86400', csp(`${HASH} ${COPY_HASH}`), ...SECURITY_LINES],
  searchPage: ['Cache-Control: public, max-age=60, s-maxage=3600, stale-while-revalidate=86400', csp(`'self' 'wasm-unsafe-eval' ${HASH} ${COPY_HASH}`), ...SECURITY_LINES],
  // The CMS's admin page alone: Decap's 'unsafe-eval', inline styles, blob: previews, the GitHub API; no framing; noindex.
  admin: [
    'Cache-Control: public, max-age=60, s-maxage=3600, stale-while-revalidate=86400',
    "Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https: blob:; media-src 'self' https: blob:; font-src 'self'; connect-src 'self' blob: https://api.github.com; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ...SECURITY_LINES,
    'X-Robots-Tag: noindex, nofollow',
  ],
  // The feeds alone: their XSL stylesheet, a script to CSP, from the site itself, and the page it makes's one inline style; nothing else.
  feed: [
    'Cache-Control: public, max-age=60, s-maxage=3600, stale-while-revalidate=86400',
    `Content-Security-Policy: default-src 'none'; script-src 'self'; style-src ${cspHash(FEED_STYLE)}; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`,
    ...SECURITY_LINES,
  ],
};

/** The files of an export with a search page and a Pagefind index, as site paths, and the kind of each. */
const KIND_OF: Record<string, keyof typeof HEADER_LINES> = {
  '/index.html': 'page',
  '/404.html': 'page',
  '/404/index.html': 'page',
  '/rss.xml': 'feed',
  '/atom.xml': 'feed',
  '/feed.json': 'feed',
  '/feed.xsl': 'page',
  '/llms.txt': 'page',
  '/feeds/tags/caching/rss.xml': 'feed',
  '/feeds/tags/caching/atom.xml': 'feed',
  '/feeds/tags/caching/feed.json': 'feed',
  '/feeds/categories/notes/rss.xml': 'feed',
  // Netlify's /feeds/* would match it too: it must not fold /feeds/.
  '/feedstuff/index.html': 'page',
  '/posts/rss.xml/index.html': 'page',
  '/sitemap.xml': 'page',
  '/robots.txt': 'page',
  '/social-default.png': 'page',
  '/about/index.html': 'page',
  '/posts/first/index.html': 'page',
  '/posts/folder/diagram.png': 'page',
  '/tags/caching/index.html': 'page',
  '/tags/caching/page/2/index.html': 'page',
  '/katex/katex.min.css': 'page',
  '/_next/static/chunks/0220arb7ktvfk.css': 'hashed',
  '/_next/static/media/font.woff2': 'hashed',
  '/_img/lake-0a1b2c3d4e5f-960.avif': 'hashed',
  '/_img/card-0a1b2c3d4e5f.png': 'hashed',
  '/search/index.html': 'searchPage',
  // Netlify's /search/* would match it too: it must not fold /search/.
  '/searching/index.html': 'page',
  '/pagefind/pagefind.js': 'searchEntry',
  '/pagefind/pagefind-entry.json': 'searchEntry',
  '/pagefind/pagefind-worker.js': 'searchEntry',
  '/pagefind/wasm.en.pagefind': 'searchEntry',
  '/pagefind/pagefind.en_4f2a9c.pf_meta': 'hashed',
  '/pagefind/index/en_8b1d2e.pf_index': 'hashed',
  '/pagefind/fragment/en_11aa22.pf_fragment': 'hashed',
  '/pagefind/filter/en_33bb44.pf_filter': 'hashed',
  // A large site's index in parts: each part's chunks and entry file, and the list of parts.
  '/pagefind/parts.json': 'searchEntry',
  '/pagefind/parts/2/pagefind-entry.json': 'searchEntry',
  '/pagefind/parts/2/pagefind.en_5e3b1a.pf_meta': 'hashed',
  '/pagefind/parts/2/index/en_8b1d2f.pf_index': 'hashed',
  '/pagefind/parts/2/fragment/en_11aa23.pf_fragment': 'hashed',
  '/admin/index.html': 'admin',
  '/admin/config.yml': 'admin',
  '/admin/cms.js': 'admin',
  '/admin/103.decap-cms.js': 'admin',
  // Netlify's /admin/* would match it too: it must not fold /admin/.
  '/administration/index.html': 'page',
  '/favicon.ico': 'icon',
  '/manifest.webmanifest': 'icon',
  '/icons/icon.svg': 'icon',
  '/icons/apple-touch-icon.png': 'icon',
  '/icons/icon-192.png': 'icon',
  // Netlify's /icons/* would match it too: it must not fold /icons/, nor be an icon.
  '/iconsets/index.html': 'page',
  // Another language's pages, search page and feed, and its 404 page as hosts serve it for a missing path under /fr/.
  '/fr/index.html': 'page',
  '/fr/404.html': 'page',
  '/fr/404/index.html': 'page',
  '/fr/search/index.html': 'searchPage',
  '/fr/rss.xml': 'feed',
  '/ar/index.html': 'page',
  '/ar/404.html': 'page',
  '/ar/404/index.html': 'page',
};
const SITE_FILES = Object.keys(KIND_OF);

/** Headers as the lines a response carries. */
const lines = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => `${name}: ${value}`);

/** The URLs a file is requested at: an `index.html` at its folder's URL too. */
const urlsOf = (sitePath: string) => (sitePath.endsWith('/index.html') ? [sitePath, sitePath.slice(0, -'index.html'.length)] : [sitePath]);

/** `_headers` for `SITE_FILES`, parsed by Netlify's parser. */
async function netlifyRules(basePath: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-headers-')), '_headers');
  fs.writeFileSync(file, headersFile(headerRules(SITE_FILES, { basePath, ...policy })));
  const { headers, errors } = await parseAllHeaders({ headersFiles: [file], configHeaders: [], minimal: false });
  expect(errors).toEqual([]);
  return headers as { forRegExp: RegExp; values: Record<string, string> }[];
}

/** The directive `name` of a policy, as its list of sources. */
const directive = (csp: string, name: string) => csp.split('; ').find((entry) => entry.startsWith(`${name} `))?.split(' ').slice(1) ?? null;

describe('contentSecurityPolicy', () => {
  it('allows the theme script and the copy script by hash and no other script, and no inline script at all', () => {
    const csp = contentSecurityPolicy(policy);
    expect(directive(csp, 'script-src')).toEqual([HASH, COPY_HASH]);
    expect(csp).not.toContain("'unsafe-inline' ");
    expect(directive(csp, 'style-src')).toEqual(["'self'", cspHash(YOUTUBE_PLAY_STYLE)]);
    // Highlighted code and KaTeX carry style attributes; they cannot run code.
    expect(directive(csp, 'style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(directive(csp, 'frame-src')).toEqual(['https://www.youtube-nocookie.com']);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    expect(directive(csp, 'base-uri')).toEqual(["'none'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'self'"]);
  });

  it("lets the search page load its own script and compile WebAssembly, and no page eval or inline code", () => {
    const csp = contentSecurityPolicy({ ...policy, search: true });
    expect(directive(csp, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", HASH, COPY_HASH]);
    expect(directive(csp, 'connect-src')).toEqual(["'self'"]);
  });

  it('allows the copy script alone when no page carries the theme script', () => {
    expect(directive(contentSecurityPolicy({ themeScriptHashes: [] }), 'script-src')).toEqual([COPY_HASH]);
  });

  it('takes extra sources for integrations, each in its directive', () => {
    const csp = contentSecurityPolicy({
      ...policy,
      extra: { scriptSrc: ['https://giscus.app'], frameSrc: ['https://giscus.app'], connectSrc: ['https://plausible.io'], imgSrc: ['https://avatars.example.com'], styleSrc: ['https://giscus.app'] },
    });
    expect(directive(csp, 'script-src')).toEqual([HASH, COPY_HASH, 'https://giscus.app']);
    expect(directive(csp, 'frame-src')).toEqual(['https://www.youtube-nocookie.com', 'https://giscus.app']);
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://plausible.io']);
    expect(directive(csp, 'img-src')).toContain('https://avatars.example.com');
    expect(directive(csp, 'style-src')).toContain('https://giscus.app');
  });

  it('refuses an extra source that would break the policy or let any script run', () => {
    expect(() => contentSecurityPolicy({ ...policy, extra: { connectSrc: ['https://a.example; script-src *'] } })).toThrow('connectSrc source "https://a.example; script-src *" is not one source expression');
    expect(() => contentSecurityPolicy({ ...policy, extra: { frameSrc: ['a b'] } })).toThrow('is not one source expression');
    for (const unsafe of ["'unsafe-inline'", "'UNSAFE-EVAL'", 'https:', '*']) {
      expect(() => contentSecurityPolicy({ ...policy, extra: { scriptSrc: [unsafe] } })).toThrow(`scriptSrc may not add ${unsafe}`);
    }
  });
});

describe('feedContentSecurityPolicy', () => {
  it('lets a feed load its XSL stylesheet from the site and style the page it makes, and nothing else; no page has it', () => {
    const csp = feedContentSecurityPolicy();
    expect(directive(csp, 'default-src')).toEqual(["'none'"]);
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(directive(csp, 'style-src')).toEqual([cspHash(FEED_STYLE)]);
    for (const sitePath of SITE_FILES) {
      expect({ sitePath, feedPolicy: headersFor(sitePath, policy)['Content-Security-Policy'] === csp }).toEqual({ sitePath, feedPolicy: KIND_OF[sitePath] === 'feed' });
    }
  });

  it('covers every tag\'s and category\'s feeds with one `_headers` rule, and leaves the folders of pages whole', () => {
    // Without a neighbour that Netlify's `/feeds/*` would match too (`/feedstuff/`, which splits it, as above).
    const rules = headerRules(SITE_FILES.filter((file) => file !== '/feedstuff/index.html'), { basePath: '', ...policy });
    expect(rules.filter((rule) => rule.pattern.startsWith('/feeds')).map((rule) => rule.pattern)).toEqual(['/feeds/*']);
    expect(rules.filter((rule) => rule.pattern.startsWith('/tags')).map((rule) => rule.pattern)).toEqual(['/tags/*']);
  });
});

describe('metaContentSecurityPolicy', () => {
  it("is each page's header policy, integrations' sources included, less the directives a meta element cannot carry", () => {
    const withIntegrations = { ...policy, extra: { scriptSrc: ['https://giscus.app'], frameSrc: ['https://giscus.app'], connectSrc: ['https://plausible.io'] } };
    for (const sitePath of ['/index.html', '/posts/first/', '/404.html', '/search/', '/search/index.html']) {
      const header = headersFor(sitePath, withIntegrations)['Content-Security-Policy'].split('; ');
      const meta = metaContentSecurityPolicy(sitePath, withIntegrations).split('; ');
      expect({ sitePath, meta }).toEqual({ sitePath, meta: header.filter((entry) => !entry.startsWith('frame-ancestors ')) });
      expect(meta.some((entry) => /^(frame-ancestors|report-uri|sandbox)\b/.test(entry))).toBe(false);
    }
    expect(`Content-Security-Policy: ${metaContentSecurityPolicy('/posts/first/', policy)}; frame-ancestors 'self'`).toBe(csp(`${HASH} ${COPY_HASH}`));
    expect(metaContentSecurityPolicy('/search/', policy)).toContain("'wasm-unsafe-eval'");
    expect(metaContentSecurityPolicy('/posts/first/', policy)).not.toContain("'wasm-unsafe-eval'");
  });
});

describe('adminContentSecurityPolicy', () => {
  it("allows Decap's eval, and Sveltia's policy none", () => {
    expect(directive(adminContentSecurityPolicy({ app: 'decap' }), 'script-src')).toEqual(["'self'", "'unsafe-eval'"]);
    expect(directive(adminContentSecurityPolicy({ app: 'sveltia' }), 'script-src')).toEqual(["'self'"]);
  });

  it('lets the development admin page reach the local backend, and the published one only the GitHub API', () => {
    expect(directive(adminContentSecurityPolicy({ app: 'decap', localBackend: 'http://127.0.0.1:8081' }), 'connect-src')).toEqual(["'self'", 'blob:', 'https://api.github.com', 'http://127.0.0.1:8081']);
    expect(directive(adminContentSecurityPolicy({ app: 'decap' }), 'connect-src')).toEqual(["'self'", 'blob:', 'https://api.github.com']);
  });

  it('is the policy of /admin/ alone: no other file gets eval, inline styles or the GitHub API', () => {
    for (const sitePath of SITE_FILES.filter((file) => !file.startsWith('/admin/'))) {
      expect({ sitePath, csp: headersFor(sitePath, policy)['Content-Security-Policy'] }).toEqual({ sitePath, csp: expect.not.stringMatching(/'unsafe-eval'|style-src 'self' 'unsafe-inline'|api\.github\.com|blob:/) });
      expect(headersFor(sitePath, policy)['X-Robots-Tag']).toBeUndefined();
    }
    expect(headersFor('/admin/', { ...policy, cmsApp: 'sveltia' })['Content-Security-Policy']).not.toContain('unsafe-eval');
  });
});

describe('headersFor', () => {
  it('gives each kind of file its cache policy', () => {
    const cache = (sitePath: string) => headersFor(sitePath, policy)['Cache-Control'];
    for (const hashed of ['/_next/static/chunks/0220arb7ktvfk.css', '/_img/lake-0a1b2c3d4e5f-960.avif', '/pagefind/index/en_8b1d2e.pf_index', '/pagefind/fragment/en_11aa22.pf_fragment', '/pagefind/filter/en_33bb44.pf_filter', '/pagefind/pagefind.en_4f2a9c.pf_meta']) {
      expect(cache(hashed)).toBe('public, max-age=31536000, immutable');
    }
    for (const entry of ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.en.pagefind']) expect(cache(entry)).toBe(CACHE_POLICIES.searchEntry);
    for (const page of ['/index.html', '/posts/first/index.html', '/rss.xml', '/atom.xml', '/feed.json', '/feeds/tags/caching/rss.xml', '/sitemap.xml', '/search/index.html', '/posts/folder/diagram.png', '/iconsets/index.html', '/posts/icons/index.html']) {
      expect(cache(page)).toBe(CACHE_POLICIES.page);
    }
    for (const icon of ['/favicon.ico', '/manifest.webmanifest', '/icons/icon.svg', '/icons/apple-touch-icon.png', '/icons/icon-512.png']) expect(cache(icon)).toBe(CACHE_POLICIES.icon);
    // Icons keep their names, but rarely change: a day in the browser and at the edge.
    expect(CACHE_POLICIES.icon).toMatch(/^public, max-age=86400\b/);
    // Short in the browser, with revalidation; longer at the edge, served stale while it refetches.
    expect(CACHE_POLICIES.page).toMatch(/^public, max-age=60, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(CACHE_POLICIES.searchEntry).toContain('must-revalidate');
  });

  it('gives every file its kind\'s headers: the security headers on every file, the search policy only on the search page', () => {
    for (const sitePath of SITE_FILES) expect({ sitePath, headers: lines(headersFor(sitePath, policy)) }).toEqual({ sitePath, headers: HEADER_LINES[KIND_OF[sitePath]] });
  });
});

describe('_headers', () => {
  it.each(['', '/my-repo'])('gives every URL of the export its headers from every rule that matches it (base path %j)', async (basePath) => {
    const rules = await netlifyRules(basePath);
    for (const sitePath of SITE_FILES) {
      for (const url of urlsOf(sitePath)) {
        const matching = rules.filter((rule) => rule.forRegExp.test(basePath + url));
        expect({ url, matched: matching.length > 0 }).toEqual({ url, matched: true });
        for (const rule of matching) expect({ url, headers: lines(rule.values) }).toEqual({ url, headers: HEADER_LINES[KIND_OF[sitePath]] });
      }
    }
  });

  it('folds a folder whose files share headers into one pattern, and splits one that does not', () => {
    const patterns = headerRules(SITE_FILES, { basePath: '/my-repo', ...policy }).map((rule) => rule.pattern);
    expect(patterns).toEqual(
      expect.arrayContaining(['/my-repo/', '/my-repo/index.html', '/my-repo/posts/*', '/my-repo/tags/*', '/my-repo/_next/*', '/my-repo/404/*', '/my-repo/search/', '/my-repo/search/index.html', '/my-repo/searching/*', '/my-repo/pagefind/index/*', '/my-repo/pagefind/pagefind.js', '/my-repo/favicon.ico', '/my-repo/icons/icon.svg', '/my-repo/iconsets/*']),
    );
    expect(patterns).not.toContain('/my-repo/icons/*');
    expect(patterns).not.toContain('/my-repo/*');
    expect(patterns).not.toContain('/my-repo/pagefind/*');
    expect(patterns).not.toContain('/my-repo/search/*');
    expect(headerRules(['/a/index.html', '/a/b.png'], { basePath: '', ...policy }).map((rule) => rule.pattern)).toEqual(['/*']);
  });
});

describe('vercel.json', () => {
  const vercel = JSON.parse(fs.readFileSync(path.join(root, 'vercel.json'), 'utf8'));

  it('builds with npm run build and publishes out/ as static files with trailing slashes', () => {
    expect(vercel).toMatchObject({ buildCommand: 'npm run build', outputDirectory: 'out', framework: null, trailingSlash: true });
  });

  it('gives every file its kind\'s headers, from exactly one rule', () => {
    const sources = vercelHeaders(policy).map(({ source, headers }) => ({ pattern: pathToRegexp(source), headers: Object.fromEntries(headers.map(({ key, value }) => [key, value])) }));
    for (const sitePath of SITE_FILES) {
      for (const url of urlsOf(sitePath)) {
        const matching = sources.filter(({ pattern }) => pattern.test(url));
        expect({ url, rules: matching.length }).toEqual({ url, rules: 1 });
        expect({ url, headers: lines(matching[0].headers) }).toEqual({ url, headers: HEADER_LINES[KIND_OF[sitePath]] });
      }
    }
  });
});
