/**
 * What every e2e file shares: the sample site built once, served as a CDN would (`npm run serve`),
 * and one headless Chromium in which every page visit is watched, from its opening to its
 * closing, and checked when it ends: no uncaught error, no console error, no failed request
 * or response of 400 or more, no script file but those its page may load, no document
 * outside the site. So a test run alone checks its own visits, and no test reads another's.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before } from 'node:test';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page, Request } from 'playwright-core';
import { prefixBasePath } from '../lib/routes/base-path';
import { buildSite, projectRoot, removeSiteCopy, type BuildEnv } from '../scripts/build-site';
import { start } from '../scripts/serve';
import { launchBrowser } from '../scripts/browser';

export const DRAFT_FIXTURE = path.join(projectRoot, 'e2e', 'fixtures', 'e2e-unpublished-draft.md');
const PAGE_TIMEOUT = 15_000;

/** The site copies this process built (each a folder of its own in `.tmp/`), removed when it exits. */
const builtHere = new Set<string>();
process.once('exit', () => {
  for (const outDir of builtHere) removeSiteCopy(outDir);
});

/**
 * Builds a site from `postsDir` in a copy of its own (scripts/build-site.ts), with `env` added to
 * the build's environment; returns its out/, which is removed when this process exits.
 */
export async function buildTestSite(postsDir: string, name: string, { env = {} }: { env?: BuildEnv } = {}): Promise<string> {
  const outDir = await buildSite(postsDir, name, { env });
  builtHere.add(outDir);
  return outDir;
}

/**
 * Builds the sample site (the repo's posts/ plus every e2e/fixtures/*.md: a draft, a post
 * with non-ASCII tags) once per process, with TZ=America/Los_Angeles unless TZ is set, so a
 * date that went through a UTC instant would show the day before. `FOLIO_E2E_OUT` names an out/ built already (by e2e/run.ts).
 * `extraPosts` (file name → contents) are added to the sample posts, and `env` to the build's
 * environment (`BASE_PATH`); such a site is built apart, in a copy of its own.
 */
export async function buildSampleSite({ extraPosts = {}, name = 'e2e', env = {} }: { extraPosts?: Record<string, string>; name?: string; env?: BuildEnv } = {}): Promise<{ outDir: string; postsDir: string }> {
  const isSampleSite = Object.keys(extraPosts).length === 0 && Object.keys(env).length === 0;
  const built = { outDir: process.env.FOLIO_E2E_OUT, postsDir: process.env.FOLIO_E2E_POSTS };
  if (built.outDir && built.postsDir && isSampleSite) return { outDir: built.outDir, postsDir: built.postsDir };
  const postsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-posts-'));
  fs.cpSync(path.join(projectRoot, 'posts'), postsDir, { recursive: true });
  const fixturesDir = path.dirname(DRAFT_FIXTURE);
  for (const fixture of fs.readdirSync(fixturesDir).filter((file) => file.endsWith('.md'))) fs.copyFileSync(path.join(fixturesDir, fixture), path.join(postsDir, fixture));
  for (const [file, contents] of Object.entries(extraPosts)) fs.writeFileSync(path.join(postsDir, file), contents);
  return { outDir: await buildTestSite(postsDir, name, { env: { TZ: process.env.TZ ?? 'America/Los_Angeles', ...env } }), postsDir };
}

/**
 * The sample site, built (`buildSampleSite`) and opened (`openSite`) before the calling test
 * file's tests and closed after them; returns a getter for it, for a file that needs nothing else.
 */
export function sampleSiteForThisFile(): () => OpenSite {
  let site: OpenSite | undefined;
  before(
    async () => {
      const { outDir } = await buildSampleSite();
      site = await openSite(outDir);
    },
    { timeout: 300_000 },
  );
  after(async () => {
    await site?.close();
  });
  return () => {
    if (!site) throw new Error('The sample site is not open: call the getter inside a test');
    return site;
  };
}

export const text = async (locator: Locator): Promise<string> => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

