/**
 * The sample site built with `BASE_PATH=/my-repo` and `SITE_URL=https://me.github.io`, as a
 * GitHub Pages project site is, once for the whole file. Its `out/` is read: no URL escapes the
 * base path, absolute URLs (canonical, Open Graph, JSON-LD, sitemap, robots.txt, feeds) are the
 * origin plus the base path, the icon manifest and the 404 page stay under it, and `_headers`
 * (and `vercel.json`) allow the theme script the pages actually carry, as each page's CSP
 * `<meta>` does. Then it is served under `/my-repo/` as a CDN serves it (`npm run serve`:
 * compression, `_headers`, the 404 page): a reader clicks through home → a post → a tag, and
 * searches; every stylesheet, image, link and search file on the way stays under the base
 * path, and the Content-Security-Policy lets the theme script run and nothing else inline.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseAllHeaders } from '@netlify/headers-parser';
import { XMLParser } from 'fast-xml-parser';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
// ico-endec is CommonJS marked `__esModule`: under Node its exports are the default (lib/images/icons.ts).
import icoEndec from 'ico-endec';
import { pathToRegexp } from 'path-to-regexp';
import type { Page } from 'playwright-core';
import { vercelHeaders } from '../lib/export/headers';
import { COPY_CODE_SCRIPT_ID, THEME_SCRIPT_ID } from '../lib/routes/page-scripts';
import { ADMIN_PATH, HEADERS_PATH, REDIRECTS_PATH } from '../lib/routes/table';
import { projectRoot } from '../scripts/build-site';
import { assertThemeScriptAloneRuns, buildSampleSite, filesUnder, openSite, readToTheEnd, text } from './harness';
import type { OpenSite } from './harness';

const BASE = '/my-repo';
const ORIGIN = 'https://me.github.io';
const HOME = `${ORIGIN}${BASE}/`;

let site: OpenSite;
let outDir: string;
/** The site path of every exported file. */
let sitePaths: string[];
/** The site path of every exported reader page (.html file): all but the CMS's admin page, which e2e/cms.test.ts checks. */
let pageFiles: string[];

before(
  async () => {
    ({ outDir } = await buildSampleSite({ name: 'e2e-base-path', env: { BASE_PATH: BASE, SITE_URL: ORIGIN } }));
    sitePaths = filesUnder(outDir).map((file) => `/${path.relative(outDir, file).split(path.sep).join('/')}`);
    pageFiles = sitePaths.filter((sitePath) => sitePath.endsWith('.html') && !sitePath.startsWith(ADMIN_PATH));
    site = await openSite(outDir, { basePath: BASE });
  },
  { timeout: 300_000 },
);

after(async () => {
  await site?.close();
});

const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');

