/**
 * @jest-environment node
 *
 * Builds the sample site (posts/: a folder post with an image, MDX with math and a YouTube
 * embed, a page, tags) with the real `next build` and post-export step under
 * `BASE_PATH=/my-repo`, as a GitHub Pages project site is built, and checks `out/`: no URL
 * escapes the base path, absolute URLs are the origin plus the base path, and `_headers`
 * (and `vercel.json`) allow the theme script the pages actually carry.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllHeaders } from '@netlify/headers-parser';
import { XMLParser } from 'fast-xml-parser';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { decode } from 'ico-endec';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { pathToRegexp } from 'path-to-regexp';
import { vercelHeaders } from '../lib/export/headers';
import { THEME_SCRIPT_ID } from '../lib/routes/page-scripts';
import { filesUnder } from '../lib/node/files';
import { buildSite, removeBuiltSites } from './helpers/build-site';

jest.setTimeout(300_000);

const root = path.resolve(__dirname, '..');
afterAll(removeBuiltSites);
const BASE = '/my-repo';
const ORIGIN = 'https://me.github.io';
const HOME = `${ORIGIN}${BASE}/`;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

describe(`next build with BASE_PATH=${BASE}`, () => {
  let out: string;
  let pages: string[];
  const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');
  /** The site path of every exported file. */
  let sitePaths: string[];

  beforeAll(async () => {
    out = await buildSite(path.join(root, 'posts'), 'base-path-test', { BASE_PATH: BASE, SITE_URL: ORIGIN });
    sitePaths = filesUnder(out).map((file) => `/${path.relative(out, file).split(path.sep).join('/')}`);
    pages = sitePaths.filter((sitePath) => sitePath.endsWith('.html'));
  });

  /** The site path a root-relative URL of the site points at, or an error naming it. */
  const sitePathOf = (url: string, where: string) => {
    expect({ where, url, underBase: url.startsWith(`${BASE}/`) }).toEqual({ where, url, underBase: true });
    return decodeURIComponent(url.slice(BASE.length).split(/[?#]/)[0]);
  };
  /** True when the export has a file for a site path (a folder's is its index.html). */
  const exists = (sitePath: string) => fs.existsSync(path.join(out, sitePath, sitePath.endsWith('/') ? 'index.html' : ''));

  it('keeps every root-relative href, src and url() in its pages and stylesheets under the base path, and each one is a file', () => {
    const urls: { where: string; url: string }[] = [];
    for (const page of pages) {
      // Attribute values, whichever element holds them (links, images, stylesheets, meta, forms).
      for (const [, url] of read(page).matchAll(/\s(?:href|src|action|poster|content)="(\/[^/"][^"]*|\/)"/g)) urls.push({ where: page, url });
      for (const [, list] of read(page).matchAll(/\ssrcSet="([^"]*)"/gi)) for (const candidate of list.split(',')) if (candidate.trim().startsWith('/')) urls.push({ where: page, url: candidate.trim().split(/\s/)[0] });
    }
    for (const sheet of sitePaths.filter((sitePath) => sitePath.endsWith('.css'))) {
      for (const [, url] of read(sheet).matchAll(/url\((\/[^)]*)\)/g)) urls.push({ where: sheet, url });
    }
    // The pages link stylesheets, a post image, KaTeX, posts, tags and feeds: all of them checked.
    const all = urls.map(({ url }) => url).join(' ');
    for (const expected of [`${BASE}/_next/static/`, `${BASE}/_img/diagram-`, `${BASE}/katex/katex.min.css`, `${BASE}/tags/caching/`, `${BASE}/rss.xml`, `${BASE}/posts/reinvent-2017/`, `${BASE}/favicon.ico`, `${BASE}/icons/icon.svg`, `${BASE}/icons/apple-touch-icon.png`, `${BASE}/manifest.webmanifest`]) expect(all).toContain(expected);
    const missing = urls.filter(({ url, where }) => !exists(sitePathOf(url, where)));
    expect(missing).toEqual([]);
  });

  it('gives every page a canonical URL, Open Graph URLs and JSON-LD under the origin and base path', () => {
    for (const page of pages.filter((file) => file !== '/404.html')) {
      const tree = fromHtml(read(page));
      const canonical = select('link[rel="canonical"]', tree)?.properties.href;
      const pagePath = page.replace(/index\.html$/, '');
      expect({ page, canonical }).toEqual({ page, canonical: `${ORIGIN}${BASE}${encodeURI(pagePath)}` });
      expect(select('meta[property="og:url"]', tree)?.properties.content).toBe(canonical);
      expect(String(select('meta[property="og:image"]', tree)?.properties.content)).toMatch(new RegExp(`^${HOME}`));
      for (const script of selectAll('script[type="application/ld+json"]', tree)) {
        const data = JSON.parse(hastToString(script));
        expect({ page, url: data.url, image: data.image }).toEqual({ page, url: canonical, image: expect.stringMatching(new RegExp(`^${HOME}`)) });
      }
    }
  });

  it('lists the pages in the sitemap and robots.txt, and the posts in the feeds, under the origin and base path', () => {
    const { urlset } = xml.parse(read('/sitemap.xml'));
    const locs: string[] = urlset.url.map((url: { loc: string }) => url.loc);
    expect(locs).toContain(HOME);
    expect(locs).toContain(`${HOME}posts/cache-layers/`);
    for (const loc of locs) expect(exists(sitePathOf(new URL(loc).pathname, 'sitemap.xml'))).toBe(true);
    expect(locs.every((loc) => loc.startsWith(HOME))).toBe(true);
    expect(read('/robots.txt')).toContain(`Sitemap: ${HOME}sitemap.xml`);

    const rss = xml.parse(read('/rss.xml')).rss.channel;
    expect(rss.link).toBe(HOME);
    expect(rss.item.map((item: { link: string }) => item.link)).toContain(`${HOME}posts/cache-layers/`);
    const json = JSON.parse(read('/feed.json'));
    expect(json.home_page_url).toBe(HOME);
    expect(json.feed_url).toBe(`${HOME}feed.json`);
    const folderPost = json.items.find((item: { url: string }) => item.url === `${HOME}posts/cache-layers/`);
    expect(folderPost.content_html).toContain(`src="${HOME}_img/diagram-`);
    expect(folderPost.content_html).toContain(`href="${HOME}posts/reinvent-2017/"`);
    const atom = read('/atom.xml');
    expect(atom).toContain(`<link rel="self" href="${HOME}atom.xml"/>`);
  });

  it('makes the icon set from the SVG, with a manifest whose start URL, scope and icons are under the base path', () => {
    const manifest = JSON.parse(read('/manifest.webmanifest'));
    expect(manifest).toMatchObject({ name: 'Folio', id: `${BASE}/`, start_url: `${BASE}/`, scope: `${BASE}/`, theme_color: '#ffffff', background_color: '#ffffff' });
    expect(manifest.icons.map((icon: { src: string }) => icon.src)).toEqual([`${BASE}/icons/icon.svg`, `${BASE}/icons/icon-192.png`, `${BASE}/icons/icon-512.png`]);
    for (const { src } of manifest.icons) expect(exists(sitePathOf(src, 'manifest.webmanifest'))).toBe(true);
    expect(decode(fs.readFileSync(path.join(out, 'favicon.ico'))).map((entry) => entry.width)).toEqual([16, 32, 48]);
  });

  it('links the 404 page (served at any address) home under the base path', () => {
    const tree = fromHtml(read('/404.html'));
    expect(select('a[href]', select('main', tree)!)?.properties.href).toBe(`${BASE}/`);
  });

  describe('_headers', () => {
    let rules: { for: string; forRegExp: RegExp; values: Record<string, string> }[];
    beforeAll(async () => {
      const parsed = await parseAllHeaders({ headersFiles: [path.join(out, '_headers')], configHeaders: [], minimal: false });
      expect(parsed.errors).toEqual([]);
      rules = parsed.headers as typeof rules;
    });
    const headersAt = (url: string) => Object.assign({}, ...rules.filter((rule) => rule.forRegExp.test(url)).map((rule) => rule.values));

    it('allows, by its sha256 hash, exactly the theme script the pages carry, and no inline script otherwise', () => {
      const texts = new Set(pages.map((page) => hastToString(select(`script#${THEME_SCRIPT_ID}`, fromHtml(read(page)))!)));
      expect(texts.size).toBe(1);
      const [text] = texts;
      expect(text).toContain('localStorage');
      const hash = `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
      for (const page of ['/', '/posts/writing-with-mdx/', '/tags/caching/', '/404.html']) {
        const csp = headersAt(`${BASE}${page}`)['Content-Security-Policy'];
        expect({ page, scriptSrc: csp.split('; ').find((directive: string) => directive.startsWith('script-src ')) }).toEqual({ page, scriptSrc: `script-src ${hash}` });
        expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      }
    });

    it("states every page's header policy in a <meta> before anything it governs, less only what a meta element cannot carry", () => {
      /** Head elements that load or run nothing: the title, metadata and links for readers and crawlers. */
      const inert = (element: Element) => ['title', 'meta'].includes(element.tagName) || (element.tagName === 'link' && ['canonical', 'alternate', 'prev', 'next'].includes(String(element.properties.rel)));
      for (const page of pages) {
        const head = select('head', fromHtml(read(page)))!;
        const elements = head.children.filter((child): child is Element => child.type === 'element');
        const metas = elements.filter((element) => element.tagName === 'meta' && String(element.properties.httpEquiv) === 'Content-Security-Policy');
        expect({ page, metas: metas.length }).toEqual({ page, metas: 1 });
        expect({ page, before: elements.slice(0, elements.indexOf(metas[0])).filter((element) => !inert(element)).map((element) => element.tagName) }).toEqual({ page, before: [] });
        const header = headersAt(BASE + page)['Content-Security-Policy'].split('; ');
        expect({ page, meta: String(metas[0].properties.content).split('; ') }).toEqual({ page, meta: header.filter((directive: string) => !directive.startsWith('frame-ancestors ')) });
      }
    });

    it('gives every exported file its rules under the base path, which agree: hashed assets immutable, pages short', () => {
      expect(rules.every((rule) => rule.for.startsWith(`${BASE}/`))).toBe(true);
      for (const sitePath of sitePaths.filter((file) => file !== '/_headers')) {
        const urls = sitePath.endsWith('/index.html') ? [sitePath, sitePath.slice(0, -'index.html'.length)] : [sitePath];
        for (const url of urls) {
          const matching = rules.filter((rule) => rule.forRegExp.test(BASE + url));
          expect({ url, matched: matching.length > 0, agree: matching.every((rule) => JSON.stringify(rule.values) === JSON.stringify(matching[0].values)) }).toEqual({ url, matched: true, agree: true });
          expect({ url, immutable: matching[0].values['Cache-Control'].includes('immutable') }).toEqual({ url, immutable: url.startsWith('/_next/static/') || url.startsWith('/_img/') || /^\/pagefind\/.*\.pf_(index|fragment|filter|meta)$/.test(url) });
          expect(matching[0].values['X-Content-Type-Options']).toBe('nosniff');
        }
      }
    });

    it('agrees with vercel.json for every file, and vercel.json is up to date (else: npx tsx scripts/write-vercel-json.ts)', () => {
      const vercel = JSON.parse(fs.readFileSync(path.join(root, 'vercel.json'), 'utf8'));
      const themeScriptHashes = [`'sha256-${createHash('sha256').update(hastToString(select(`script#${THEME_SCRIPT_ID}`, fromHtml(read('/index.html')))!)).digest('base64')}'`];
      expect(vercel.headers).toEqual(vercelHeaders({ themeScriptHashes }));
      const sources = vercel.headers.map(({ source, headers }: { source: string; headers: { key: string; value: string }[] }) => ({
        pattern: pathToRegexp(source),
        values: Object.fromEntries(headers.map(({ key, value }) => [key, value])),
      }));
      for (const sitePath of sitePaths.filter((file) => file !== '/_headers')) {
        const matching = sources.filter(({ pattern }: { pattern: RegExp }) => pattern.test(sitePath));
        expect({ sitePath, rules: matching.length }).toEqual({ sitePath, rules: 1 });
        expect({ sitePath, headers: matching[0].values }).toEqual({ sitePath, headers: headersAt(BASE + sitePath) });
      }
    });
  });
});