// The tests list an export's files with the build's own helper.
export { filesUnder } from '../lib/node/files';

/**
 * The script files each page of the sample site may load, as site paths, written out here
 * rather than taken from the code that puts them on pages: the search page its own script,
 * and Pagefind's once a search runs; every other page none.
 */
export const sampleSiteScripts = (pagePath: string): string[] => (pagePath === '/search/' ? ['/search.js', '/pagefind/pagefind.js'] : []);

/** A Content-Security-Policy refusal, as Chromium logs it. */
const isPolicyRefusal = (message: string) => message.includes('Content Security Policy');

/** What went wrong on a visit, by kind: nothing yet. */
const nothingWrong = (): Record<'pageErrors' | 'consoleErrors' | 'failedRequests' | 'scriptsNotAllowed' | 'documentsOutside', string[]> => ({
  pageErrors: [],
  consoleErrors: [],
  failedRequests: [],
  scriptsNotAllowed: [],
  documentsOutside: [],
});

/** What a test allows on a visit (see `watchPage`). */
export interface WatchOptions {
  expected404?: string | null;
  onPolicyRefusals?: ((refusals: string[]) => void) | null;
  scriptsFor?: ((pagePath: string) => string[]) | null;
  documentsUnder?: string | null;
  pagePathOf?: (url: string) => string;
}

/** A watched page: the script files it asked for, and `end` to check the visit so far. */
export interface PageVisit {
  /** The script files asked for so far, with the site path of the page that asked. */
  scripts: { url: string; from: string }[];
  /** Asserts that nothing went wrong on the page since the last end; hands the policy refusals to the test that provoked them. */
  end(where: string): void;
}

/**
 * Watches `page` from now on: the script files it asks for and the documents it opens, and
 * every page error, console error, failed request and response of 400 or more. `end()`
 * asserts that nothing went wrong since the watch began or the last `end()`, with these
 * allowances, each of which a test must ask for: `expected404` (an absolute URL the test asks
 * for expecting a 404, whose response and Chromium's console line about it are expected),
 * `onPolicyRefusals` (the test provokes Content-Security-Policy refusals: they, and the
 * errors that name the policy, are handed to it, to check, instead of failing the visit).
 * `scriptsFor(pagePath)` lists the script URLs a page may load (none by default; null leaves
 * them unchecked), `documentsUnder` is the URL every document opened in the top frame must
 * start with, and `pagePathOf(url)` is the site path of a page's URL.
 */
export function watchPage(
  page: Page,
  { expected404 = null, onPolicyRefusals = null, scriptsFor = () => [], documentsUnder = null, pagePathOf = (url) => new URL(url).pathname }: WatchOptions = {},
): PageVisit {
  let seen = nothingWrong();
  const policyRefusals: string[] = [];
  const scripts: PageVisit['scripts'] = [];
  page.on('pageerror', (error) => {
    // A refusal can surface as an exception, in the code whose request was refused.
    if (onPolicyRefusals && isPolicyRefusal(String(error))) policyRefusals.push(String(error));
    else seen.pageErrors.push(String(error));
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    // Chromium logs every 4xx document as an error; the test asked for this one.
    if (url === expected404 && message.text().includes('status of 404')) return;
    if (onPolicyRefusals && isPolicyRefusal(message.text())) policyRefusals.push(message.text());
    else seen.consoleErrors.push(`${message.text()} (at ${url})`);
  });
  page.on('request', (request) => {
    const frame = request.frame();
    if (request.resourceType() === 'script') {
      const from = pagePathOf(frame.url());
      scripts.push({ url: request.url(), from });
      if (scriptsFor && !scriptsFor(from).includes(request.url())) seen.scriptsNotAllowed.push(`${request.url()} (from ${frame.url()})`);
    }
    if (documentsUnder !== null && request.isNavigationRequest() && frame.parentFrame() === null && !request.url().startsWith(documentsUnder)) seen.documentsOutside.push(request.url());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== expected404) seen.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? 'failed';
    // A page closed while an image was still loading cancels it; that is the suite, not the site.
    if (error !== 'net::ERR_ABORTED') seen.failedRequests.push(`${error} ${request.url()}`);
  });
  return {
    scripts,
    end(where) {
      const wrong = seen;
      seen = nothingWrong();
      assert.deepEqual(wrong, nothingWrong(), `what went wrong on ${where}`);
      onPolicyRefusals?.(policyRefusals.splice(0));
    },
  };
}

