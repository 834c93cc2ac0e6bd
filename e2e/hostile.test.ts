/**
 * A hostile `.md` post in Chromium: e2e/fixtures/hostile/raw-html-attack.md tries every way raw
 * HTML could run script that does not fail the build (`<script>`, event handlers on img, svg,
 * body, details, video and the rest, `<iframe srcdoc>`, `<object>`, `<embed>`, a meta refresh,
 * `<base>`, `<form>`, `<style>`, SVG `<animate>` and `<set>`, mutation-XSS tricks, DOM
 * clobbering), and its front matter tries to break out of HTML, meta tags, JSON-LD and the
 * feeds. Its site is built (alone) and every page opened twice: under the site's
 * Content-Security-Policy as shipped, and with it bypassed, so that the sanitizer and the
 * escaping alone stand between the post and the reader. Nothing may run: `window.pwned`,
 * which every payload would set, stays unset; no dialog opens; the page goes nowhere; nothing
 * asks for a `/payload-…` URL; and the visit's own check (e2e/harness.ts) sees no error, no
 * refusal and no failed request.
 *
 *   npx tsx e2e/run.ts e2e/hostile.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import matter from 'gray-matter';
import { projectRoot } from '../scripts/build-site';
import { buildTestSite, filesUnder, openSite, readToTheEnd, text } from './harness';
import type { OpenSite } from './harness';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN_PATH } from '../lib/routes/table';

const FIXTURE_POSTS = path.join(projectRoot, 'e2e', 'fixtures', 'hostile');
const POST = '/posts/raw-html-attack/';
/** The post's front matter as its author wrote it. */
const FRONT_MATTER = matter(fs.readFileSync(path.join(FIXTURE_POSTS, 'raw-html-attack.md'), 'utf8')).data as { title: string; description: string; category: string; tags: string[] };
const { title: TITLE, description: DESCRIPTION, category: CATEGORY, tags: TAGS } = FRONT_MATTER;
/** The deployed site's address (lib/config/settings.ts), which feeds and meta tags use. */
const SITE_URL = 'https://folio.example.com';
/** An image on another host that the post shows as it may (it is not script): it answers with bytes that are no image, so an error handler would fire. */
const BROKEN_IMAGE = 'https://images.example.invalid/broken.png';

let outDir: string;
let site: OpenSite;
/** Browser contexts to open the pages in: one that bypasses the site's policy, and the site's, under it. */
let contexts: Record<string, BrowserContext>;

before(
  async () => {
    outDir = await buildTestSite(FIXTURE_POSTS, 'e2e-hostile');
    site = await openSite(outDir);
    contexts = { 'with the policy bypassed': await site.context.browser()!.newContext({ bypassCSP: true }), 'under the site\'s policy': site.context };
  },
  { timeout: 300_000 },
);

after(async () => {
  await site?.close();
});

/**
 * Records, from before `page` opens, what a payload that ran would do: a dialog (dismissed), a
 * navigation of the page after its first, a popup, a request for a `/payload-…` URL. The
 * deployed site's own URLs (in the feeds' HTML) are served from the local copy, and the
 * post's image on another host answers with bytes that are no image.
 */
/** What a payload that ran did, by kind. */
type PayloadsDone = Record<'dialogs' | 'navigations' | 'popups' | 'payloadRequests', string[]>;

function watchForPayloads(page: Page): { done: PayloadsDone; routed: Promise<unknown> } {
  const done: PayloadsDone = { dialogs: [], navigations: [], popups: [], payloadRequests: [] };
  page.on('dialog', (dialog) => {
    done.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('framenavigated', (frame) => frame === page.mainFrame() && done.navigations.push(frame.url()));
  page.on('popup', (popup) => done.popups.push(popup.url()));
  page.on('request', (request) => request.url().includes('/payload-') && done.payloadRequests.push(request.url()));
  const routed = Promise.all([
    page.route(BROKEN_IMAGE, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: 'not an image' })),
    page.route(`${SITE_URL}/**`, async (route) => route.fulfill({ response: await route.fetch({ url: site.urlFor(new URL(route.request().url()).pathname) }) })),
  ]);
  return { done, routed };
}

/** What the payloads managed on `page`: `pwned` is what they set, null if they never ran. */
async function payloadEffects(page: Page, done: PayloadsDone) {
  // Two frames: whatever the last interaction set off has run, and its effects are recorded.
  const pwned = await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const { pwned } = window as Window & { pwned?: unknown };
    return typeof pwned === 'undefined' ? null : String(pwned);
  });
  return { pwned, ...done, navigations: done.navigations.slice(1) };
}

