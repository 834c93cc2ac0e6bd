/**
 * End-to-end suite: builds the sample site once (the repo's posts/ plus a draft fixture),
 * serves its out/ on 127.0.0.1 and drives one headless Chromium through it.
 *
 *   npm run test:e2e   (e2e/run.ts builds the site once and runs every e2e/*.test.ts)
 *
 * The build runs with TZ=America/Los_Angeles unless TZ is set, so a date that went through
 * a UTC instant would show the day before and fail the date checks.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import matter from 'gray-matter';
import { scriptsOn } from '../__tests__/helpers/scripts-on-pages';
import { DRAFT_FIXTURE, buildSampleSite, filesUnder, openSite, readToTheEnd, text } from './harness';
import type { OpenSite } from './harness';
import type { Page } from 'playwright-core';
import { ADMIN_PATH } from '../lib/routes/table';

const draft = matter(fs.readFileSync(DRAFT_FIXTURE, 'utf8'));
const DRAFT_SLUG = path.basename(DRAFT_FIXTURE, '.md');
/** The sample site's pages whose body has a code block, and so carries the copy script. */
const SAMPLE_PAGES_WITH_CODE = ['/posts/cache-layers/', '/posts/e2e-non-ascii-terms/', '/posts/writing-with-mdx/'];
const DRAFT_MARKER = draft.content.match(/marker: (\S+)\./)![1];

let postsDir: string;
let outDir: string;
let site: OpenSite;
let urlFor: OpenSite["urlFor"];
let withPage: OpenSite["withPage"];

before(
  async () => {
    ({ outDir, postsDir } = await buildSampleSite());
    site = await openSite(outDir);
    ({ urlFor, withPage } = site);
  },
  { timeout: 300_000 },
);

after(async () => {
  await site?.close();
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A `YYYY-MM-DD` date as the site shows it (`dateLocale` en-GB): "15 December 2017". */
const dateLabel = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
};

/** Checks the page is one post: one h1 with `title`, a dated header and a body with text. Returns the date. */
async function assertPostPage(page: Page, title: string) {
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1, 'a post page has exactly one h1');
  assert.equal(await text(h1), title);
  const time = page.locator('article > header time');
  assert.equal(await time.count(), 1, 'the post header has one <time>');
  const dateTime = await time.getAttribute('datetime');
  assert.match(dateTime ?? '', /^\d{4}-\d{2}-\d{2}$/, 'dateTime is a YYYY-MM-DD date');
  assert.equal(await text(time), dateLabel(dateTime ?? ''), `the shown date is the day of ${dateTime}`);
  const body = page.locator('[data-post-body]');
  assert.equal(await body.count(), 1, 'one [data-post-body]');
  const bodyText = (await body.innerText()).trim();
  assert.ok(bodyText.split(/\s+/).length >= 10, `the body has real text, got: ${JSON.stringify(bodyText.slice(0, 80))}`);
  return dateTime;
}

test('home: the first post title in the list opens that post', async () => {
  await withPage('/', {}, async (page) => {
    // The list of latest posts, not the featured section's above it.
    const first = page.locator('main > ol > li').first();
    const link = first.locator('h2 a');
    const title = await text(link);
    const href = await link.getAttribute('href');
    const listedDate = await first.locator('time').getAttribute('datetime');
    assert.ok(title, 'the first post has a title');
    assert.match(href ?? '', /^\/posts\/[^/]+\/$/, 'post links are /posts/<slug>/');

    await link.click();
    await page.waitForURL(urlFor(href ?? ''));
    assert.equal(page.url(), urlFor(href ?? ''));
    const dateTime = await assertPostPage(page, title);
    assert.equal(dateTime, listedDate, 'the post shows the date the list showed');
    assert.equal(await page.title(), `${title} | Folio`);
  });
});

test('/posts/reinvent-2017/ shows its title and date', async () => {
  await withPage('/posts/reinvent-2017/', {}, async (page) => {
    const dateTime = await assertPostPage(page, 're:Invent 2017');
    assert.equal(dateTime, '2017-12-15');
  });
});