/** How `withPage` visits a page. */
export interface VisitOptions {
  /** The document's expected HTTP status. */
  status?: number;
  /** The browser context to open the page in (the site's, unless given). */
  context?: BrowserContext;
  colorScheme?: 'light' | 'dark';
  /** Runs on the new page before it is opened. */
  prepare?: (page: Page) => unknown;
  onPolicyRefusals?: ((refusals: string[]) => void) | null;
}

/** A site served and a browser context on it (`openSite`). */
export interface OpenSite {
  /** The site's home, base path included. */
  url: string;
  context: BrowserContext;
  /** A site path's URL. */
  urlFor: (sitePath: string) => string;
  withPage: <T>(pathname: string, options?: VisitOptions, fn?: (page: Page, visit: PageVisit) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

/**
 * Serves `outDir` (under `basePath`, for a site built with one; with `headers: false` and
 * `redirects: false`, without the headers of its `_headers` and the redirects of its
 * `_redirects`, as a host that ignores those files) and opens a browser context
 * on it. `scripts(pagePath)` lists the script files (site paths or URLs) a page may load, the
 * sample site's by default. Returns `urlFor` (a site path's URL), `withPage` to visit pages,
 * the browser `context` and `close`.
 */
export async function openSite(
  outDir: string,
  { basePath = '', headers = true, redirects = true, scripts = sampleSiteScripts }: { basePath?: string; headers?: boolean; redirects?: boolean; scripts?: (pagePath: string) => string[] } = {},
): Promise<OpenSite> {
  const server = await start(outDir, { basePath, headers, redirects });
  const launched = await launchBrowser();
  const { browser } = launched;
  console.log(`# serving ${outDir} at ${server.url}; browser: ${launched.source}, Chromium ${browser.version()}`);

  const context = await browser.newContext();
  context.setDefaultTimeout(PAGE_TIMEOUT);
  context.setDefaultNavigationTimeout(PAGE_TIMEOUT);

  const urlFor = (sitePath: string) => new URL(prefixBasePath(basePath, sitePath), server.origin).href;
  /** The site path of a URL on the server; a URL elsewhere as it is. */
  const pagePathOf = (url: string) => (url.startsWith(server.url) ? decodeURIComponent(new URL(url).pathname.slice(basePath.length)) : url);
  const scriptsFor = (pagePath: string) => scripts(pagePath).map(urlFor);

  /**
   * Visits `pathname`: opens it in a new page of `context` (the site's, unless another is
   * given, such as one with JavaScript off) with the system `colorScheme`, after
   * `prepare(page)`; checks the document's HTTP `status`; runs `fn` with the page and closes
   * it; then checks the visit (`watchPage`), with `onPolicyRefusals` for a test that provokes
   * Content-Security-Policy refusals. Returns what `fn` returned.
   */
  async function withPage<T>(
    pathname: string,
    { status = 200, context: pageContext = context, colorScheme = 'light', prepare, onPolicyRefusals = null }: VisitOptions = {},
    fn: (page: Page, visit: PageVisit) => Promise<T> = async () => undefined as T,
  ): Promise<T> {
    const url = urlFor(pathname);
    const page = await pageContext.newPage();
    const visit = watchPage(page, { expected404: status === 404 ? url : null, onPolicyRefusals, scriptsFor, documentsUnder: server.url, pagePathOf });
    let result: T;
    try {
      await page.emulateMedia({ colorScheme });
      await prepare?.(page);
      const response = await page.goto(url, { waitUntil: 'load' });
      assert.ok(response, `no response for ${pathname}`);
      assert.equal(response.status(), status, `HTTP status of ${pathname}`);
      result = await fn(page, visit);
    } finally {
      await page.close();
    }
    visit.end(pathname);
    return result;
  }

  const close = async () => {
    await context.close();
    await browser.close();
    await server.close();
  };
  return { url: server.url, context, urlFor, withPage, close };
}

/**
 * Brings in everything a reader reading to the end would load: scrolls each image into view
 * and waits until it has loaded or failed (a lazy image that is not rendered never loads, for
 * a reader either), then scrolls to the end and waits for the page's fonts. Explicit
 * conditions, not a quiet network: the visit's check then sees every request these made.
 */
export function readToTheEnd(page: Page): Promise<void> {
  return page.evaluate(async () => {
    for (const image of document.images) {
      image.scrollIntoView();
      const willLoad = image.loading !== 'lazy' || image.getClientRects().length > 0;
      if (!image.complete && willLoad) await new Promise((resolve) => ['load', 'error'].forEach((event) => image.addEventListener(event, resolve, { once: true })));
    }
    window.scrollTo(0, document.body.scrollHeight);
    await document.fonts.ready;
  });
}

/**
 * On an open page: the theme script ran (it marks the root element, which is what shows the
 * toggle) and its toggle works, and an inline script injected into the page does not run.
 */
export async function assertThemeScriptAloneRuns(page: Page): Promise<void> {
  assert.equal(await page.locator('html').getAttribute('data-theme-toggle'), '');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  assert.match((await page.locator('html').getAttribute('data-theme')) ?? '', /^(dark|light)$/);
  const injected = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true;';
    document.head.append(script);
    return (window as Window & { injectedRan?: boolean }).injectedRan === true;
  });
  assert.equal(injected, false, 'an inline script that is not the theme script is refused');
}

