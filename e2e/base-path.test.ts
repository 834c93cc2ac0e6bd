/**
 * The sample site built with `BASE_PATH=/my-repo`, as a GitHub Pages project site is, and
 * served under `/my-repo/` as a CDN serves it (`npm run serve`: compression, `_headers`, the
 * 404 page). A reader clicks through home → a post → a tag, and searches; every stylesheet,
 * image, link and search file on the way stays under the base path, and the
 * Content-Security-Policy lets the theme script run and nothing else inline.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertThemeScriptAloneRuns, buildSampleSite, filesUnder, openSite, readToTheEnd, text } from './harness';
import type { OpenSite } from './harness';
import type { Page } from 'playwright-core';

const BASE = '/my-repo';

let site: OpenSite;
let outDir: string;

before(
  async () => {
    ({ outDir } = await buildSampleSite({ name: 'e2e-base-path', env: { BASE_PATH: BASE } }));
    site = await openSite(outDir, { basePath: BASE });
  },
  { timeout: 300_000 },
);

after(async () => {
  await site?.close();
});

/** The site path of the page open in `page`, which must be under the base path. */
function sitePathOf(page: Page): string {
  const { pathname } = new URL(page.url());
  assert.ok(pathname.startsWith(`${BASE}/`), `${pathname} is under ${BASE}/`);
  return decodeURIComponent(pathname.slice(BASE.length));
}

/** True when the page's stylesheets loaded: the site's CSS lays the header out as a grid. */
const isStyled = (page: Page) => page.getByRole('banner').evaluate((header) => getComputedStyle(header).display === 'grid');

test('a reader clicks from the home page to a post, its image and a link in its body, then a tag, all under the base path', async () => {
  await site.withPage('/', {}, async (page) => {
    assert.ok(await isStyled(page), 'the home page has its stylesheets');
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), `https://folio.example.com${BASE}/`);

    await page.getByRole('link', { name: 'Where the cache hits land: a folder post' }).first().click();
    await page.waitForURL(site.urlFor('/posts/cache-layers/'));
    assert.equal(sitePathOf(page), '/posts/cache-layers/');
    assert.ok(await isStyled(page), 'the post has its stylesheets');
    const image = page.getByRole('img', { name: /^Bar chart of cache hit ratios/ });
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-post-body] img')].every((img) => img.complete && img.naturalWidth > 0));
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

test('the CDN headers apply under the base path: the theme script runs under the CSP, an injected inline script does not', async () => {
  // The header's policy and the page's own <meta> policy each refuse the injected script, and each says so.
  const onPolicyRefusals = (refusals: string[]) => assert.equal(refusals.length, 2, `two refusals, both for the injected script: ${refusals.join(' | ')}`);
  await site.withPage('/posts/writing-with-mdx/', { onPolicyRefusals }, async (page) => {
    const response = await page.request.get(page.url(), { headers: { 'Accept-Encoding': 'br, gzip' } });
    assert.match(response.headers()['content-security-policy'], /script-src 'sha256-[^']+'(;|$)/);
    assert.equal(response.headers()['content-encoding'], 'br');
    await assertThemeScriptAloneRuns(page);
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
  const pages = filesUnder(outDir)
    .filter((file) => file.endsWith(`${path.sep}index.html`))
    .map((file) => path.relative(outDir, path.dirname(file)).split(path.sep).join('/'))
    .map((dir) => (dir ? `/${dir}/` : '/'))
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
