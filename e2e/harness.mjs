/**
 * What every e2e file shares: the sample site built once, served as a CDN would (`npm run serve`),
 * and one headless Chromium whose pages are all watched for scripts, errors and failed
 * requests.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prefixBasePath } from '../lib/routes/base-path.mjs';
import { buildSite, projectRoot } from '../scripts/build-site.mjs';
import { start } from '../scripts/serve.mjs';
import { launchBrowser } from './browser.mjs';

export const DRAFT_FIXTURE = path.join(projectRoot, 'e2e', 'fixtures', 'e2e-unpublished-draft.md');
const PAGE_TIMEOUT = 15_000;

/**
 * Builds the sample site (the repo's posts/ plus every e2e/fixtures/*.md: a draft, a post
 * with non-ASCII tags) once per process, with TZ=America/Los_Angeles unless TZ is set, so a
 * date that went through a UTC instant would show the day before. `FOLIO_E2E_OUT` names an out/ built already (by e2e/run.mjs).
 * `extraPosts` (file name → contents) are added to the sample posts, and `env` to the build's
 * environment (`BASE_PATH`); such a site is built apart, in `.tmp/<name>/`.
 */
export async function buildSampleSite({ extraPosts = {}, name = 'e2e', env = {} } = {}) {
  const isSampleSite = Object.keys(extraPosts).length === 0 && Object.keys(env).length === 0;
  if (process.env.FOLIO_E2E_OUT && isSampleSite) return { outDir: process.env.FOLIO_E2E_OUT, postsDir: process.env.FOLIO_E2E_POSTS };
  const postsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-posts-'));
  fs.cpSync(path.join(projectRoot, 'posts'), postsDir, { recursive: true });
  const fixturesDir = path.dirname(DRAFT_FIXTURE);
  for (const fixture of fs.readdirSync(fixturesDir).filter((file) => file.endsWith('.md'))) fs.copyFileSync(path.join(fixturesDir, fixture), path.join(postsDir, fixture));
  for (const [file, contents] of Object.entries(extraPosts)) fs.writeFileSync(path.join(postsDir, file), contents);
  const tz = process.env.TZ;
  process.env.TZ = tz ?? 'America/Los_Angeles';
  try {
    return { outDir: await buildSite(postsDir, name, { env }), postsDir };
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
}

export const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

// The tests list an export's files with the build's own helper.
export { filesUnder } from '../lib/node/files.mjs';

/**
 * Serves `outDir` (under `basePath`, for a site built with one; with `headers: false`, without
 * the headers of its `_headers`, as a host that ignores that file) and opens a browser context
 * on it. Returns `urlFor` (a site path's URL) and `withPage` to visit pages, `seen`
 * (everything recorded on every page) and `close`.
 */
export async function openSite(outDir, { basePath = '', headers = true } = {}) {
  const server = await start(outDir, { basePath, headers });
  const launched = await launchBrowser();
  const { browser } = launched;
  console.log(`# serving ${outDir} at ${server.url}; browser: ${launched.source}, Chromium ${browser.version()}`);

  /** Everything seen on every page of the suite; the last test asserts on it. */
  const seen = {
    pages: new Set(),
    scripts: [],
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    /** Absolute URLs the suite asks for expecting a 404. */
    expected404: new Set(),
  };

  const context = await browser.newContext();
  context.setDefaultTimeout(PAGE_TIMEOUT);
  context.setDefaultNavigationTimeout(PAGE_TIMEOUT);
  context.on('request', (request) => {
    if (request.frame().parentFrame() === null && request.isNavigationRequest()) seen.pages.add(request.url());
    if (request.resourceType() === 'script') seen.scripts.push(`${request.url()} (from ${request.frame().url()})`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && !seen.expected404.has(response.url())) seen.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  context.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? 'failed';
    // A page closed while an image was still loading cancels it; that is the suite, not the site.
    if (error !== 'net::ERR_ABORTED') seen.failedRequests.push(`${error} ${request.url()}`);
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    // Chromium logs every 4xx document as an error; the suite's own 404 visits are expected.
    if (seen.expected404.has(url) && message.text().includes('status of 404')) return;
    seen.consoleErrors.push(`${message.text()} (at ${url})`);
  });
  context.on('weberror', (webError) => seen.pageErrors.push(String(webError.error())));

  const urlFor = (sitePath) => new URL(prefixBasePath(basePath, sitePath), server.origin).href;

  /** Opens `pathname` in a new page, checks the document's HTTP `status`, runs `fn` with the page, and closes it. */
  async function withPage(pathname, { status = 200 } = {}, fn = async () => {}) {
    if (status === 404) seen.expected404.add(urlFor(pathname));
    const page = await context.newPage();
    try {
      const response = await page.goto(urlFor(pathname), { waitUntil: 'load' });
      assert.ok(response, `no response for ${pathname}`);
      assert.equal(response.status(), status, `HTTP status of ${pathname}`);
      await fn(page);
    } finally {
      await page.close();
    }
  }

  const close = async () => {
    await context.close();
    await browser.close();
    await server.close();
  };
  return { url: server.url, context, seen, urlFor, withPage, close };
}

/**
 * On an open page: the theme script ran (it marks the root element, which is what shows the
 * toggle) and its toggle works, and an inline script injected into the page does not run.
 */
export async function assertThemeScriptAloneRuns(page) {
  assert.equal(await page.locator('html').getAttribute('data-theme-toggle'), '');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  assert.match((await page.locator('html').getAttribute('data-theme')) ?? '', /^(dark|light)$/);
  const injected = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true;';
    document.head.append(script);
    return window.injectedRan === true;
  });
  assert.equal(injected, false, 'an inline script that is not the theme script is refused');
}

