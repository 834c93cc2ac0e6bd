/**
 * Comments and analytics in Chromium. One fixture site (e2e/fixtures/integrations/: a post
 * and a page) is built with both turned on through `FOLIO_INTEGRATIONS`, each pointed at a
 * local stub of its provider's origin: giscus's `client.js`, which inserts a marker element,
 * and Plausible's `script.js`, which marks the page. The stubs log every request, so the
 * suite can tell that nothing comes from the comments origin until the reader's click.
 * The sample site (`FOLIO_E2E_OUT`, integrations off, as shipped) must have none of it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { integrationCspSources } from '../lib/integrations/integrations';
import { projectRoot } from '../scripts/build-site';
import { manifestFileFor, readBuildManifest } from '../lib/export/manifest-file';
import type { Integrations } from '../lib/integrations/integrations';
import { buildSampleSite, buildTestSite, filesUnder, openSite, readToTheEnd, sampleSiteScripts, text } from './harness';
import type { OpenSite } from './harness';
import { ADMIN_PATH } from '../lib/routes/table';

const FIXTURE_POSTS = path.join(projectRoot, 'e2e', 'fixtures', 'integrations');
const POST = '/posts/commented-post/';
const PAGE = '/colophon/';
const MARKER_ID = 'comments-stub-marker';

/** giscus's client.js, as far as the suite needs it: it shows what it was given, after its script element. */
const FAKE_GISCUS_CLIENT = `(() => {
  const script = document.currentScript;
  const marker = document.createElement('p');
  marker.id = ${JSON.stringify(MARKER_ID)};
  marker.textContent = 'stub comments for ' + script.dataset.repo + ', theme ' + script.dataset.theme;
  script.after(marker);
})();`;

/** Plausible's script.js, as far as the suite needs it: it marks the page with its domain and when it ran. */
const FAKE_PLAUSIBLE_SCRIPT = `document.documentElement.dataset.analyticsStub = document.currentScript.dataset.domain + ' ' + document.readyState;`;

/** A stub origin: its URL, the paths asked of it so far, and `close`. */
interface StubOrigin {
  url: string;
  requests: string[];
  close: () => Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 standing in for a provider's origin: serves `files` (path →
 * JavaScript) and logs every request's path in `requests`.
 */
async function startStubOrigin(files: Record<string, string>): Promise<StubOrigin> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://stub');
    requests.push(pathname);
    const body = files[pathname];
    // The providers' scripts are loaded with crossorigin="anonymous", so CORS must allow them.
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
    if (body === undefined) res.writeHead(404, headers).end();
    else res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let commentsOrigin: StubOrigin;
let analyticsOrigin: StubOrigin;
let integrations: Integrations;
let outDir: string;
let site: OpenSite;

before(
  async () => {
    commentsOrigin = await startStubOrigin({ '/client.js': FAKE_GISCUS_CLIENT });
    analyticsOrigin = await startStubOrigin({ '/js/script.js': FAKE_PLAUSIBLE_SCRIPT });
    integrations = {
      comments: { provider: 'giscus', repo: 'folio-e2e/comments', repoId: 'R_e2e', category: 'Comments', categoryId: 'DIC_e2e', origin: commentsOrigin.url },
      analytics: { provider: 'plausible', domain: 'folio.test', scriptUrl: `${analyticsOrigin.url}/js/script.js` },
    };
    outDir = await buildTestSite(FIXTURE_POSTS, 'e2e-integrations', { env: { FOLIO_INTEGRATIONS: JSON.stringify(integrations) } });
    // The script files a page may load: the sample site's, the analytics script on every page,
    // and on a post the comments loader and, once the reader asks, giscus's script.
    const scripts = (pagePath: string) => [...sampleSiteScripts(pagePath), `${analyticsOrigin.url}/js/script.js`, ...(pagePath.startsWith('/posts/') ? ['/comments.js', `${commentsOrigin.url}/client.js`] : [])];
    site = await openSite(outDir, { scripts });
  },
  { timeout: 300_000 },
);

