/**
 * Search in Chromium, on the sample site plus a dozen short posts that share one word (so a
 * search has more results than the page shows at once): typing a word from a known post,
 * following its result, `?q=` links, the "More results" button, JavaScript off, that
 * no page but /search/ loads any search code or index file, and a search of an index in parts.
 *
 *   node --import tsx --test e2e/search.test.ts
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import matter from 'gray-matter';
import { manifestFileFor, readBuildManifest } from '../lib/export/manifest-file';
import { writeSearchIndex } from '../lib/export/search-index';
import { SEARCH_INDEX_DIR, SEARCH_PAGE_PATH, SEARCH_SCRIPT_PATH, searchIndexPartFolder } from '../lib/routes/table';
import { DRAFT_FIXTURE, buildSampleSite, filesUnder, openSite, readToTheEnd, text } from './harness';
import type { OpenSite } from './harness';
import type { Page } from 'playwright-core';
import { ADMIN_PATH } from '../lib/routes/table';

/** A word only the sample post /posts/reinvent-2017/ has, in its body and not its title. */
const KNOWN_WORD = 'tombola';
const KNOWN_POST = { url: '/posts/reinvent-2017/', title: 're:Invent 2017', date: '2017-12-15', dateLabel: '15 December 2017' };
/** The short posts that all say `SHARED_WORD`: more than one page of results (the script shows 10 at a time). */
const SHARED_POSTS = 12;
const SHARED_WORD = 'heliotrope';
const DRAFT_MARKER = matter(fs.readFileSync(DRAFT_FIXTURE, 'utf8')).content.match(/marker: (\S+)\./)![1];

function sharedPosts(): Record<string, string> {
  const posts: Record<string, string> = {};
  for (let n = 1; n <= SHARED_POSTS; n++) {
    const date = new Date(Date.UTC(2011, n - 1, 5)).toISOString().slice(0, 10);
    posts[`shared-word-${n}.md`] = `---\ntitle: "Shared word post ${n}"\ndate: "${date}"\ntags: ["shared"]\n---\n\nA short post about the ${SHARED_WORD} garden, number ${n}.\n`;
  }
  return posts;
}

let outDir: string;
let site: OpenSite;
/** Every request of the suite's pages: the path asked for, and the path of the page that asked. */
const requested: { page: string; path: string }[] = [];

before(
  async () => {
    ({ outDir } = await buildSampleSite({ extraPosts: sharedPosts(), name: 'e2e-search' }));
    site = await openSite(outDir);
    site.context.on('request', (request) => requested.push({ page: new URL(request.frame().url() || request.url()).pathname, path: new URL(request.url()).pathname }));
  },
  { timeout: 300_000 },
);

after(async () => {
  await site?.close();
});

const searchUrl = (query: string) => `${SEARCH_PAGE_PATH}?q=${encodeURIComponent(query)}`;
const box = (page: Page) => page.getByRole('searchbox', { name: 'Search the posts' });
const results = (page: Page) => page.locator('[data-search-results] > li');
const status = (page: Page) => page.locator('[data-search-status]');
const resultTitles = (page: Page) => results(page).locator('h2 a').allTextContents();