/**
 * Takes the Content-Security-Policy refusals out of the suite's console errors and returns
 * them: a test that provokes one checks it, and every other console error still fails the suite.
 */
export function takePolicyRefusals(seen) {
  const refusals = seen.consoleErrors.filter((error) => error.includes('Content Security Policy'));
  seen.consoleErrors.splice(0, Infinity, ...seen.consoleErrors.filter((error) => !refusals.includes(error)));
  return refusals;
}

/**
 * Opens `url` in a browser of its own (so nothing is cached: the contexts of one single-process
 * Chromium share its memory cache) at `viewport`, scrolls every image into view as a reader
 * reading to the end would, and reports what that reader got: each image response with its
 * body bytes (Chromium's network log), each `<img>` with the source the browser chose
 * (`currentSrc`), and the page's cumulative layout shift.
 * @param {string} url
 * @param {{ width: number, height: number, deviceScaleFactor?: number }} viewport
 */
export async function imagesAtViewport(url, { width, height, deviceScaleFactor = 1 }) {
  const { browser } = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width, height }, deviceScaleFactor })).newPage();
    const sizes = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'image') sizes.push(request.sizes().then(({ responseBodySize }) => ({ url: request.url(), bytes: responseBodySize })));
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    assert.equal(response?.status(), 200, `HTTP status of ${url}`);
    for (const image of await page.locator('img').all()) {
      await image.scrollIntoViewIfNeeded();
      await page.waitForFunction((img) => img.complete, await image.elementHandle());
    }
    await page.waitForLoadState('networkidle');
    const images = await page.locator('img').evaluateAll((elements) =>
      elements.map((img) => ({
        alt: img.alt,
        currentSrc: img.currentSrc,
        complete: img.complete,
        naturalWidth: img.naturalWidth,
        shownWidth: img.getBoundingClientRect().width,
        loading: img.getAttribute('loading'),
        fetchPriority: img.getAttribute('fetchpriority'),
      })),
    );
    const layoutShift = await page.evaluate(
      () =>
        new Promise((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => list.getEntries().forEach((entry) => (total += entry.value))).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 100);
        }),
    );
    return { downloads: await Promise.all(sizes), images, layoutShift };
  } finally {
    await browser.close();
  }
}
