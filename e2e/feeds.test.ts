/**
 * Feeds, sitemap, robots.txt and link previews of the exported sample site, as a browser and
 * a feed reader get them from a static server.
 *
 *   node --import tsx --test e2e/feeds.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DRAFT_FIXTURE, buildSampleSite, filesUnder, openSite } from './harness';
import type { OpenSite } from './harness';
import type { Page } from 'playwright-core';
import { ADMIN_PATH } from '../lib/routes/table';

const FEEDS = [
  { type: 'application/rss+xml', href: '/rss.xml', served: /^(application|text)\/(rss\+)?xml\b/ },
  { type: 'application/atom+xml', href: '/atom.xml', served: /^(application|text)\/(atom\+)?xml\b/ },
  { type: 'application/feed+json', href: '/feed.json', served: /^application\/(feed\+)?json\b/ },
];
const DRAFT_MARKER = fs.readFileSync(DRAFT_FIXTURE, 'utf8').match(/marker: (\S+)\./)![1];

/** What the tests read of the JSON Feed. */
interface JsonFeed {
  version: string;
  title: string;
  items: { url: string; title: string; content_html: string; date_published: string }[];
}

let outDir: string;
let site: OpenSite;
/** The deployed site's URL (`url` in lib/config/settings.ts), without the trailing slash: the home page's canonical URL. */
let SITE_URL: string;

before(
  async () => {
    ({ outDir } = await buildSampleSite());
    site = await openSite(outDir);
    await site.withPage('/', {}, async (page) => {
      SITE_URL = (await page.locator('head link[rel="canonical"]').getAttribute('href'))!.replace(/\/$/, '');
    });
  },
  { timeout: 300_000 },
);

after(async () => {
  await site?.close();
});

/** Every page of the export, as a root-relative path, except the 404 page and the CMS's admin page (e2e/cms.test.ts). */
function exportedPages() {
  return filesUnder(outDir)
    .filter((file) => file.endsWith(`${path.sep}index.html`))
    .map((file) => path.relative(outDir, path.dirname(file)).split(path.sep).join('/'))
    .map((dir) => (dir ? `/${dir}/` : '/'))
    .filter((pathname) => pathname !== '/404/' && pathname !== ADMIN_PATH);
}

/** A path on the site as the static server serves it: an absolute URL of the deployed site becomes its path. */
const localUrl = (url: string) => site.urlFor(url.startsWith(SITE_URL) ? url.slice(SITE_URL.length) : url);

/** GETs `url` from the static server; returns its status, media type and body. */
async function fetchFromSite(url: string) {
  const response = await site.context.request.get(localUrl(url));
  return { status: response.status(), type: response.headers()['content-type'] ?? '', body: await response.text() };
}

/** Parses `xml` with the browser's strict XML parser; returns the parser's error, or null. */
const xmlError = (page: Page, xml: string) => page.evaluate((text: string) => new DOMParser().parseFromString(text, 'application/xml').querySelector('parsererror')?.textContent ?? null, xml);

/** The list page a tag's or category's page belongs to (`/tags/aws/page/2/` → `/tags/aws/`), or null for any other page. */
const termListOf = (pathname: string) => /^\/(tags|categories)\/[^/]+\//.exec(pathname)?.[0] ?? null;