/** A test that hangs (a payload that kept a page from settling) fails instead. */
const LIMIT = { timeout: 180_000 };

const NOTHING_DONE = { pwned: null, dialogs: [], navigations: [], popups: [], payloadRequests: [] };

/**
 * Opens `pathname` in each context, lets `act(page)` do what a reader does there, checks that
 * no payload did anything, then runs `check(page)`.
 */
async function visitBothWays(pathname: string, act: (page: Page) => Promise<unknown>, check: (page: Page) => Promise<unknown> = async () => {}) {
  for (const [how, context] of Object.entries(contexts)) {
    let watch: ReturnType<typeof watchForPayloads> | undefined;
    const prepare = async (page: Page) => {
      watch = watchForPayloads(page);
      await watch.routed;
    };
    await site.withPage(pathname, { context, prepare }, async (page) => {
      // A payload that ran may take the page away from under `act`: what it did is the failure to report.
      const acted = await act(page).then(
        () => null,
        (error: unknown) => error,
      );
      assert.deepEqual(await payloadEffects(page, watch!.done), NOTHING_DONE, `${pathname}, ${how}: what the payloads did`);
      if (acted) throw acted;
      await check(page);
    });
  }
}

/**
 * What a reader does on the post: reads to the end, points at every element of the body,
 * tabs through everything focusable, and opens and closes its `<details>`.
 */
async function readAndPoke(page: Page) {
  await readToTheEnd(page);
  const elements = page.locator('[data-post-body] *');
  for (let index = 0; index < (await elements.count()); index++) {
    const box = await elements.nth(index).evaluate((element) => {
      element.scrollIntoView({ block: 'center' });
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x: x + width / 2, y: y + height / 2 };
    });
    await page.mouse.move(box.x, box.y);
  }
  for (let presses = 0; presses < 40; presses++) await page.keyboard.press('Tab');
  for (const summary of await page.locator('[data-post-body] summary').all()) {
    await summary.click();
    await summary.click();
  }
}

test('the post\'s raw HTML runs nothing, goes nowhere and asks for nothing, even with the site\'s policy bypassed', LIMIT, async () => {
  await visitBothWays(POST, readAndPoke, async (page) => {
    // The body is there: the sanitizer kept the text and took out the attacks.
    assert.match(await text(page.locator('[data-post-body]')), /Marker: hostile-body-kestrel\. .*A paragraph with handlers\./);
    assert.equal(await page.locator('[data-post-body] :is(script, style, svg, object, embed, meta, base, link, form, math, marquee, noscript)').count(), 0, 'elements that have no place in a body');
    assert.equal(await page.locator('[data-post-body] iframe[srcdoc]').count(), 0, 'frames with a document of their own');
    // DOM clobbering: the post's ids and names do not replace what the page's script uses.
    assert.deepEqual(
      await page.evaluate(() => ({
        getElementById: document.getElementById === Document.prototype.getElementById,
        themeToggle: document.getElementById('theme-toggle')?.tagName,
        clobberedForm: typeof (window as Window & { clobberedForm?: unknown }).clobberedForm,
      })),
      { getElementById: true, themeToggle: 'BUTTON', clobberedForm: 'undefined' },
    );
    await page.getByRole('button', { name: 'Dark theme' }).click();
    assert.match((await page.locator('html').getAttribute('data-theme')) ?? '', /^(dark|light)$/, 'the theme toggle still works');
  });
});

