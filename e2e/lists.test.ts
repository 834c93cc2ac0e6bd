/**
 * Lists and navigation in Chromium, on the sample site (with its fixture post whose tags are
 * Chinese, Vietnamese and German) plus 17 short generated posts, so the home page has three
 * pages: pagination, tags, categories, the archive, previous and next posts, the table of
 * contents and related posts, each followed by clicking links as a reader does.
 *
 *   node --import tsx --test e2e/lists.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { buildSampleSite, openSite, text } from './harness';
import type { OpenSite } from './harness';
import type { Locator, Page } from 'playwright-core';

const FILLER_POSTS = 17;
const NON_ASCII_POST = '/posts/e2e-non-ascii-terms/';
const NON_ASCII_TITLE = 'Tags in other scripts: 中文, Tiếng Việt, Größe';

/** The words of the last filler post's body: 1010 at 200 a minute read in 5 minutes. */
const LONG_READ_WORDS = 1010;

/**
 * Short posts older than the sample posts, a month apart from January 2010, all tagged
 * "filler"; the last one is long, with `LONG_READ_WORDS` words.
 */
function fillerPosts() {
  const posts: Record<string, string> = {};
  for (let n = 1; n <= FILLER_POSTS; n++) {
    const date = new Date(Date.UTC(2010, n - 1, 10)).toISOString().slice(0, 10);
    const body = n === FILLER_POSTS ? Array.from({ length: LONG_READ_WORDS }, (_, word) => `word${word}`).join(' ') : 'A short post that makes the lists long enough to page.';
    posts[`filler-${n}.md`] = `---\ntitle: "Filler post ${n}"\ndate: "${date}"\ntags: ["filler"]\n---\n\n${body}\n`;
  }
  return posts;
}

let site: OpenSite;

before(
  async () => {
    const { outDir } = await buildSampleSite({ extraPosts: fillerPosts(), name: 'e2e-lists' });
    site = await openSite(outDir);
  },
  { timeout: 300_000 },
);

after(async () => {
  await site?.close();
});

/** Clicks `link` and waits for the document it opens; returns that document's HTTP response. */
async function follow(page: Page, link: Locator) {
  const [response] = await Promise.all([page.waitForEvent('response', (candidate) => candidate.request().isNavigationRequest() && candidate.frame() === page.mainFrame()), link.click()]);
  await page.waitForLoadState('load');
  return response;
}

/** Follows `link` and checks the page it opens: status 200, the path, and its one h1. */
async function followTo(page: Page, link: Locator, pathname: string, heading: string) {
  const response = await follow(page, link);
  assert.equal(response.status(), 200, `HTTP status of ${response.url()}`);
  assert.equal(new URL(page.url()).pathname, pathname);
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1, `one h1 on ${pathname}`);
  assert.equal(await text(h1), heading);
}

const listedTitles = (page: Page) => page.locator('main ol > li h2 a').allTextContents();
const headHref = (page: Page, rel: string) => page.locator(`head link[rel="${rel}"]`).getAttribute('href');

test('pagination: Older posts and Newer posts walk the home list, ten posts a page', async () => {
  await site.withPage('/', {}, async (page) => {
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    const first = await listedTitles(page);
    assert.equal(first.length, 10);
    assert.equal(await text(pagination.getByText(/^Page \d+ of \d+$/)), 'Page 1 of 3');
    assert.equal(await pagination.getByRole('link', { name: 'Newer posts' }).count(), 0, 'no newer page before the first');
    assert.equal(await headHref(page, 'next'), 'https://folio.example.com/page/2/');

    await followTo(page, pagination.getByRole('link', { name: 'Older posts' }), '/page/2/', 'Latest posts');
    const second = await listedTitles(page);
    assert.equal(second.length, 10);
    assert.deepEqual(second.filter((title: string) => first.includes(title)), [], 'page 2 repeats nothing of page 1');
    assert.equal(await text(pagination.getByText(/^Page \d+ of \d+$/)), 'Page 2 of 3');
    assert.equal(await pagination.getByRole('link', { name: 'Older posts' }).getAttribute('rel'), 'next');
    assert.equal(await headHref(page, 'prev'), 'https://folio.example.com/');

    await followTo(page, pagination.getByRole('link', { name: 'Older posts' }), '/page/3/', 'Latest posts');
    assert.deepEqual(await listedTitles(page), ['Filler post 2', 'Filler post 1'], 'the two oldest posts are on the last page');
    assert.equal(await pagination.getByRole('link', { name: 'Older posts' }).count(), 0, 'no older page after the last');

    await followTo(page, pagination.getByRole('link', { name: 'Newer posts' }), '/page/2/', 'Latest posts');
    await followTo(page, pagination.getByRole('link', { name: 'Newer posts' }), '/', 'Latest posts');
    assert.deepEqual(await listedTitles(page), first);
  });
});