after(async () => {
  await site?.close();
  await commentsOrigin?.close();
  await analyticsOrigin?.close();
});

/** Every exported reader page (not the CMS's admin page), as a path, and the `<script>` tags of its HTML file as the browser reads them. */
function exportedPages(dir: string) {
  return filesUnder(dir)
    .filter((file) => file.endsWith('.html') && !file.startsWith(path.join(dir, ADMIN_PATH)))
    .map((file) => {
      const html = fs.readFileSync(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => ({
        src: attributes.match(/\bsrc="([^"]*)"/)?.[1] ?? null,
        type: attributes.match(/\btype="([^"]*)"/)?.[1] ?? null,
        id: attributes.match(/\bid="([^"]*)"/)?.[1] ?? null,
        defer: /\bdefer\b/.test(attributes),
      }));
      return { page: `/${path.relative(dir, file).split(path.sep).join('/')}`, html, scripts };
    });
}

/** A `<script>` tag as `exportedPages` reads it. */
const script = ({ src = null, type = null, id = null, defer = false }: { src?: string | null; type?: string | null; id?: string | null; defer?: boolean }) => ({ src, type, id, defer });
const THEME_SCRIPT = script({ id: 'theme-script' });
const JSON_LD = script({ type: 'application/ld+json' });

test('a post loads nothing from the comments origin until "Show comments" is clicked; the click loads it', async () => {
  await site.withPage(POST, {}, async (page, visit) => {
    // Read to the end, past the comments section: what a reader scrolling by would load.
    await readToTheEnd(page);
    const comments = page.getByRole('region', { name: 'Comments' });
    const show = comments.getByRole('button', { name: 'Show comments' });
    assert.equal(await show.isVisible(), true, 'the button is shown');
    assert.equal(await text(comments.getByRole('link', { name: 'GitHub Discussions' })), 'GitHub Discussions');
    assert.deepEqual(commentsOrigin.requests, [], 'requests to the comments origin before the click');
    assert.equal(await page.locator(`#${MARKER_ID}`).count(), 0);
    assert.equal(await page.locator(`[src^="${commentsOrigin.url}"]`).count(), 0, 'elements that load from the comments origin before the click');
    assert.deepEqual(
      visit.scripts.filter((request) => request.url.startsWith(commentsOrigin.url)),
      [],
      'script requests to the comments origin before the click',
    );

    // The reader picks the dark theme first: giscus gets the dark theme.
    await page.locator('#theme-toggle').click();
    await show.click();
    const marker = page.locator(`#${MARKER_ID}`);
    await marker.waitFor();
    assert.equal(await text(marker), 'stub comments for folio-e2e/comments, theme dark');
    assert.deepEqual(commentsOrigin.requests, ['/client.js'], 'one request, for the script, on the click');
    assert.equal(await show.count(), 0, 'the button is gone');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Comments', 'focus is on the comments heading');
  });
});

test('the analytics script is one deferred tag on every page; it runs once the page is parsed', async () => {
  const requestsBefore = analyticsOrigin.requests.length;
  for (const pathname of ['/', POST, PAGE, '/archive/']) {
    await site.withPage(pathname, {}, async (page) => {
      assert.equal(await page.evaluate(() => document.documentElement.dataset.analyticsStub), 'folio.test interactive', `${pathname}: the stub ran, deferred`);
      assert.equal(await page.locator(`head > script[src="${analyticsOrigin.url}/js/script.js"][defer][data-domain="folio.test"]`).count(), 1);
    });
  }
  assert.deepEqual(analyticsOrigin.requests.slice(requestsBefore), ['/js/script.js', '/js/script.js', '/js/script.js', '/js/script.js']);
});