/**
 * Opens `url` in a browser of its own (so nothing is cached: the contexts of one single-process
 * Chromium share its memory cache) at `viewport`, scrolls every image into view as a reader
 * reading to the end would, and reports what that reader got: each image response with its
 * body bytes (Chromium's network log), each `<img>` with the source the browser chose
 * (`currentSrc`), and the page's cumulative layout shift.
 */
export async function imagesAtViewport(url: string, { width, height, deviceScaleFactor = 1 }: { width: number; height: number; deviceScaleFactor?: number }) {
  const { browser } = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width, height }, deviceScaleFactor })).newPage();
    const visit = watchPage(page);
    /** Each image request, with its bytes once it has finished (null if it failed). */
    const downloads: Promise<{ url: string; bytes: number | null }>[] = [];
    const finished = new Map<Request, (bytes: number | null) => void>();
    page.on('request', (request) => {
      if (request.resourceType() !== 'image') return;
      downloads.push(new Promise<number | null>((resolve) => finished.set(request, resolve)).then((bytes) => ({ url: request.url(), bytes })));
    });
    page.on('requestfinished', async (request) => finished.get(request)?.((await request.sizes()).responseBodySize));
    page.on('requestfailed', (request) => finished.get(request)?.(null));
    const response = await page.goto(url, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, `HTTP status of ${url}`);
    await readToTheEnd(page);
    const images = await page.locator('img').evaluateAll((elements: HTMLImageElement[]) =>
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
    // Every image has loaded: after two frames, the layout that follows the last one has been
    // made and any shift it caused recorded; the buffered entries are then all there is.
    const layoutShift = await page.evaluate(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const observer = new PerformanceObserver(() => {});
      observer.observe({ type: 'layout-shift', buffered: true });
      const shifts = observer.takeRecords();
      observer.disconnect();
      // Layout shift entries (LayoutShift) are not in TypeScript's DOM types yet.
      return shifts.reduce((total, shift) => total + (shift as PerformanceEntry & { value: number }).value, 0);
    });
    // The images are complete, so each of their requests has finished; wait for its report.
    const result = { downloads: await Promise.all(downloads), images, layoutShift };
    await page.close();
    visit.end(url);
    return result;
  } finally {
    await browser.close();
  }
}