test('a tag: from a post to the tag page, and its second page', async () => {
  await site.withPage('/posts/filler-17/', {}, async (page) => {
    assert.match(await text(page.locator('article > header')), / 5 min read /, `${LONG_READ_WORDS} words at 200 a minute`);
    await followTo(page, page.locator('article > header').getByRole('link', { name: '#filler' }), '/tags/filler/', 'Posts tagged “filler”');
    assert.equal((await listedTitles(page)).length, 10);
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await followTo(page, pagination.getByRole('link', { name: 'Older posts' }), '/tags/filler/page/2/', 'Posts tagged “filler”');
    assert.deepEqual(await listedTitles(page), ['Filler post 7', 'Filler post 6', 'Filler post 5', 'Filler post 4', 'Filler post 3', 'Filler post 2', 'Filler post 1']);
  });
});

test('non-ASCII tags: Tags in the menu, then 中文, Tiếng Việt and Größe each open their page', async () => {
  const tags = [
    { name: '中文', path: '/tags/%E4%B8%AD%E6%96%87/' },
    { name: 'Tiếng Việt', path: '/tags/tieng-viet/' },
    { name: 'Größe', path: '/tags/grosse/' },
  ];
  for (const tag of tags) {
    await site.withPage('/', {}, async (page) => {
      await followTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }), '/tags/', 'Tags');
      const entry = page.locator('main li').filter({ has: page.getByRole('link', { name: tag.name, exact: true }) });
      assert.equal(await text(entry), `${tag.name} 1 post`);
      await followTo(page, entry.getByRole('link'), tag.path, `Posts tagged “${tag.name}”`);
      assert.deepEqual(await listedTitles(page), [NON_ASCII_TITLE]);
      assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), `https://folio.example.com${tag.path}`);
    });
  }
});

test('categories: a non-ASCII category from its post, and one from /categories/', async () => {
  await site.withPage(NON_ASCII_POST, {}, async (page) => {
    await followTo(page, page.locator('article > header').getByRole('link', { name: '技术' }), '/categories/%E6%8A%80%E6%9C%AF/', 'Posts in 技术');
    assert.deepEqual(await listedTitles(page), [NON_ASCII_TITLE]);
  });
  await site.withPage('/categories/', {}, async (page) => {
    assert.equal(await text(page.locator('h1')), 'Categories');
    await followTo(page, page.locator('main').getByRole('link', { name: 'Architecture' }), '/categories/architecture/', 'Posts in Architecture');
    const titles = await listedTitles(page);
    assert.deepEqual(titles, ['Cache invalidation: TTLs, events and versioned keys', 'Where the cache hits land: a folder post']);
    await followTo(page, page.locator('main ol > li h2 a').first(), '/posts/cache-invalidation/', titles[0]);
  });
});

test('archive: every post by year, newest year first, each opening its post', async () => {
  await site.withPage('/', {}, async (page) => {
    await followTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }), '/archive/', 'Archive');
    const years = await page.locator('main h2').allTextContents();
    assert.deepEqual(years, [...years].sort().reverse(), 'years newest first');
    assert.equal(years.at(-1), '2010');
    const entries = page.locator('main li');
    assert.equal(await entries.count(), 5 + FILLER_POSTS, 'every published post, once');
    // Each post sits under the heading of its own year.
    const misplaced = await page.locator('main section').evaluateAll((sections) =>
      sections.flatMap((section) => {
        const year = section.querySelector('h2')!.textContent;
        return [...section.querySelectorAll<HTMLTimeElement>('li time')].filter((time) => !time.dateTime.startsWith(`${year}-`)).map((time) => `${time.dateTime} under ${year}`);
      }),
    );
    assert.deepEqual(misplaced, [], 'posts under another year');
    const dates = await entries.locator('time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
    assert.deepEqual(dates, [...dates].sort().reverse(), 'entries newest first');
    const entry = entries.filter({ hasText: 're:Invent 2017' });
    assert.equal(await entry.locator('time').getAttribute('datetime'), '2017-12-15');
    await followTo(page, entry.getByRole('link'), '/posts/reinvent-2017/', 're:Invent 2017');
  });
});