test('every page carries exactly its scripts: the analytics script, and on posts the comments loader', () => {
  const pages = exportedPages(outDir);
  assert.ok(pages.some(({ page }) => page === `${POST}index.html`) && pages.some(({ page }) => page === `${PAGE}index.html`), 'the fixture has its post and page');
  const analytics = script({ src: `${analyticsOrigin.url}/js/script.js`, defer: true });
  const commentsLoader = script({ src: '/comments.js', defer: true });
  for (const { page, scripts } of pages) {
    const expected = page.startsWith('/posts/')
      ? [JSON_LD, THEME_SCRIPT, analytics, commentsLoader]
      : page === '/search/index.html'
        ? [THEME_SCRIPT, analytics, script({ src: '/search.js', type: 'module' })]
        : [THEME_SCRIPT, analytics];
    assert.deepEqual(scripts, expected, `${page}: its scripts`);
  }
  assert.ok(fs.existsSync(path.join(outDir, 'comments.js')), 'the comments loader is published');
});

test('a page (template: "page") and the lists have no comments', async () => {
  for (const pathname of [PAGE, '/']) {
    await site.withPage(pathname, {}, async (page) => {
      assert.equal(await page.getByRole('region', { name: 'Comments' }).count(), 0, pathname);
      assert.equal(await page.locator('[data-comments]').count(), 0, pathname);
    });
  }
});

test('a post with its comments section passes axe-core in both schemes', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await site.withPage(POST, {}, async (page) => {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).include('main').analyze();
      assert.deepEqual(
        violations.map(({ id, nodes }) => ({ id, nodes: nodes.map((node) => node.target.join(' ')) })),
        [],
        colorScheme,
      );
    });
  }
});

test('with JavaScript off, a post links to the discussion and shows no button', async () => {
  // Its own context, closed with the browser (see e2e/a11y.test.ts).
  const noScript = await site.context.browser()!.newContext({ javaScriptEnabled: false });
  await site.withPage(POST, { context: noScript }, async (page) => {
    const comments = page.getByRole('region', { name: 'Comments' });
    assert.equal(await comments.getByRole('link', { name: 'GitHub Discussions' }).getAttribute('href'), 'https://github.com/folio-e2e/comments/discussions');
    assert.equal(await comments.getByRole('link', { name: 'GitHub Discussions' }).isVisible(), true);
    assert.equal(await page.locator('[data-comments-show]').isVisible(), false, 'the button is not shown');
    assert.equal(await comments.getByRole('button').count(), 0, 'nor in the accessibility tree');
  });
});

test("the build leaves the integrations in its manifest, whose CSP sources are the stubs' origins", () => {
  const manifest = readBuildManifest(manifestFileFor(outDir));
  assert.deepEqual(manifest.integrations, integrations);
  assert.deepEqual(integrationCspSources(manifest.integrations), {
    scriptSrc: ["'self'", commentsOrigin.url, analyticsOrigin.url],
    frameSrc: [commentsOrigin.url],
    connectSrc: [analyticsOrigin.url],
    imgSrc: [],
    styleSrc: [commentsOrigin.url],
  });
});

test('the sample site, with the integrations off as shipped, has no comments, loader or analytics', async () => {
  const { outDir: sampleOut } = await buildSampleSite();
  const pages = exportedPages(sampleOut);
  assert.ok(pages.filter(({ page }) => page.startsWith('/posts/')).length >= 3, 'the sample site has posts');
  // The search page's own script is the one script file the sample site has.
  assert.deepEqual(
    pages.flatMap(({ page, scripts }) => scripts.filter((tag) => tag.src !== null).map((tag) => `${page}: ${tag.src}`)),
    ['/search/index.html: /search.js'],
    'script files',
  );
  assert.deepEqual(
    pages.filter(({ html }) => html.includes('data-comments') || html.includes('Show comments')).map(({ page }) => page),
    [],
    'pages with comments',
  );
  assert.equal(fs.existsSync(path.join(sampleOut, 'comments.js')), false, 'no comments loader in out/');
});