test('About, opened from the header nav: a heading anchor link targets its heading', async () => {
  await withPage('/', {}, async (page) => {
    const navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About', exact: true });
    await navLink.click();
    await page.waitForURL(urlFor('/about/'));
    assert.equal(await text(page.locator('h1')), 'About');
    assert.equal(await navLink.getAttribute('aria-current'), 'page', 'the nav marks the current page');

    // Every heading is followed by its `#` link, which points at that heading.
    const anchors = page.locator('[data-post-body] :is(h2, h3, h4, h5, h6) + a[href^="#"]');
    const pairs = await anchors.evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.previousElementSibling?.id ?? null]));
    assert.ok(pairs.length >= 2, `About has heading anchors, found ${pairs.length}`);
    for (const [href, id] of pairs) assert.equal(href, `#${encodeURIComponent(id ?? '')}`, 'a heading link is #<its heading id>');

    const anchor = page.locator('[data-post-body] h2 + a[href^="#"]').last();
    const href = await anchor.getAttribute('href');
    const id = decodeURIComponent(href?.slice(1) ?? '');
    assert.equal(new URL(page.url()).hash, '', 'no hash before the click');
    await anchor.click();
    await page.waitForURL((url) => url.hash === href);
    assert.equal(new URL(page.url()).pathname, '/about/', 'a heading link stays on the page');
    const target = page.locator(`[id="${id}"]`);
    assert.equal(await target.count(), 1, `one element has id "${id}"`);
    assert.equal(await target.evaluate((element) => element.tagName), 'H2');
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), id, 'the heading is the :target');

    // Reached by keyboard (Tab, from the main content on), the link shows its "#" and a focus
    // outline, and is named by its heading.
    const heading = page.locator('[data-post-body] h2').first();
    await heading.click();
    for (let presses = 0; presses < 10 && !(await page.evaluate(() => document.activeElement?.matches('[data-post-body] h2 + a'))); presses++) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const link = document.activeElement as Element;
      const style = getComputedStyle(link);
      return { href: link.getAttribute('href'), opacity: style.opacity, outline: style.outlineStyle, mark: getComputedStyle(link, '::after').content };
    });
    const headingId = await heading.getAttribute('id');
    assert.deepEqual(focused, { href: `#${encodeURIComponent(headingId ?? '')}`, opacity: '1', outline: 'solid', mark: '"#"' });
    assert.equal(await page.getByRole('link', { name: await text(heading), exact: true }).getAttribute('href'), `#${encodeURIComponent(headingId ?? '')}`);
  });
});

test('an unknown URL answers 404 with the "Page not found" page', async () => {
  for (const pathname of ['/no-such-page/', '/posts/no-such-post/']) {
    await withPage(pathname, { status: 404 }, async (page) => {
      assert.equal(await page.locator('h1').count(), 1);
      assert.equal(await text(page.locator('h1')), 'Page not found');
      assert.equal(await page.locator('a[href="/"]').filter({ hasText: 'latest posts' }).count(), 1, 'the 404 page links home');
    });
  }
});

test('the folder post /posts/cache-layers/ shows its images, and they load', async () => {
  await withPage('/posts/cache-layers/', {}, async (page) => {
    // Not the larger copies in the images' zoom overlays, which are not rendered until opened.
    assert.equal(await page.locator('[data-post-body] picture img:not(.image-zoom-overlay img)').count(), 2, 'the photo and the diagram');
    const image = page.locator('[data-post-body] img[alt^="Bar chart"]:not(.image-zoom-overlay img)');
    assert.match((await image.getAttribute('src')) ?? '', /^\/_img\/diagram-[0-9a-f]{12}-640\.png$/, 'the relative ./diagram.png is made into files in /_img/');
    await image.scrollIntoViewIfNeeded();
    // The image is lazy: wait until it has finished, loaded or not, then look at what it got.
    await page.waitForFunction((img) => (img as HTMLImageElement).complete, await image.elementHandle());
    const naturalWidth = await image.evaluate((img: HTMLImageElement) => img.naturalWidth);
    assert.ok(naturalWidth > 0, `the image loaded (naturalWidth ${naturalWidth})`);
    assert.ok(await image.isVisible(), 'the image is visible');

    // The original is published beside the post too, for links to it.
    const response = await fetch(urlFor('/posts/cache-layers/diagram.png'));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
  });
});