test('every page links to the three feeds from its head, a tag\'s or category\'s pages to that list\'s three too, and each loads with its media type', async () => {
  const pages = exportedPages();
  assert.ok(pages.length >= 8, `the export has its pages, found ${pages.join(', ')}`);
  const termFeeds = new Set<string>();
  for (const pathname of pages) {
    await site.withPage(pathname, {}, async (page) => {
      const links = await page.locator('head link[rel="alternate"]').evaluateAll((elements: HTMLLinkElement[]) => elements.map((link) => ({ type: link.type, href: link.getAttribute('href') })));
      const list = termListOf(pathname);
      const own = list ? FEEDS.map(({ type, href }) => ({ type, href: `/feeds${encodeURI(list)}${href.slice(1)}` })) : [];
      assert.deepEqual(links, [...FEEDS.map(({ type, href }) => ({ type, href })), ...own], `feed links of ${pathname}`);
      for (const { href } of own) termFeeds.add(href);
    });
  }
  assert.ok(termFeeds.size >= 3 * 6, `the sample site's tags and categories have feeds: ${[...termFeeds].join(', ')}`);
  await site.withPage('/', {}, async (page) => {
    for (const feed of FEEDS) {
      const { status, type, body } = await fetchFromSite(feed.href);
      assert.equal(status, 200, `${feed.href} status`);
      assert.match(type, feed.served, `${feed.href} content type`);
      if (feed.href.endsWith('.xml')) assert.equal(await xmlError(page, body), null, `${feed.href} is well-formed XML`);
      else assert.doesNotThrow(() => JSON.parse(body), `${feed.href} is JSON`);
    }
    for (const href of termFeeds) {
      const { status, type, body } = await fetchFromSite(href);
      assert.equal(status, 200, `${href} status`);
      const feed = FEEDS.find((candidate) => href.endsWith(candidate.href))!;
      assert.match(type, feed.served, `${href} content type`);
      if (href.endsWith('.xml')) assert.equal(await xmlError(page, body), null, `${href} is well-formed XML`);
      else assert.doesNotThrow(() => JSON.parse(body), `${href} is JSON`);
    }
  });
});

test('a tag\'s feed holds exactly the posts its page lists, newest first', async () => {
  let listed: string[] = [];
  await site.withPage('/tags/caching/', {}, async (page) => {
    listed = await page.locator('main ol > li h2 a').evaluateAll((links) => links.map((link) => new URL(link.getAttribute('href') ?? '', 'https://x.invalid').pathname));
  });
  const feed = JSON.parse((await fetchFromSite('/feeds/tags/caching/feed.json')).body) as JsonFeed;
  assert.ok(listed.length >= 2, `the caching tag lists posts: ${listed}`);
  assert.deepEqual(
    feed.items.map((item) => new URL(item.url).pathname),
    listed,
    'the tag\'s feed lists what the tag\'s page lists',
  );
});

/**
 * Chromium 156 deprecates XSLT: into every page an XSL stylesheet makes it puts a warning
 * banner of its own, an `<xslt-warning-banner>` with inline styles and a handler, which the
 * feed's policy refuses (six styles and one handler). Those refusals are the browser's.
 */
const XSLT_WARNING_BANNER = 'xslt-warning-banner';

/** What a browser shows of a feed: the page its XSL stylesheet makes of it. */
async function feedPage(page: Page) {
  await page.locator('h1').waitFor();
  return page.evaluate((banner) => ({
    // No element of the stylesheet's has an inline style or handler, which the feed's policy would refuse.
    inlineStylesOrHandlers: [...document.querySelectorAll('*')]
      .filter((element) => !element.closest(banner) && [...element.attributes].some((attribute) => attribute.name === 'style' || attribute.name.startsWith('on')))
      .map((element) => element.outerHTML.slice(0, 120)),
    hasBanner: document.querySelector(banner) !== null,
    contentType: document.contentType,
    title: document.title,
    heading: document.querySelector('h1')?.textContent ?? null,
    posts: [...document.querySelectorAll('main li h3 a')].map((link) => ({ title: link.textContent, href: link.getAttribute('href') })),
    scripts: document.scripts.length,
    // The stylesheet's one inline <style>, which the feed's policy allows by its hash, applies.
    styled: getComputedStyle(document.querySelector('main')!).maxWidth,
  }), XSLT_WARNING_BANNER);
}