test('previous and next: a post links the posts published just before and after it', async () => {
  await site.withPage('/posts/filler-5/', {}, async (page) => {
    const postNav = page.getByRole('navigation', { name: 'Previous and next posts' });
    await followTo(page, postNav.getByRole('link', { name: /^Next post/ }), '/posts/filler-6/', 'Filler post 6');
    await followTo(page, postNav.getByRole('link', { name: /^Previous post/ }), '/posts/filler-5/', 'Filler post 5');
    await followTo(page, postNav.getByRole('link', { name: /^Previous post/ }), '/posts/filler-4/', 'Filler post 4');
  });
  await site.withPage('/posts/filler-1/', {}, async (page) => {
    const postNav = page.getByRole('navigation', { name: 'Previous and next posts' });
    assert.equal(await postNav.getByRole('link').count(), 1, 'the oldest post has only a next post');
  });
});

test('table of contents: a link scrolls to its heading; related posts share tags', async () => {
  await site.withPage(NON_ASCII_POST, {}, async (page) => {
    assert.match(await text(page.locator('article > header')), / 1 min read /);
    const toc = page.getByRole('navigation', { name: 'Contents' });
    // Each entry with the entries nested under it: the h3 under its h2.
    const nested = await toc.locator(':scope > ol').evaluate(function entries(list: Element): unknown[] {
      return [...list.children].map((item) => [item.querySelector(':scope > a')!.textContent, ...(item.querySelector(':scope > ol') ? [entries(item.querySelector(':scope > ol')!)] : [])]);
    });
    assert.deepEqual(nested, [['第一部分', [['细节']]], ['Tiếng Việt'], ['Größe']]);
    const link = toc.getByRole('link', { name: '第一部分' });
    await link.click();
    await page.waitForURL((url) => decodeURIComponent(url.hash) === '#第一部分');
    assert.equal(new URL(page.url()).pathname, NON_ASCII_POST, 'a contents link stays on the page');
    const target = await page.evaluate(() => ({ tag: document.querySelector(':target')?.tagName, text: document.querySelector(':target')?.textContent }));
    assert.deepEqual(target, { tag: 'H2', text: '第一部分' });
    const { top, height } = await page.locator('[data-post-body] h2').first().evaluate((heading) => ({ top: heading.getBoundingClientRect().top, height: window.innerHeight }));
    assert.ok(top >= 0 && top < height, `the heading is in view (at ${top}px of ${height}px)`);

    const related = page.getByRole('region', { name: 'Related posts' });
    await followTo(page, related.getByRole('link', { name: 'Where the cache hits land: a folder post' }), '/posts/cache-layers/', 'Where the cache hits land: a folder post');
    assert.equal(await page.getByRole('region', { name: 'About the author' }).count(), 1);
  });
});

test('a page has no post chrome', async () => {
  await site.withPage('/about/', {}, async (page) => {
    assert.ok((await page.locator('[data-post-body] h2').count()) >= 3, 'About has enough headings for contents');
    assert.deepEqual(await page.getByRole('navigation').evaluateAll((navs) => navs.map((nav) => nav.getAttribute('aria-label'))), ['Main']);
    assert.equal(await page.getByRole('region').count(), 0);
    assert.equal(await page.getByText(/min read/).count(), 0);
  });
});

test('axe-core finds no violation on the list pages and on a post with all its chrome', async () => {
  for (const pathname of ['/page/2/', '/tags/', '/tags/%E4%B8%AD%E6%96%87/', '/categories/', '/archive/', NON_ASCII_POST]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await site.withPage(pathname, {}, async (page) => {
        await page.emulateMedia({ colorScheme });
        const { violations } = await new AxeBuilder({ page }).analyze();
        const summary = violations.map(({ id, nodes }) => ({ id, nodes: nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`) }));
        assert.deepEqual(summary, [], `${pathname} (${colorScheme})`);
      });
    }
  }
});