/** The site path a root-relative URL of the site points at, failing, with `where` it was found, if it is not under the base path. */
function sitePathOf(url: string, where: string): string {
  assert.deepEqual({ where, url, underBase: url.startsWith(`${BASE}/`) }, { where, url, underBase: true });
  return decodeURIComponent(url.slice(BASE.length).split(/[?#]/)[0]);
}

/** True when the export has a file for a site path (a folder's is its index.html). */
const exists = (sitePath: string) => fs.existsSync(path.join(outDir, sitePath, sitePath.endsWith('/') ? 'index.html' : ''));

/** True when the page's stylesheets loaded: the site's CSS lays the header out as a grid. */
const isStyled = (page: Page) => page.getByRole('banner').evaluate((header) => getComputedStyle(header).display === 'grid');

test('a reader clicks from the home page to a post, its image and a link in its body, then a tag, all under the base path', async () => {
  await site.withPage('/', {}, async (page) => {
    assert.ok(await isStyled(page), 'the home page has its stylesheets');
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), HOME);

    await page.getByRole('link', { name: 'Where the cache hits land: a folder post' }).first().click();
    await page.waitForURL(site.urlFor('/posts/cache-layers/'));
    assert.equal(sitePathOf(new URL(page.url()).pathname, 'the open page'), '/posts/cache-layers/');
    assert.ok(await isStyled(page), 'the post has its stylesheets');
    const image = page.getByRole('img', { name: /^Bar chart of cache hit ratios/ });
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-post-body] img:not(.image-zoom-overlay img)')].every((img) => img.complete && img.naturalWidth > 0));
    // The browser picks one of the files the build made, from under the base path.
    assert.match(new URL(await image.evaluate((img: HTMLImageElement) => img.currentSrc)).pathname, new RegExp(`^${BASE}/_img/diagram-[0-9a-f]+-\\d+\\.(avif|webp|png)$`));

    // A root-relative link written in the Markdown gets the base path too.
    await page.locator('[data-post-body]').getByRole('link', { name: 'the re:Invent write-up' }).click();
    await page.waitForURL(site.urlFor('/posts/reinvent-2017/'));
    assert.equal(await text(page.locator('h1')), 're:Invent 2017');
    await page.goBack();
    await page.waitForURL(site.urlFor('/posts/cache-layers/'));

    await page.locator('article').getByRole('link', { name: '#caching', exact: true }).click();
    await page.waitForURL(site.urlFor('/tags/caching/'));
    assert.match(await text(page.locator('h1')), /caching/);
    assert.ok(await page.getByRole('link', { name: 'Where the cache hits land: a folder post' }).isVisible(), 'the tag lists the post');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }).click();
    await page.waitForURL(site.urlFor('/archive/'));
    await page.getByRole('link', { name: 'Folio' }).first().click();
    await page.waitForURL(site.urlFor('/'));
  });
});

test('search works under the base path: the header link, the index, and a result that opens its post', async () => {
  await site.withPage('/', {}, async (page, visit) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(site.urlFor('/search/'));
    const box = page.getByRole('searchbox', { name: 'Search the posts' });
    await box.click();
    await box.pressSequentially('tombola');
    await page.waitForFunction(() => / match(es)? /.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    const link = page.locator('[data-search-results] > li h2 a').first();
    assert.equal(await text(link), 're:Invent 2017');
    assert.equal(await link.getAttribute('href'), `${BASE}/posts/reinvent-2017/`);
    await link.click();
    await page.waitForURL(site.urlFor('/posts/reinvent-2017/'));
    assert.equal(await text(page.locator('h1')), 're:Invent 2017');
    assert.deepEqual(
      visit.scripts.map((script) => `${new URL(script.url).pathname} (from ${script.from})`),
      [`${BASE}/search.js (from /search/)`, `${BASE}/pagefind/pagefind.js (from /search/)`],
      'search code, from under the base path',
    );
  });
});

test('the CDN headers apply under the base path: the theme and copy scripts run under the CSP, an injected inline script does not', async () => {
  // The header's policy and the page's own <meta> policy each refuse the injected script, and each says so.
  const onPolicyRefusals = (refusals: string[]) => assert.equal(refusals.length, 2, `two refusals, both for the injected script: ${refusals.join(' | ')}`);
  await site.withPage('/posts/writing-with-mdx/', { onPolicyRefusals }, async (page) => {
    const response = await page.request.get(page.url(), { headers: { 'Accept-Encoding': 'br, gzip' } });
    // The theme script's hash and the copy script's.
    assert.match(response.headers()['content-security-policy'], /script-src 'sha256-[^']+' 'sha256-[^']+'(;|$)/);
    assert.equal(response.headers()['content-encoding'], 'br');
    await assertThemeScriptAloneRuns(page);
    assert.equal(await page.getByRole('button', { name: 'Copy code' }).count(), 1, 'the copy script ran: the code block has its button');
  });
});

test('a missing page answers 404 with the 404 page, whose links stay under the base path', async () => {
  await site.withPage('/no-such-page/', { status: 404 }, async (page) => {
    assert.equal(await text(page.locator('h1')), 'Page not found');
    await page.getByRole('link', { name: 'Go to the latest posts' }).click();
    await page.waitForURL(site.urlFor('/'));
  });
});