test('a browser shows the RSS and Atom feeds, a tag\'s too, as a readable page: the title and every post, styled, no script, no policy refused but of the browser\'s own XSLT warning', async () => {
  const feed = JSON.parse((await fetchFromSite('/feed.json')).body) as JsonFeed;
  const caching = JSON.parse((await fetchFromSite('/feeds/tags/caching/feed.json')).body) as JsonFeed;
  for (const [pathname, source] of [
    ['/rss.xml', feed],
    ['/atom.xml', feed],
    ['/feeds/tags/caching/atom.xml', caching],
  ] as const) {
    // The visit fails on any other console error; the policy's refusals are checked here.
    let refusals: string[] = [];
    const { hasBanner, ...shown } = await site.withPage(pathname, { onPolicyRefusals: (refused) => (refusals = refused) }, feedPage);
    const bannerRefusals = refusals.filter((refusal) => /^(Applying inline style|Executing inline event handler) violates/.test(refusal));
    assert.deepEqual({ refusals: refusals.length, bannerRefusals: bannerRefusals.length }, hasBanner ? { refusals: 7, bannerRefusals: 7 } : { refusals: 0, bannerRefusals: 0 }, `what ${pathname}'s policy refused: ${refusals.join(' | ')}`);
    assert.deepEqual(
      shown,
      {
        inlineStylesOrHandlers: [],
        contentType: 'text/html',
        title: `${source.title} (feed)`,
        heading: source.title,
        posts: source.items.map((item) => ({ title: item.title, href: item.url })),
        scripts: 0,
        styled: '672px',
      },
      `what a browser shows of ${pathname}`,
    );
  }
});