/** Waits until the status line reports a finished search (a count or no match), and returns it. */
async function searchFinished(page: Page) {
  await page.waitForFunction(() => / match(es)? /.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
  return text(status(page));
}

const isSearchCode = (pathname: string) => pathname === SEARCH_SCRIPT_PATH || pathname.startsWith(`/${SEARCH_INDEX_DIR}/`);

test('typing a word from a known post finds it, with its date and the word marked; its title opens it', async () => {
  await site.withPage(SEARCH_PAGE_PATH, {}, async (page) => {
    assert.equal(await page.locator('h1').count(), 1, 'one h1');
    assert.equal(await text(page.locator('h1')), 'Search');
    await box(page).click();
    await box(page).pressSequentially(KNOWN_WORD);
    assert.equal(await searchFinished(page), `1 post matches “${KNOWN_WORD}”.`);
    assert.equal(await status(page).getAttribute('aria-live'), 'polite', 'the status is announced');
    assert.equal(new URL(page.url()).searchParams.get('q'), KNOWN_WORD, 'the address holds the search, for a bookmark');

    const result = results(page).first();
    const link = result.locator('h2 a');
    assert.equal(await text(link), KNOWN_POST.title);
    assert.equal(await link.getAttribute('href'), KNOWN_POST.url);
    const time = result.locator('time');
    assert.equal(await time.getAttribute('datetime'), KNOWN_POST.date);
    assert.equal(await text(time), KNOWN_POST.dateLabel);
    assert.deepEqual(await result.locator('mark').allTextContents(), [KNOWN_WORD], 'the excerpt marks the word');
    assert.match(await text(result.locator('p').last()), new RegExp(`developers ${KNOWN_WORD} sent`), 'the excerpt is the text around the word');

    await link.click();
    await page.waitForURL(site.urlFor(KNOWN_POST.url));
    assert.equal(await text(page.locator('h1')), KNOWN_POST.title);
  });
});

test('a ?q= link fills the box and shows the results; a search finds words in any form (cache → caching)', async () => {
  await site.withPage(searchUrl('caching'), {}, async (page) => {
    assert.match(await searchFinished(page), /^\d+ posts match “caching”\.$/);
    assert.equal(await box(page).inputValue(), 'caching');
    const titles = await resultTitles(page);
    assert.ok(titles.includes(KNOWN_POST.title), `re:Invent 2017 is among ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Where the cache hits land: a folder post'), `stemming: "caching" finds "cache" too, in ${JSON.stringify(titles)}`);
  });
  await site.withPage(searchUrl('xylophone-nothing-says-this'), {}, async (page) => {
    assert.equal(await searchFinished(page), 'No posts match “xylophone-nothing-says-this”.');
    assert.equal(await results(page).count(), 0);
  });
});

test('ten results at a time: "More results" shows the rest and moves focus to the first new one', async () => {
  await site.withPage(searchUrl(SHARED_WORD), {}, async (page) => {
    assert.equal(await searchFinished(page), `${SHARED_POSTS} posts match “${SHARED_WORD}”.`);
    assert.equal(await results(page).count(), 10);
    const more = page.getByRole('button', { name: 'More results' });
    await more.click();
    await page.waitForFunction((count: number) => document.querySelectorAll('[data-search-results] > li').length === count, SHARED_POSTS);
    const titles = await resultTitles(page);
    assert.deepEqual([...titles].sort(), Array.from({ length: SHARED_POSTS }, (_, n) => `Shared word post ${n + 1}`).sort(), 'each post once');
    assert.equal(await more.isVisible(), false, 'no more results, no button');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), titles[10], 'focus is on the first new result');
  });
});

test('drafts and pages are not in the results', async () => {
  await site.withPage(searchUrl(DRAFT_MARKER), {}, async (page) => {
    assert.equal(await searchFinished(page), `No posts match “${DRAFT_MARKER}”.`);
  });
  // A word only the About page has: pages (`template: "page"`) are not indexed, only posts.
  assert.match(fs.readFileSync(path.join(outDir, 'about', 'index.html'), 'utf8'), /<div[^>]*data-post-body[^>]*>[\s\S]*slow coffee/, 'the About page says "coffee" in its body');
  await site.withPage(searchUrl('coffee'), {}, async (page) => {
    assert.equal(await searchFinished(page), 'No posts match “coffee”.');
  });
});

test('Pagefind loads only when a search needs it: on focus of the box, not with the page', async () => {
  const from = requested.length;
  // The page has loaded: its module script has run, and anything it fetches as it starts has been asked for.
  await site.withPage(SEARCH_PAGE_PATH, {}, async (page) => {
    const loaded = requested.slice(from).map((request) => request.path);
    assert.ok(loaded.includes(SEARCH_SCRIPT_PATH), `the page loads its script: ${JSON.stringify(loaded)}`);
    assert.deepEqual(loaded.filter((pathname) => pathname.startsWith(`/${SEARCH_INDEX_DIR}/`)), [], 'nothing of Pagefind before the box is used');
    await box(page).focus();
    await page.waitForResponse((response) => new URL(response.url()).pathname === `/${SEARCH_INDEX_DIR}/pagefind.js`);
  });
});

test('with JavaScript off the page says search needs it and links to the archive', async () => {
  // Its own context, left open: closing a context on its own stops the single-process
  // Chromium of @sparticuz/chromium; it is closed with the browser.
  const noScript = await site.context.browser()!.newContext({ javaScriptEnabled: false });
  const requests: string[] = [];
  const prepare = (page: Page) => page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await site.withPage(searchUrl(KNOWN_WORD), { context: noScript, prepare }, async (page) => {
    // Playwright's text search skips <noscript>, which a browser with scripts off shows.
    const message = page.locator('main noscript > p');
    assert.equal(await message.isVisible(), true);
    assert.match(await text(message), /^Search needs JavaScript/);
    const archive = message.getByRole('link', { name: 'The archive' });
    assert.equal(await archive.getAttribute('href'), '/archive/');
    assert.equal(await results(page).count(), 0);
    assert.deepEqual(requests.filter(isSearchCode), [], 'no search code is fetched');
    await archive.click();
    await page.waitForURL(site.urlFor('/archive/'));
  });
});

test("under a strict Content-Security-Policy, search needs 'wasm-unsafe-eval' on /search/ and nothing else", async () => {
  // What a CDN's headers would allow: this origin's files, the theme script by its hash, and
  // WebAssembly or not.
  const html = fs.readFileSync(path.join(outDir, 'search', 'index.html'), 'utf8');
  const themeScript = html.match(/<script id="theme-script">([^<]*)<\/script>/)![1];
  const themeHash = `'sha256-${crypto.createHash('sha256').update(themeScript).digest('base64')}'`;
  const policy = (wasm: boolean) => `default-src 'self'; script-src 'self' ${themeHash}${wasm ? " 'wasm-unsafe-eval'" : ''}; object-src 'none'; base-uri 'none'`;
  for (const wasm of [true, false]) {
    const prepare = (page: Page) =>
      page.route(`${site.urlFor(SEARCH_PAGE_PATH)}?*`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy(wasm) } });
      });
    const onPolicyRefusals = (refused: string[]) => {
      if (wasm) assert.deepEqual(refused, [], 'nothing refused');
      else assert.ok(refused.some((message) => message.includes('WebAssembly')), `WebAssembly refused: ${JSON.stringify(refused)}`);
    };
    await site.withPage(searchUrl(KNOWN_WORD), { prepare, onPolicyRefusals }, async (page) => {
      await page.waitForFunction(() => /match|could not load/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
      assert.equal(await text(status(page)), wasm ? `1 post matches “${KNOWN_WORD}”.` : 'Search could not load. Check the connection and try again.');
    });
  }
});

test('with results shown: no axe-core violations in either scheme, and every result link shows keyboard focus', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await site.withPage(searchUrl('cache'), {}, async (page) => {
      await page.emulateMedia({ colorScheme });
      await searchFinished(page);
      const { violations } = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(
        violations.map(({ id, nodes }) => ({ id, nodes: nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`) })),
        [],
        colorScheme,
      );
      // From the box, Tab reaches the button, then each result's link.
      await box(page).focus();
      const outlines: { element: string; outline: string }[] = [];
      for (let n = 0; n < 1 + (await results(page).count()); n++) {
        await page.keyboard.press('Tab');
        outlines.push(await page.evaluate(() => ({ element: (document.activeElement?.textContent ?? '').trim(), outline: getComputedStyle(document.activeElement as Element).outlineStyle })));
      }
      assert.deepEqual(
        outlines.filter(({ outline }) => outline === 'none'),
        [],
        `focused without an outline: ${JSON.stringify(outlines)}`,
      );
    });
  }
});