test('every page loads with no request outside the base path failing, no script file and no error', { timeout: 120_000 }, async () => {
  const pages = pageFiles
    .filter((file) => file.endsWith('/index.html'))
    .map((file) => file.slice(0, -'index.html'.length))
    .filter((pathname) => pathname !== '/404/');
  assert.ok(pages.length >= 5, `the export has its pages, found ${pages.join(', ')}`);
  // Each visit is checked as it ends (e2e/harness.ts): every document under the base path,
  // no failed request, no script file but the search page's under the base path, no error.
  for (const pathname of pages) {
    await site.withPage(pathname, {}, async (page, visit) => {
      await readToTheEnd(page);
      assert.deepEqual(visit.scripts.map((script) => new URL(script.url).pathname), pathname === '/search/' ? [`${BASE}/search.js`] : [], `script files of ${pathname}`);
    });
  }
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

test('keeps every root-relative href, src and url() in its pages and stylesheets under the base path, and each one is a file', () => {
  const urls: { where: string; url: string }[] = [];
  for (const page of pageFiles) {
    // Attribute values, whichever element holds them (links, images, stylesheets, meta, forms).
    for (const [, url] of read(page).matchAll(/\s(?:href|src|action|poster|content)="(\/[^/"][^"]*|\/)"/g)) urls.push({ where: page, url });
    for (const [, list] of read(page).matchAll(/\ssrcSet="([^"]*)"/gi)) for (const candidate of list.split(',')) if (candidate.trim().startsWith('/')) urls.push({ where: page, url: candidate.trim().split(/\s/)[0] });
  }
  for (const sheet of sitePaths.filter((sitePath) => sitePath.endsWith('.css'))) {
    for (const [, url] of read(sheet).matchAll(/url\((\/[^)]*)\)/g)) urls.push({ where: sheet, url });
  }
  // The pages link stylesheets, a post image, KaTeX, posts, tags and feeds: all of them checked.
  const all = urls.map(({ url }) => url).join(' ');
  for (const expected of [`${BASE}/_next/static/`, `${BASE}/_img/diagram-`, `${BASE}/katex/katex.min.css`, `${BASE}/tags/caching/`, `${BASE}/rss.xml`, `${BASE}/posts/reinvent-2017/`, `${BASE}/favicon.ico`, `${BASE}/icons/icon.svg`, `${BASE}/icons/apple-touch-icon.png`, `${BASE}/manifest.webmanifest`]) {
    assert.ok(all.includes(expected), `the pages and stylesheets link ${expected}`);
  }
  const missing = urls.filter(({ url, where }) => !exists(sitePathOf(url, where)));
  assert.deepEqual(missing, []);
});

test('gives every page a canonical URL, Open Graph URLs and JSON-LD under the origin and base path', () => {
  for (const page of pageFiles.filter((file) => file !== '/404.html')) {
    const tree = fromHtml(read(page));
    const canonical = select('link[rel="canonical"]', tree)?.properties.href;
    const pagePath = page.replace(/index\.html$/, '');
    assert.deepEqual({ page, canonical }, { page, canonical: `${ORIGIN}${BASE}${encodeURI(pagePath)}` });
    assert.equal(select('meta[property="og:url"]', tree)?.properties.content, canonical);
    assert.match(String(select('meta[property="og:image"]', tree)?.properties.content), new RegExp(`^${HOME}`));
    for (const script of selectAll('script[type="application/ld+json"]', tree)) {
      const data = JSON.parse(hastToString(script));
      assert.deepEqual({ page, url: data.url }, { page, url: canonical });
      assert.match(data.image, new RegExp(`^${HOME}`), `the JSON-LD image of ${page}`);
    }
  }
});

test('lists the pages in the sitemap and robots.txt, and the posts in the feeds, under the origin and base path', () => {
  const { urlset } = xml.parse(read('/sitemap.xml'));
  const locs: string[] = urlset.url.map((url: { loc: string }) => url.loc);
  assert.ok(locs.includes(HOME), `the sitemap lists ${HOME}`);
  assert.ok(locs.includes(`${HOME}posts/cache-layers/`), `the sitemap lists ${HOME}posts/cache-layers/`);
  for (const loc of locs) assert.equal(exists(sitePathOf(new URL(loc).pathname, 'sitemap.xml')), true, `${loc} is a file`);
  assert.equal(locs.every((loc) => loc.startsWith(HOME)), true, `every sitemap URL starts with ${HOME}`);
  assert.ok(read('/robots.txt').includes(`Sitemap: ${HOME}sitemap.xml`), 'robots.txt names the sitemap');

  const rss = xml.parse(read('/rss.xml')).rss.channel;
  assert.equal(rss.link, HOME);
  assert.ok(rss.item.map((item: { link: string }) => item.link).includes(`${HOME}posts/cache-layers/`), 'the RSS feed links the folder post');
  const json = JSON.parse(read('/feed.json'));
  assert.equal(json.home_page_url, HOME);
  assert.equal(json.feed_url, `${HOME}feed.json`);
  const folderPost = json.items.find((item: { url: string }) => item.url === `${HOME}posts/cache-layers/`);
  assert.ok(folderPost.content_html.includes(`src="${HOME}_img/diagram-`), 'the JSON feed gives the folder post its image under the origin and base path');
  assert.ok(folderPost.content_html.includes(`href="${HOME}posts/reinvent-2017/"`), 'the JSON feed gives the folder post its link under the origin and base path');
  const atom = read('/atom.xml');
  assert.ok(atom.includes(`<link rel="self" href="${HOME}atom.xml"/>`), 'the Atom feed links itself');
});

test('makes the icon set from the SVG, with a manifest whose start URL, scope and icons are under the base path', () => {
  const manifest = JSON.parse(read('/manifest.webmanifest'));
  const expected = { name: 'Folio', id: `${BASE}/`, start_url: `${BASE}/`, scope: `${BASE}/`, theme_color: '#ffffff', background_color: '#ffffff' };
  // These fields, whatever else the manifest has.
  assert.deepEqual(Object.fromEntries(Object.keys(expected).map((key) => [key, manifest[key]])), expected);
  assert.deepEqual(manifest.icons.map((icon: { src: string }) => icon.src), [`${BASE}/icons/icon.svg`, `${BASE}/icons/icon-192.png`, `${BASE}/icons/icon-512.png`]);
  for (const { src } of manifest.icons) assert.equal(exists(sitePathOf(src, 'manifest.webmanifest')), true, `${src} is a file`);
  assert.deepEqual(icoEndec.decode(fs.readFileSync(path.join(outDir, 'favicon.ico'))).map((entry) => entry.width), [16, 32, 48]);
});

test('links the 404 page (served at any address) home under the base path', () => {
  const tree = fromHtml(read('/404.html'));
  assert.equal(select('a[href]', select('main', tree)!)?.properties.href, `${BASE}/`);
});

describe('_headers', () => {
  let rules: { for: string; forRegExp: RegExp; values: Record<string, string> }[];
  before(async () => {
    const parsed = await parseAllHeaders({ headersFiles: [path.join(outDir, '_headers')], configHeaders: [], minimal: false });
    assert.deepEqual(parsed.errors, []);
    rules = parsed.headers as typeof rules;
  });
  const headersAt = (url: string): Record<string, string> => Object.assign({}, ...rules.filter((rule) => rule.forRegExp.test(url)).map((rule) => rule.values));

  test('allows, by their sha256 hashes, exactly the theme and copy scripts the pages carry, and no inline script otherwise', () => {
    const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const scriptTexts = (id: string) => new Set(pageFiles.flatMap((page) => selectAll(`script#${id}`, fromHtml(read(page))).map((script) => hastToString(script))));
    const themeTexts = scriptTexts(THEME_SCRIPT_ID);
    assert.equal(themeTexts.size, 1);
    const [themeScript] = themeTexts;
    assert.ok(themeScript.includes('localStorage'), 'the theme script reads localStorage');
    // Only the pages with code carry the copy script; every page's policy allows it.
    const copyTexts = scriptTexts(COPY_CODE_SCRIPT_ID);
    assert.equal(copyTexts.size, 1);
    const [copyScript] = copyTexts;
    assert.ok(copyScript.includes('clipboard'), 'the copy script writes to the clipboard');
    for (const page of ['/', '/posts/writing-with-mdx/', '/tags/caching/', '/404.html']) {
      const csp = headersAt(`${BASE}${page}`)['Content-Security-Policy'];
      assert.deepEqual({ page, scriptSrc: csp.split('; ').find((directive) => directive.startsWith('script-src ')) }, { page, scriptSrc: `script-src ${hashOf(themeScript)} ${hashOf(copyScript)}` });
      assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
    }
  });

  test("states every page's header policy in a <meta> before anything it governs, less only what a meta element cannot carry", () => {
    /** Head elements that load or run nothing: the title, metadata and links for readers and crawlers. */
    const inert = (element: Element) => ['title', 'meta'].includes(element.tagName) || (element.tagName === 'link' && ['canonical', 'alternate', 'prev', 'next'].includes(String(element.properties.rel)));
    for (const page of pageFiles) {
      const head = select('head', fromHtml(read(page)))!;
      const elements = head.children.filter((child): child is Element => child.type === 'element');
      const metas = elements.filter((element) => element.tagName === 'meta' && String(element.properties.httpEquiv) === 'Content-Security-Policy');
      assert.deepEqual({ page, metas: metas.length }, { page, metas: 1 });
      assert.deepEqual({ page, before: elements.slice(0, elements.indexOf(metas[0])).filter((element) => !inert(element)).map((element) => element.tagName) }, { page, before: [] });
      const header = headersAt(BASE + page)['Content-Security-Policy'].split('; ');
      assert.deepEqual({ page, meta: String(metas[0].properties.content).split('; ') }, { page, meta: header.filter((directive) => !directive.startsWith('frame-ancestors ')) });
    }
  });

  test('gives every exported file its rules under the base path, which agree: hashed assets immutable, pages short', () => {
    assert.equal(rules.every((rule) => rule.for.startsWith(`${BASE}/`)), true, `every rule is under ${BASE}/`);
    for (const sitePath of sitePaths.filter((file) => file !== HEADERS_PATH && file !== REDIRECTS_PATH)) {
      const urls = sitePath.endsWith('/index.html') ? [sitePath, sitePath.slice(0, -'index.html'.length)] : [sitePath];
      for (const url of urls) {
        const matching = rules.filter((rule) => rule.forRegExp.test(BASE + url));
        assert.deepEqual({ url, matched: matching.length > 0, agree: matching.every((rule) => JSON.stringify(rule.values) === JSON.stringify(matching[0].values)) }, { url, matched: true, agree: true });
        assert.deepEqual({ url, immutable: matching[0].values['Cache-Control'].includes('immutable') }, { url, immutable: url.startsWith('/_next/static/') || url.startsWith('/_img/') || /^\/pagefind\/.*\.pf_(index|fragment|filter|meta)$/.test(url) });
        assert.equal(matching[0].values['X-Content-Type-Options'], 'nosniff');
      }
    }
  });

  test('agrees with vercel.json for every file, and vercel.json is up to date (else: npx tsx scripts/write-vercel-json.ts)', () => {
    const vercel = JSON.parse(fs.readFileSync(path.join(projectRoot, 'vercel.json'), 'utf8'));
    const themeScriptHashes = [`'sha256-${createHash('sha256').update(hastToString(select(`script#${THEME_SCRIPT_ID}`, fromHtml(read('/index.html')))!)).digest('base64')}'`];
    assert.deepEqual(vercel.headers, vercelHeaders({ themeScriptHashes }));
    const sources = vercel.headers.map(({ source, headers }: { source: string; headers: { key: string; value: string }[] }) => ({
      pattern: pathToRegexp(source),
      values: Object.fromEntries(headers.map(({ key, value }) => [key, value])),
    }));
    for (const sitePath of sitePaths.filter((file) => file !== HEADERS_PATH && file !== REDIRECTS_PATH)) {
      const matching = sources.filter(({ pattern }: { pattern: RegExp }) => pattern.test(sitePath));
      assert.deepEqual({ sitePath, rules: matching.length }, { sitePath, rules: 1 });
      assert.deepEqual({ sitePath, headers: matching[0].values }, { sitePath, headers: headersAt(BASE + sitePath) });
    }
  });
});
