/**
 * Series, featured posts and the table of contents in Chromium, on the sample site: a reader
 * walks the series "Caching at scale" from its parts' navigation and its page, and finds it
 * on the series index; the featured
 * post opens the home page; the table of contents stays in view beside the text while the
 * reader scrolls on a wide screen, and sits above the body, scrolling away with it, on a
 * narrow one.
 *
 *   node --import tsx --test e2e/series.test.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleSiteForThisFile, text } from './harness';
import type { Locator, Page } from 'playwright-core';

const PART_1 = { path: '/posts/cache-layers/', title: 'Where the cache hits land: a folder post' };
const PART_2 = { path: '/posts/cache-invalidation/', title: 'Cache invalidation: TTLs, events and versioned keys' };
const SERIES = { path: '/series/caching-at-scale/', name: 'Caching at scale' };

const site = sampleSiteForThisFile();

/** Clicks `link` and waits for the document it opens; checks its status and path. */
async function followTo(page: Page, link: Locator, pathname: string) {
  const [response] = await Promise.all([page.waitForEvent('response', (candidate) => candidate.request().isNavigationRequest() && candidate.frame() === page.mainFrame()), link.click()]);
  await page.waitForLoadState('load');
  assert.equal(response.status(), 200, `HTTP status of ${response.url()}`);
  assert.equal(new URL(page.url()).pathname, pathname);
}

const seriesNav = (page: Page) => page.getByRole('navigation', { name: /^Part \d+ of \d+ in the series / });

test('series: each part says where it is, links the other parts and the series page, which lists them in order', async () => {
  await site().withPage(PART_2.path, {}, async (page) => {
    const nav = seriesNav(page);
    assert.equal(await nav.getAttribute('aria-labelledby').then((id) => page.locator(`[id="${id}"]`).textContent()), `Part 2 of 2 in the series ${SERIES.name}`);
    assert.deepEqual(await nav.locator('ol > li').allTextContents(), [PART_1.title, PART_2.title]);
    const current = nav.locator('[aria-current="page"]');
    assert.equal(await text(current), PART_2.title);
    assert.equal(await current.evaluate((element) => element.closest('a')), null, 'the current part is no link');

    await followTo(page, nav.getByRole('link', { name: PART_1.title }), PART_1.path);
    assert.equal(await text(page.locator('h1')), PART_1.title);
    assert.equal(await seriesNav(page).getAttribute('aria-labelledby').then((id) => page.locator(`[id="${id}"]`).textContent()), `Part 1 of 2 in the series ${SERIES.name}`);

    await followTo(page, seriesNav(page).getByRole('link', { name: SERIES.name }), SERIES.path);
    assert.equal(await text(page.locator('h1')), `Series: ${SERIES.name}`);
    assert.deepEqual(await page.locator('main ol > li h2 a').allTextContents(), [PART_1.title, PART_2.title]);
    await followTo(page, page.locator('main ol > li h2 a').nth(1), PART_2.path);
    assert.equal(await text(page.locator('h1')), PART_2.title);
  });
});

test('series index: /series/ lists each series with its number of parts, and links its page', async () => {
  await site().withPage('/series/', {}, async (page) => {
    assert.equal(await text(page.locator('h1')), 'Series');
    const entries = page.locator('main li');
    assert.deepEqual(await entries.allTextContents(), [`${SERIES.name} 2 parts`]);
    await followTo(page, entries.getByRole('link', { name: SERIES.name }), SERIES.path);
    assert.equal(await text(page.locator('h1')), `Series: ${SERIES.name}`);
  });
});

test('featured: the home page opens with the featured post, which also keeps its place in the list', async () => {
  await site().withPage('/', {}, async (page) => {
    const featured = page.getByRole('region', { name: 'Featured' });
    const titles = await featured.getByRole('heading', { level: 3 }).allTextContents();
    assert.deepEqual(titles, ['Writing with MDX: callouts, figures and code']);
    const [featuredBox, h1Box] = await Promise.all([featured.boundingBox(), page.locator('h1').boundingBox()]);
    assert.ok(featuredBox!.y + featuredBox!.height <= h1Box!.y, 'the featured section is above the list heading');
    assert.ok((await page.locator('main > ol > li h2 a').allTextContents()).includes(titles[0]), 'and the list keeps it');
    await followTo(page, featured.getByRole('link', { name: titles[0] }), '/posts/writing-with-mdx/');
  });
});

/** Where the contents and the body are in the window, after scrolling `fraction` of the body's height into it (0: to the top of the page). */
async function boxesAfterScroll(page: Page, fraction: number) {
  return page.evaluate((share) => {
    const body = document.querySelector('[data-post-body]')!;
    const start = body.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: share === 0 ? 0 : start + body.getBoundingClientRect().height * share, behavior: 'instant' });
    // Anonymous functions only: the test runner's compiler names named ones with a helper the page lacks.
    const [contents, text] = [document.querySelector('nav[aria-labelledby] h2')!.closest('nav')!, body].map((element) => {
      const { top, bottom, left, right } = element.getBoundingClientRect();
      return { top, bottom, left, right };
    });
    return { contents, body: text, windowHeight: window.innerHeight, windowWidth: document.documentElement.clientWidth };
  }, fraction);
}

test('table of contents: beside the text on a wide screen, where it stays in view while the reader scrolls the body', async () => {
  await site().withPage(PART_2.path, { prepare: (page) => page.setViewportSize({ width: 1366, height: 700 }) }, async (page) => {
    assert.equal(await page.getByRole('navigation', { name: 'Contents' }).count(), 1);
    const atTop = await boxesAfterScroll(page, 0);
    assert.ok(atTop.contents.left >= atTop.body.right, `the contents are right of the body: ${JSON.stringify(atTop)}`);
    assert.ok(atTop.contents.right <= atTop.windowWidth, 'and inside the window');
    assert.ok(atTop.contents.top < atTop.body.top, 'beside the title and lead, not below them');
    for (const fraction of [0.4, 0.7]) {
      const scrolled = await boxesAfterScroll(page, fraction);
      assert.ok(scrolled.body.top < 0 && scrolled.body.bottom > scrolled.contents.bottom, `scrolled into the body, which goes on below the contents: ${JSON.stringify(scrolled)}`);
      assert.ok(scrolled.contents.top >= 0 && scrolled.contents.bottom <= scrolled.windowHeight, `the contents are in view at ${fraction} of the body: ${JSON.stringify(scrolled.contents)}`);
      assert.ok(scrolled.contents.left >= scrolled.body.right, 'still beside the body');
    }
    // Its links still work from there.
    await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Versioned keys' }).click();
    await page.waitForURL((url) => url.hash === '#versioned-keys');
  });
});

test('table of contents: above the body on a narrow screen, scrolling away with the page', async () => {
  for (const width of [375, 1000]) {
    await site().withPage(PART_2.path, { prepare: (page) => page.setViewportSize({ width, height: 700 }) }, async (page) => {
      const atTop = await boxesAfterScroll(page, 0);
      assert.ok(atTop.contents.bottom <= atTop.body.top, `the contents are above the body at ${width} px: ${JSON.stringify(atTop)}`);
      assert.ok(Math.abs(atTop.contents.left - atTop.body.left) <= 1, 'in the text column');
      const scrolled = await boxesAfterScroll(page, 0.5);
      assert.ok(scrolled.contents.bottom < 0, `scrolled out of view with the page at ${width} px: ${JSON.stringify(scrolled.contents)}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'nothing scrolls sideways');
    });
  }
});
