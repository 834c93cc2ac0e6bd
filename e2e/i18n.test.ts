/**
 * A site in three languages in Chromium (__tests__/fixtures/i18n/: English at the root, French
 * under /fr/, Arabic right to left under /ar/): the language switcher goes to the page's
 * translation, search on each language's search page finds only that language's posts, a
 * missing URL under a language's folder shows that language's 404 page (as `npm run serve`
 * answers it from `_redirects`, like Netlify), Arabic pages lay out mirrored, and axe-core
 * finds nothing in either direction, in either scheme.
 *
 *   node --import tsx --test e2e/i18n.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { makeSiteCopy, rebuildSite, removeSiteCopy } from '../scripts/build-site';
import { I18N_POSTS, giveI18nSettings } from '../__tests__/helpers/i18n-site';
import { SEARCH_INDEX_DIR, SEARCH_SCRIPT_PATH } from '../lib/routes/table';
import { openSite, text, type OpenSite } from './harness';

let site: OpenSite;
let siteDir: string;

/** The scripts a page of this site may load: each language's search page its script, and Pagefind's once a search runs. */
const scripts = (pagePath: string) => (pagePath.endsWith('/search/') ? [SEARCH_SCRIPT_PATH, `/${SEARCH_INDEX_DIR}/pagefind.js`] : []);

before(
  async () => {
    siteDir = makeSiteCopy(I18N_POSTS, 'e2e-i18n');
    giveI18nSettings(siteDir);
    const outDir = await rebuildSite(siteDir);
    site = await openSite(outDir, { scripts });
  },
  { timeout: 600_000 },
);

after(async () => {
  await site?.close();
  if (siteDir) removeSiteCopy(siteDir);
});

const languageOf = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

test("the switcher goes to the page's translation, or to the language's home page, and marks the current language", async () => {
  await site.withPage('/posts/hello/', {}, async (page) => {
    const switcher = page.getByRole('navigation', { name: 'Languages' });
    assert.equal(await switcher.getByRole('link', { name: 'English' }).getAttribute('aria-current'), 'page');
    await switcher.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL(site.urlFor('/fr/posts/hello/'));
    assert.deepEqual(await languageOf(page), { lang: 'fr', dir: 'ltr' });
    assert.equal(await text(page.locator('h1')), 'Bonjour, les caches');
    await page.getByRole('navigation', { name: 'Langues' }).getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(site.urlFor('/ar/posts/hello/'));
    assert.deepEqual(await languageOf(page), { lang: 'ar', dir: 'rtl' });
  });
  // A post with no Arabic translation: the switcher's Arabic link is the Arabic home page.
  await site.withPage('/posts/english-only/', {}, async (page) => {
    await page.getByRole('navigation', { name: 'Languages' }).getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(site.urlFor('/ar/'));
    assert.equal(await text(page.locator('h1')), 'أحدث المقالات');
  });
});

describe('search in each language', () => {
  /** The titles a search for `query` on the search page at `searchPath` finds, once its results are shown. */
  const titlesFound = (searchPath: string, query: string, count: number) =>
    site.withPage(`${searchPath}?q=${encodeURIComponent(query)}`, {}, async (page) => {
      await page.waitForFunction((expected: number) => document.querySelectorAll('[data-search-results] > li').length === expected, count);
      return (await page.locator('[data-search-results] > li h2 a').allTextContents()).sort();
    });

  test("finds only the page's language's posts for a word every post has", async () => {
    assert.deepEqual(await titlesFound('/search/', 'kubernetes', 3), ['A second look at queues', 'Hello, caches', 'Only in English']);
    assert.deepEqual(await titlesFound('/fr/search/', 'kubernetes', 2), ['Bonjour, les caches', 'Un second regard sur les files']);
    assert.deepEqual(await titlesFound('/ar/search/', 'kubernetes', 1), ['مرحبا بالذاكرة المؤقتة']);
  });

  /** What the search page's status line says once a search for `query` is done (no longer "Searching for…"). */
  const statusAfter = (searchPath: string, query: string) =>
    site.withPage(`${searchPath}?q=${encodeURIComponent(query)}`, {}, async (page) => {
      await page.waitForFunction(() => /[^…]$/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      return page.locator('[data-search-status]').textContent();
    });

  test("says what it found in the page's language, counted in its plural forms", async () => {
    assert.equal(await statusAfter('/search/', 'kubernetes'), '3 posts match “kubernetes”.');
    assert.equal(await statusAfter('/fr/search/', 'kubernetes'), '2 articles correspondent à « kubernetes ».');
    assert.equal(await statusAfter('/fr/search/', 'zzyzx'), 'Aucun article ne correspond à « zzyzx ».');
    assert.equal(await statusAfter('/ar/search/', 'kubernetes'), 'مقال واحد يطابق «kubernetes».');
  });
});

test("a missing URL under a language's folder shows that language's 404 page with status 404, and elsewhere the default language's", async () => {
  for (const [pathname, lang, dir, heading, home] of [
    ['/fr/nothing/', 'fr', 'ltr', 'Page introuvable', '/fr/'],
    ['/ar/posts/nothing/', 'ar', 'rtl', 'الصفحة غير موجودة', '/ar/'],
    ['/nothing/', 'en', 'ltr', 'Page not found', '/'],
  ]) {
    await site.withPage(pathname, { status: 404 }, async (page) => {
      assert.deepEqual(await languageOf(page), { lang, dir });
      assert.equal(await text(page.locator('main h1')), heading);
      // Its links are the site's own, not relative to the missing path it is served at.
      await page.locator('main a').last().click();
      await page.waitForURL(site.urlFor(home));
    });
  }
});

describe('right to left', () => {
  /** Where the site title, the first post's title and the main column are, in CSS pixels. */
  const boxes = (pathname: string) =>
    site.withPage(pathname, {}, async (page) => {
      await page.setViewportSize({ width: 1000, height: 800 });
      const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
      return { brand: await box('header > a'), heading: await box('main h1'), main: await box('main') };
    });

  test('lays an Arabic page out mirrored: the site title and the heading start at the right edge', async () => {
    const [english, arabic] = [await boxes('/posts/hello/'), await boxes('/ar/posts/hello/')];
    const near = (a: number, b: number) => Math.abs(a - b) <= 2;
    assert.ok(near(english.brand.x, english.main.x), `English: the site title starts at the left of the column (${english.brand.x} vs ${english.main.x})`);
    assert.ok(near(english.heading.x, english.main.x), 'English: the heading starts at the left of the column');
    const rightEdge = (box: { x: number; width: number }) => box.x + box.width;
    assert.ok(near(rightEdge(arabic.brand), rightEdge(arabic.main)), `Arabic: the site title ends at the right of the column (${rightEdge(arabic.brand)} vs ${rightEdge(arabic.main)})`);
    assert.ok(near(rightEdge(arabic.heading), rightEdge(arabic.main)), 'Arabic: the heading ends at the right of the column');
    assert.ok(arabic.brand.x > arabic.main.x + 10, 'Arabic: the site title is not at the left');
  });
});

describe('axe-core in both directions and both schemes', () => {
  const PAGES = ['/', '/posts/hello/', '/fr/tags/caching/', '/ar/', '/ar/posts/hello/', '/ar/search/'];
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const pathname of PAGES) {
      test(`${pathname}, ${colorScheme}: no violations`, async () => {
        await site.withPage(pathname, { colorScheme }, async (page) => {
          const { violations } = await new AxeBuilder({ page }).analyze();
          const summary = violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`) }));
          assert.deepEqual(summary, [], `${pathname} in ${colorScheme}`);
        });
      });
    }
  }
});