test('a page names its icons and its web app manifest, and each loads with its media type', async () => {
  await withPage('/posts/reinvent-2017/', {}, async (page) => {
    const links = await page.locator('head > link[rel="icon"], head > link[rel="apple-touch-icon"], head > link[rel="manifest"]').evaluateAll((elements: HTMLLinkElement[]) => elements.map((link) => ({ rel: link.rel, href: link.href })));
    assert.deepEqual(links.map(({ rel }) => rel), ['icon', 'icon', 'apple-touch-icon', 'manifest']);
    const manifestUrl = links.find(({ rel }) => rel === 'manifest')!.href;
    const manifest = (await (await page.request.get(manifestUrl)).json()) as { start_url: string; icons: { src: string }[] };
    assert.equal(manifest.start_url, '/');
    const urls = [...links.map(({ href }) => href), ...manifest.icons.map((icon) => new URL(icon.src, manifestUrl).href)];
    for (const url of urls) {
      const response = await page.request.get(url);
      assert.equal(response.status(), 200, url);
      assert.match(response.headers()['content-type'], url === manifestUrl ? /^application\/manifest\+json\b/ : /^image\//, url);
      assert.match(response.headers()['cache-control'], /max-age=86400\b/, `${url} is cached for a day`);
    }
    assert.deepEqual(await page.locator('head > meta[name="theme-color"]').evaluateAll((metas: HTMLMetaElement[]) => metas.map((meta) => meta.media)), ['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
  });
});

/** What a file of out/ holds, gzipped files (Pagefind's index files, its WebAssembly) unzipped, so that a scan reads inside them too. */
function contentOf(file: string) {
  const bytes = fs.readFileSync(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes;
}

test('a draft has no page and is in no file of out/', async () => {
  assert.equal(draft.data.draft, true, 'the fixture is a draft');
  assert.ok(postsDir && fs.existsSync(path.join(postsDir, `${DRAFT_SLUG}.md`)), 'the draft was among the posts built');
  await withPage(`/posts/${DRAFT_SLUG}/`, { status: 404 }, async (page) => {
    assert.equal(await text(page.locator('h1')), 'Page not found');
  });
  await withPage('/', {}, async (page) => {
    assert.equal(await page.getByText(draft.data.title).count(), 0, 'the home page does not list the draft');
  });

  const files = filesUnder(outDir);
  const containing = (needle: string) => files.filter((file) => contentOf(file).includes(needle)).map((file) => path.relative(outDir, file));
  // The scan finds a published title, and a word of a published body inside the gzipped
  // search index, so finding nothing for the draft means something.
  assert.ok(containing('Where the cache hits land').length > 0, 'the scan finds published titles');
  assert.ok(containing('tombola').some((file) => file.startsWith(`pagefind${path.sep}fragment${path.sep}`)), 'the scan reads inside the gzipped search index');
  assert.deepEqual(containing(draft.data.title), [], 'files with the draft title');
  assert.deepEqual(containing(DRAFT_MARKER), [], 'files with the draft body');
  assert.deepEqual(containing(DRAFT_SLUG), [], 'files with the draft\'s slug');
  assert.deepEqual(
    files.filter((file) => file.includes(DRAFT_SLUG)).map((file) => path.relative(outDir, file)),
    [],
    'files named after the draft',
  );
});

test('every page carries exactly its scripts, and no page but /search/ loads a script file (every page of the site, read to the end)', async () => {
  const htmlPages = filesUnder(outDir)
    .filter((file) => file.endsWith(`${path.sep}index.html`))
    .map((file) => path.relative(outDir, path.dirname(file)).split(path.sep).join('/'))
    .map((dir) => (dir ? `/${dir}/` : '/'))
    // The CMS's admin page is no reader page: e2e/cms.test.ts checks its one script.
    .filter((pathname) => pathname !== '/404/' && pathname !== ADMIN_PATH);
  assert.ok(htmlPages.length >= 5, `the export has its pages, found ${htmlPages.join(', ')}`);
  assert.ok(htmlPages.includes('/search/') && htmlPages.some((pathname) => pathname.startsWith('/posts/')), 'the search page and posts are among them');
  for (const pathname of htmlPages) {
    await withPage(pathname, {}, async (page, visit) => {
      await readToTheEnd(page);
      const scripts = await page.locator('script').evaluateAll((elements) => elements.map((script) => ({ src: script.getAttribute('src'), type: script.getAttribute('type'), id: script.getAttribute('id') })));
      assert.deepEqual(scripts, scriptsOn(pathname, SAMPLE_PAGES_WITH_CODE), `the <script>s of ${pathname}`);
      assert.deepEqual(
        visit.scripts.map((script) => new URL(script.url).pathname),
        pathname === '/search/' ? ['/search.js'] : [],
        `script files ${pathname} loaded`,
      );
    });
  }
});