test('the feeds hold the posts the home page lists, newest first, with their bodies as the site shows them', async () => {
  const feed = JSON.parse((await fetchFromSite('/feed.json')).body) as JsonFeed;
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  let listed: (string | null)[] = [];
  await site.withPage('/', {}, async (page) => {
    listed = await page.locator('main ol > li h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  });
  // The feed and the home page's first page may differ in length (`feedSize`, `postsPerPage`).
  const both = Math.min(feed.items.length, listed.length);
  assert.ok(both >= 3, `the feed has the sample posts, found ${feed.items.length}`);
  assert.deepEqual(
    feed.items.slice(0, both).map((item) => item.url),
    listed.slice(0, both).map((href) => new URL(href ?? '', SITE_URL).href),
    'the feed lists what the home page lists, in the same order',
  );

  for (const item of feed.items) {
    await site.withPage(new URL(item.url).pathname, {}, async (page) => {
      const words = (text: string) => text.replace(/\s+/g, ' ').trim();
      // Left out of feeds: KaTeX's visual copy of a formula (aria-hidden; its MathML stays), and
      // what only the page has: the copy script and the buttons it adds, the images' zoom overlays.
      const shown = words(
        await page.locator('[data-post-body]').evaluate((body) => {
          const copy = body.cloneNode(true) as Element;
          for (const pageOnly of copy.querySelectorAll('.katex-html, script, .copy-code, .image-zoom-overlay')) pageOnly.remove();
          return copy.textContent;
        }),
      );
      // Parsed inert, as a feed reader would, so its absolute URLs are not fetched from the real site.
      const inFeed = words(await page.evaluate((html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent, item.content_html));
      assert.ok(shown.split(' ').length >= 10, `${item.url} has a body`);
      assert.equal(inFeed, shown, `${item.url}: the feed's content has the text of the page's body`);
    });
    assert.doesNotMatch(item.content_html, /\s(href|src)="(?!https?:|mailto:)/, `${item.url}: every URL in the content is absolute`);
  }

  const folderPost = feed.items.find((item) => item.url === `${SITE_URL}/posts/cache-layers/`)!;
  const imageUrls = [...folderPost.content_html.matchAll(/\s(?:src|srcset)="([^"]+)"/g)].flatMap(([, value]) => value.split(', ').map((candidate) => candidate.split(' ')[0]));
  assert.ok(imageUrls.some((url) => url.startsWith(`${SITE_URL}/_img/diagram-`)), `the diagram is in the feed: ${imageUrls}`);
  for (const url of imageUrls) {
    assert.ok(url.startsWith(`${SITE_URL}/_img/`), `${url} is absolute`);
    const image = await fetchFromSite(url);
    assert.equal(image.status, 200, `the absolute image URL in the feed is a file of the site: ${url}`);
  }
});

test('no feed, nor the sitemap, holds a draft or a page', async () => {
  for (const file of ['/rss.xml', '/atom.xml', '/feed.json', '/sitemap.xml']) {
    const { body } = await fetchFromSite(file);
    assert.ok(!body.includes(DRAFT_MARKER) && !body.includes(path.basename(DRAFT_FIXTURE, '.md')), `${file} has no trace of the draft`);
    if (file !== '/sitemap.xml') assert.ok(!body.includes(`${SITE_URL}/about/`), `${file} does not list the About page`);
  }
});

test('the sitemap lists exactly the exported pages, and robots.txt points to it', async () => {
  const sitemap = await fetchFromSite('/sitemap.xml');
  assert.equal(sitemap.status, 200);
  assert.match(sitemap.type, /^(application|text)\/xml\b/);
  let entries: { loc: string; lastmod: string | undefined }[] = [];
  await site.withPage('/', {}, async (page) => {
    assert.equal(await xmlError(page, sitemap.body), null, 'sitemap.xml is well-formed XML');
    entries = await page.evaluate(
      (text: string) =>
        [...new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('url')].map((url) => ({
          loc: url.getElementsByTagName('loc')[0]?.textContent ?? '',
          lastmod: url.getElementsByTagName('lastmod')[0]?.textContent ?? undefined,
        })),
      sitemap.body,
    );
  });
  for (const { loc, lastmod } of entries) {
    assert.ok(loc.startsWith(`${SITE_URL}/`), `${loc} is an absolute URL of the site`);
    if (lastmod !== undefined) assert.match(lastmod, /^\d{4}-\d{2}-\d{2}$/, `lastmod of ${loc}`);
  }
  const listed = entries.map(({ loc }) => decodeURIComponent(new URL(loc).pathname));
  assert.deepEqual([...listed].sort(), exportedPages().sort(), 'every exported page is in the sitemap, and nothing else');
  assert.equal(entries.find(({ loc }) => loc === `${SITE_URL}/posts/reinvent-2017/`)?.lastmod, '2017-12-15');

  const robots = await fetchFromSite('/robots.txt');
  assert.equal(robots.status, 200);
  assert.match(robots.type, /^text\/plain\b/);
  assert.match(robots.body, new RegExp(`^Sitemap: ${SITE_URL}/sitemap\\.xml$`, 'm'));
});

test('a shared page shows its title, description and an image the site serves; a post is an article with structured data', async () => {
  for (const pathname of ['/', '/about/', '/posts/cache-layers/']) {
    await site.withPage(pathname, {}, async (page) => {
      const og = Object.fromEntries(await page.locator('head meta[property^="og:"]').evaluateAll((metas: HTMLMetaElement[]) => metas.map((meta) => [meta.getAttribute('property'), meta.content])));
      assert.equal(og['og:url'], new URL(pathname, SITE_URL).href, `og:url of ${pathname}`);
      assert.equal(og['og:url'], await page.locator('head link[rel="canonical"]').getAttribute('href'));
      assert.equal(og['og:description'], await page.locator('head meta[name="description"]').getAttribute('content'));
      assert.equal(og['og:type'], pathname.startsWith('/posts/') ? 'article' : 'website', `og:type of ${pathname}`);
      const image = await fetchFromSite(og['og:image']);
      assert.equal(image.status, 200, `og:image of ${pathname}: ${og['og:image']}`);
      assert.match(image.type, /^image\//);
      assert.equal(await page.locator('head meta[name="twitter:card"]').getAttribute('content'), 'summary_large_image');

      const structured = await page.locator('script[type="application/ld+json"]').allTextContents();
      if (og['og:type'] === 'article') {
        assert.equal(structured.length, 1, `one JSON-LD script on ${pathname}`);
        const data = JSON.parse(structured[0]);
        assert.equal(data['@type'], 'BlogPosting');
        assert.equal(`${data.headline} | Folio`, await page.title());
        assert.equal(data.url, og['og:url']);
        const inFeed = (JSON.parse((await fetchFromSite('/feed.json')).body) as JsonFeed).items.find((item) => item.url === data.url)!;
        assert.equal(data.datePublished, inFeed.date_published.slice(0, 10), 'the post is dated as in the feed');
      } else {
        assert.deepEqual(structured, [], `no JSON-LD on ${pathname}`);
      }
    });
  }
});