test('its front matter is text in the page: the heading, the title, meta tags and JSON-LD', LIMIT, async () => {
  assert.ok(TITLE.includes('</title><script>') && DESCRIPTION.includes('</script><script>'), 'the fixture is hostile');
  await visitBothWays(POST, readToTheEnd, async (page) => {
    // Read as they are, with no waiting: a page the front matter broke may not have them.
    assert.deepEqual(await page.locator('h1').allTextContents(), [TITLE]);
    assert.equal(await page.title(), `${TITLE} | Folio`);
    assert.equal((await page.locator('article > header p').allTextContents()).at(-1), DESCRIPTION, 'the lead paragraph');
    assert.deepEqual(await page.locator('article > header a[href^="/categories/"]').allTextContents(), [CATEGORY]);
    assert.deepEqual(await page.locator('article > header a[href^="/tags/"]').allTextContents(), TAGS.map((tag) => `#${tag}`));
    const meta = (selector: string) => page.locator(`head > meta${selector}`).evaluateAll((metas: HTMLMetaElement[]) => metas.map((element) => element.content));
    assert.deepEqual(
      {
        description: await meta('[name="description"]'),
        ogTitle: await meta('[property="og:title"]'),
        ogDescription: await meta('[property="og:description"]'),
        section: await meta('[property="article:section"]'),
        tags: await meta('[property="article:tag"]'),
      },
      { description: [DESCRIPTION], ogTitle: [TITLE], ogDescription: [DESCRIPTION], section: [CATEGORY], tags: TAGS },
    );
    const structured = await page.locator('script[type="application/ld+json"]').allTextContents();
    assert.equal(structured.length, 1, 'one JSON-LD script, whole');
    const data = JSON.parse(structured[0]);
    assert.deepEqual({ headline: data.headline, description: data.description, keywords: data.keywords }, { headline: TITLE, description: DESCRIPTION, keywords: TAGS });
  });
});

test('every other page that shows its front matter runs nothing either: lists, tags, its category, the archive, search', LIMIT, async () => {
  const pages = filesUnder(outDir)
    .filter((file) => file.endsWith(`${path.sep}index.html`))
    .map((file) => `/${path.relative(outDir, path.dirname(file)).split(path.sep).join('/')}/`.replace('//', '/'))
    .filter((pathname) => pathname !== '/404/' && pathname !== POST && pathname !== ADMIN_PATH);
  assert.ok(pages.length >= 8, `the site has its pages: ${pages.join(', ')}`);
  for (const pathname of pages) await visitBothWays(pathname, readToTheEnd);
  await visitBothWays('/', readToTheEnd, async (page) => assert.equal(await page.locator('main ol > li h2 a').textContent(), TITLE));
  await visitBothWays(
    '/search/?q=kestrel',
    (page: Page) => page.waitForFunction(() => / match(es)? /.test(document.querySelector('[data-search-status]')?.textContent ?? '')),
    async (page) => assert.deepEqual(await page.locator('[data-search-results] > li h2 a').allTextContents(), [TITLE]),
  );
});

test('the feeds hold its front matter as text, and their body HTML runs nothing when a reader shows it', LIMIT, async () => {
  await visitBothWays('/', async (page) => {
    const feed = (file: string) => page.evaluate((url: string) => fetch(url).then((response) => response.text()), site.urlFor(file));
    /** The text of each element `name` of an XML feed, with the parser's error if it is not well-formed XML. */
    const xmlTexts = (xml: string, name: string) =>
      page.evaluate(
        ([source, element]: string[]) => {
          const document = new DOMParser().parseFromString(source, 'application/xml');
          return { error: document.querySelector('parsererror')?.textContent ?? null, texts: [...document.getElementsByTagName(element)].map((node) => node.textContent) };
        },
        [xml, name],
      );
    /** The text a reader sees of some HTML. */
    const htmlText = (html: string) => page.evaluate((source: string) => new DOMParser().parseFromString(source, 'text/html').body.textContent, html);

    const rss = await feed('/rss.xml');
    assert.deepEqual(await xmlTexts(rss, 'title'), { error: null, texts: ['Folio', TITLE] }, 'RSS: the channel and the item');
    const [, itemDescription] = (await xmlTexts(rss, 'description')).texts;
    assert.equal(await htmlText(itemDescription), DESCRIPTION, 'RSS: the item\'s description, which is HTML');

    const atom = await feed('/atom.xml');
    assert.deepEqual(await xmlTexts(atom, 'title'), { error: null, texts: ['Folio', TITLE] }, 'Atom: the feed and the entry');
    assert.deepEqual((await xmlTexts(atom, 'summary')).texts, [DESCRIPTION]);

    const [item] = JSON.parse(await feed('/feed.json')).items;
    assert.deepEqual({ title: item.title, summary: item.summary, tags: item.tags }, { title: TITLE, summary: DESCRIPTION, tags: [CATEGORY, ...TAGS] });
    // A feed reader shows the body's HTML: put into this page, none of it runs.
    for (const html of [item.content_html, ...(await xmlTexts(atom, 'content')).texts]) {
      await page.evaluate((source: string) => {
        const shown = document.createElement('article');
        shown.innerHTML = source;
        document.body.append(shown);
      }, html);
      await readToTheEnd(page);
    }
  });
});