test('no page but /search/ loads the search script or any file of the index', async () => {
  const pages = filesUnder(outDir)
    .filter((file) => file.endsWith(`${path.sep}index.html`))
    .map((file) => path.relative(outDir, path.dirname(file)).split(path.sep).join('/'))
    .map((dir) => (dir ? `/${dir}/` : '/'))
    .filter((pathname) => pathname !== '/404/' && pathname !== SEARCH_PAGE_PATH && pathname !== ADMIN_PATH);
  assert.ok(pages.length >= 20, `the export has its pages, found ${pages.length}`);
  const from = requested.length;
  for (const pathname of pages) await site.withPage(pathname, {}, readToTheEnd);
  const visited = new Set(requested.slice(from).map((request) => request.page));
  assert.deepEqual(pages.filter((pathname) => !visited.has(new URL(pathname, site.url).pathname)), [], 'pages whose requests were not seen');
  assert.deepEqual(
    requested.slice(from).filter((request) => isSearchCode(request.path)),
    [],
  );
});

// The last test: it serves another export in place of the suite's.
test("a site whose index is in parts (too many posts to index at once): a search merges every part's results", async () => {
  // The same export with its index rewritten in parts of four posts, as a site of more than
  // POSTS_PER_INDEX_PART posts has it.
  const partsOut = path.join(path.dirname(outDir), 'out-in-parts');
  fs.rmSync(partsOut, { recursive: true, force: true });
  fs.cpSync(outDir, partsOut, { recursive: true });
  const index = await writeSearchIndex(readBuildManifest(manifestFileFor(outDir)), partsOut, { postsPerPart: 4 });
  assert.ok(index.parts >= 4, `${SHARED_POSTS} shared posts and the samples in ${index.parts} parts`);
  await site.close();
  site = await openSite(partsOut);

  const fetched: string[] = [];
  const prepare = (page: Page) => page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await site.withPage(searchUrl(SHARED_WORD), { prepare }, async (page) => {
    assert.equal(await searchFinished(page), `${SHARED_POSTS} posts match “${SHARED_WORD}”.`);
    await page.getByRole('button', { name: 'More results' }).click();
    await page.waitForFunction((count: number) => document.querySelectorAll('[data-search-results] > li').length === count, SHARED_POSTS);
    assert.deepEqual((await resultTitles(page)).sort(), Array.from({ length: SHARED_POSTS }, (_, n) => `Shared word post ${n + 1}`).sort(), 'each post once, from every part');
  });
  for (let part = 2; part <= index.parts; part++) assert.ok(fetched.includes(`/${SEARCH_INDEX_DIR}/${searchIndexPartFolder(part)}pagefind-entry.json`), `part ${part} is merged: ${JSON.stringify(fetched)}`);
  assert.deepEqual(fetched.filter((pathname) => /\.(js|pagefind)$/.test(pathname) && pathname.includes('/parts/')), [], "Pagefind's script and WebAssembly come from the first part alone");

  await site.withPage(searchUrl(KNOWN_WORD), {}, async (page) => {
    assert.equal(await searchFinished(page), `1 post matches “${KNOWN_WORD}”.`);
    assert.equal(await resultTitles(page).then((titles) => titles[0]), KNOWN_POST.title);
  });
});
