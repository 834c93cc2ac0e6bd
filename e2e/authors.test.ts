/**
 * Several authors in Chromium, on the sample site (two authors; `posts/cache-layers/` names
 * both): from a post to its author's page by the byline and by the author block, and back to
 * the post from the author's list; the authors' index; the avatars load, in the most compact
 * format the browser reads. axe-core on the author pages is in e2e/a11y.test.ts.
 *
 *   node --import tsx --test e2e/authors.test.ts
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleSiteForThisFile, text } from './harness';
import type { Locator, Page } from 'playwright-core';

const POST = '/posts/cache-layers/';
const POST_TITLE = 'Where the cache hits land: a folder post';
const SECOND_AUTHOR = { name: 'Ada Reviewer', page: '/authors/ada-reviewer/' };

const site = sampleSiteForThisFile();

/** Clicks `link`, waits for the page it opens to load, and checks its path and its one h1. */
async function followTo(page: Page, link: Locator, pathname: string, heading: string) {
  const [response] = await Promise.all([page.waitForEvent('response', (candidate) => candidate.request().isNavigationRequest() && candidate.frame() === page.mainFrame()), link.click()]);
  await page.waitForLoadState('load');
  assert.equal(response.status(), 200, `HTTP status of ${response.url()}`);
  assert.equal(new URL(page.url()).pathname, pathname);
  assert.equal(await text(page.locator('h1')), heading);
}

/** Waits until every image of `scope` has loaded, then returns the file each shows (`currentSrc`'s path). */
async function shownImages(scope: Locator): Promise<string[]> {
  const images = scope.locator('img');
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await image.evaluate((img: HTMLImageElement) => (img.complete ? undefined : new Promise((resolve) => img.addEventListener('load', resolve, { once: true }))));
    assert.ok(await image.evaluate((img: HTMLImageElement) => img.naturalWidth > 0), 'the avatar loaded');
  }
  return images.evaluateAll((list) => list.map((img) => new URL((img as HTMLImageElement).currentSrc).pathname));
}

test('from a post, its byline leads to the author\'s page, which lists the post and leads back to it', async () => {
  await site().withPage(POST, {}, async (page) => {
    const byline = page.locator('article > header p', { hasText: /^By / });
    assert.equal(await text(byline), 'By Folio Author and Ada Reviewer');
    await followTo(page, byline.getByRole('link', { name: SECOND_AUTHOR.name }), SECOND_AUTHOR.page, `Posts by ${SECOND_AUTHOR.name}`);
    assert.equal(await page.locator('main').getByText('Reviews designs and writes about caches and the people who run them.', { exact: true }).count(), 1, 'the bio under the heading');
    const listed = page.locator('main ol > li h2 a');
    assert.deepEqual(await listed.allTextContents(), [POST_TITLE]);
    await followTo(page, listed.first(), POST, POST_TITLE);
    // And the browser's Back returns to the author's page.
    await page.goBack({ waitUntil: 'load' });
    assert.equal(new URL(page.url()).pathname, SECOND_AUTHOR.page);
  });
});

test('the author block after the body links each author\'s page and shows their avatar, in AVIF', async () => {
  await site().withPage(POST, {}, async (page) => {
    const block = page.getByRole('region', { name: 'About the authors' });
    assert.deepEqual(await block.getByRole('link', { name: /^(Folio Author|Ada Reviewer)$/ }).allTextContents(), ['Folio Author', 'Ada Reviewer']);
    const files = await shownImages(block);
    assert.equal(files.length, 2);
    for (const file of files) assert.match(file, /^\/_img\/(folio-author|ada-reviewer)-[0-9a-f]{12}-(64|128)\.avif$/);
    await followTo(page, block.getByRole('link', { name: 'Folio Author' }), '/authors/folio-author/', 'Posts by Folio Author');
  });
});

test('/authors/ lists both authors with their number of posts, each leading to their page', async () => {
  await site().withPage('/authors/', {}, async (page) => {
    const items = page.locator('main > ul > li');
    assert.equal(await items.count(), 2);
    // As the reader sees it, line by line: name, bio, number of posts, links.
    assert.match((await items.nth(1).innerText()).replace(/\s+/g, ' ').trim(), /^Ada Reviewer Reviews designs .* 1 post Mastodon$/);
    await followTo(page, items.nth(1).getByRole('link', { name: SECOND_AUTHOR.name }), SECOND_AUTHOR.page, `Posts by ${SECOND_AUTHOR.name}`);
  });
});
