/**
 * End-to-end test of `npm run dev` (scripts/dev.ts: the prepare step, rerun on every change
 * under posts/, and a real `next dev` server), in a scratch copy of the site (`.tmp/e2e-dev-…/`,
 * see scripts/build-site.ts), driven by one headless Chromium. Posts are added, edited,
 * broken, fixed and deleted in the copy's `posts/` while the server runs, and every change
 * must show in the tabs already open on it, without a reload and with no restart: the live
 * preview (components/LivePreview, scripts/preview-events.ts). No test reloads a page. Each
 * page visit (one load, until the next or the end of the test) is checked as it ends: no error
 * in the browser, no failed request; and no test may make `next dev` log an error. The time
 * from saving a post to its text in the open tab is logged (median of several saves), never
 * asserted: `npm run bench:preview` measures it.
 *
 *   npm run test:e2e        (e2e/run.ts runs every e2e/*.test.ts)
 *   node --import tsx --test e2e/dev.test.ts   (this file alone)
 *
 * When a test fails, the copy is kept, with everything `next dev` printed in its `next-dev.log`;
 * otherwise it is removed.
 *
 * Pages set `unstable_runtimeJS: false`. In dev Next still adds its own client and HMR
 * socket to them and hydrates them, but posts are not modules, so its HMR never sees them:
 * the live preview's script re-renders a page through Next's router when `npm run dev` says
 * the prepare step has run again.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import matter from 'gray-matter';
import sharp from 'sharp';
import { makeSiteCopy, projectRoot, removeSiteCopy } from '../scripts/build-site';
import { launchBrowser } from '../scripts/browser';
import { freePort } from '../scripts/ports';
import { median } from '../bench/stats';
import { watchPage } from './harness';
import type { PageVisit } from './harness';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** First requests to a dev route compile it, which takes seconds on a small machine. */
const NAVIGATION_TIMEOUT = 60_000;
const ACTION_TIMEOUT = 15_000;
/** How long `next dev` may take to answer its first request (it compiles `/` for it). */
const START_TIMEOUT = 120_000;
const TEST_TIMEOUT = 180_000;

/** How long the prepare step may take to notice a change and run again. */
const PREPARE_TIMEOUT = 30_000;

let siteDir: string;
let postsDir: string;
let baseUrl: string;
let server: ChildProcess | undefined;
let serverExit: Promise<string>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The watch on `page` (e2e/harness.ts): what went wrong since the last visit ended. */
let visit: PageVisit;
/** Whether a test failed: the site copy and the log are then kept. */
let failed = false;

/** The last lines `next dev` printed, shown with a failure. */
const serverLog: string[] = [];
const fullLog: string[] = [];

/**
 * The browser's warnings, reported at the end. In dev, Next still adds its client (the HMR
 * websocket) to pages that set `unstable_runtimeJS: false`, so there is script on the page
 * that could fail; its errors fail the visit.
 */
const browserWarnings: string[] = [];

const urlFor = (pathname: string) => new URL(pathname, baseUrl).href;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const normalize = (value: string | null) => (value ?? '').replace(/\s+/g, ' ').trim();
const text = async (locator: Locator) => normalize(await locator.textContent());
/** A TAP comment. Under `node --test` the runner makes a comment of any line itself. */
const note = (line: string) => console.log(process.env.NODE_TEST_CONTEXT ? line : `# ${line}`);
/** How many times `npm run dev` has said it prepared the posts. */
const preparedRuns = () => fullLog.join('').match(/^Prepared \d+ posts/gm)?.length ?? 0;

/** Saves a post, as an editor does, without waiting for anything. */
const savePost = (file: string, source: string) => fs.writeFileSync(path.join(postsDir, file), source);

/**
 * Waits until the open tab `tab` shows what `shows` (run in the page) looks for, with no
 * reload; returns how long it took since `since` (a `performance.now()`), in ms.
 */
async function untilShown(tab: Page, shows: (arg: string) => boolean, arg: string, since: number) {
  await tab.waitForFunction(shows, arg, { polling: 'raf', timeout: PREPARE_TIMEOUT });
  return performance.now() - since;
}

/** In the page: whether its one h1 reads `title`. */
const headingIs = (title: string) => document.querySelector('h1')?.textContent?.trim() === title;
/** In the page: whether the post body shows `words`. */
const bodyShows = (words: string) => document.querySelector('[data-post-body]')?.textContent?.includes(words) ?? false;
/** In the page: whether the main list has a post titled `title`. */
const listHas = (title: string) => [...document.querySelectorAll('main ol > li h2 a')].some((a) => a.textContent?.trim() === title);
/** In the page: whether the main list has no post titled `title`. */
const listLacks = (title: string) => ![...document.querySelectorAll('main ol > li h2 a')].some((a) => a.textContent?.trim() === title);


/** Writes a post, and waits until `npm run dev` has prepared the posts again. */
async function writePost(file: string, source: string) {
  const runs = preparedRuns();
  fs.writeFileSync(path.join(postsDir, file), source);
  const deadline = Date.now() + PREPARE_TIMEOUT;
  while (preparedRuns() === runs) {
    if (Date.now() > deadline) throw new Error(`npm run dev did not prepare the posts again within ${seconds(PREPARE_TIMEOUT)} of writing ${file}`);
    await sleep(25);
  }
}

/** The posts of the sample site (the repo's `posts/`) that the home page lists. */
function samplePostTitles() {
  const titles = [];
  for (const entry of fs.readdirSync(path.join(projectRoot, 'posts'), { withFileTypes: true })) {
    if (/^[._]/.test(entry.name)) continue;
    const base = path.join(projectRoot, 'posts', entry.name);
    const file = entry.isDirectory() ? ['index.md', 'index.mdx'].map((name) => path.join(base, name)).find((f) => fs.existsSync(f)) : /\.mdx?$/.test(entry.name) && base;
    if (!file) continue;
    const { data } = matter(fs.readFileSync(file, 'utf8'));
    if ((data.template ?? 'post') === 'post' && data.draft !== true) titles.push(String(data.title).trim());
  }
  return titles;
}


/** Whether any process of the server's process group is still alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops `next dev` and every process it started (its router, render and getStaticPaths workers). */
async function stopServer() {
  if (!server?.pid) return;
  const { pid } = server;
  server = undefined;
  for (const [signal, wait] of [
    ['SIGTERM', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    if (!groupAlive(pid)) return;
    signalGroup(pid, signal);
    const deadline = Date.now() + wait;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  }
  if (groupAlive(pid)) throw new Error(`next dev (process group ${pid}) is still running after SIGKILL`);
}

// If the run dies before `after` (an uncaught error, Ctrl-C), the dev server must not outlive it.
process.on('exit', () => server?.pid && signalGroup(server.pid, 'SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (server?.pid) signalGroup(server.pid, 'SIGKILL');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

/** Starts `npm run dev` in `siteDir` in its own process group; resolves once it answers HTTP. */
async function startServer() {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  // `next dev` sets NODE_ENV=development itself; an inherited value would only confuse it.
  delete env.NODE_ENV;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: siteDir,
    // Next's types declare NODE_ENV always set; here it is left for next dev to set.
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  serverExit = new Promise((resolve) => child.once('exit', (code, signal) => resolve(`exited (code ${code}, signal ${signal})`)));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      serverLog.push(...chunk.split('\n').filter((line) => line.trim()));
      fullLog.push(chunk);
      serverLog.splice(0, Math.max(0, serverLog.length - 60));
    });
  }
  baseUrl = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + START_TIMEOUT;
  let exited;
  serverExit.then((how) => (exited = how));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next dev ${exited} before answering:\n${serverLog.join('\n')}`);
    try {
      // The first answer can take seconds: the request compiles the home page.
      const response = await fetch(urlFor('/'), { signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) });
      await response.arrayBuffer();
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`next dev did not answer on ${baseUrl} within ${seconds(START_TIMEOUT)}:\n${serverLog.join('\n')}`);
}

before(
  async () => {
    const started = Date.now();
    siteDir = makeSiteCopy(path.join(projectRoot, 'posts'), 'e2e-dev');
    postsDir = path.join(siteDir, 'posts');
    const [launched] = await Promise.all([launchBrowser(), startServer()]);
    browser = launched.browser;
    note(`next dev answering at ${baseUrl} (in ${path.relative(projectRoot, siteDir)}/) after ${seconds(Date.now() - started)}`);
    note(`browser: ${launched.source} (${launched.executablePath}), Chromium ${browser.version()}`);
    context = await browser.newContext();
    context.setDefaultTimeout(ACTION_TIMEOUT);
    context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
    context.on('console', (message) => message.type() === 'warning' && browserWarnings.push(message.text()));
    page = await context.newPage();
    // Next's dev client loads script files of its own: they are not checked here.
    visit = watchPage(page, { scriptsFor: null, documentsUnder: baseUrl });
  },
  { timeout: START_TIMEOUT + 60_000 },
);

after(async () => {
  try {
    await context?.close();
    await browser?.close();
  } finally {
    await stopServer();
    // Next's dev client, finding no page app to update, warns on each message from the server.
    const warnings = new Map();
    for (const warning of browserWarnings) {
      const key = normalize(warning.split(/\n\s+at /)[0].replace(/\{"type":"([^"]+)".*/, '{"type":"$1",…}'));
      warnings.set(key, (warnings.get(key) ?? 0) + 1);
    }
    for (const [warning, count] of warnings) note(`browser warning (${count}×): ${warning}`);
    if (siteDir && failed) {
      fs.writeFileSync(path.join(siteDir, 'next-dev.log'), fullLog.join(''));
      note(`a test failed: the site copy is kept in ${siteDir}, with everything next dev printed in next-dev.log`);
    } else if (siteDir) {
      removeSiteCopy(siteDir);
    }
  }
});

/**
 * Next's own race, not Folio's: two background refreshes of a route's static paths, one
 * reading `.next/prerender-manifest.json` while the other rewrites it in place
 * (next/dist/server/dev/next-dev-server.js: `readFile`, `JSON.parse`, `writeFile`), log this
 * pair of lines; the page was served from the paths found before. Folio's own reads of the
 * prepared site never fail so (lib/page-props/site-data.ts reads files written atomically, and
 * says so in its own words when it cannot).
 */
const NEXT_MANIFEST_RACE = /^\s*⨯ Failed to generate static paths for \S+:\n\s*SyntaxError: Unexpected end of JSON input\n/gm;

/** The lines `next dev` printed from `from` (a length of `fullLog.join('')`) on that report an error. */
const serverErrorsSince = (from: number) =>
  fullLog
    .join('')
    .slice(from)
    .replace(NEXT_MANIFEST_RACE, '')
    .split('\n')
    .filter((line) => /⨯|\berror\b/i.test(line));

/**
 * A test whose last visit is checked as it ends, during which `next dev` may log no error, and
 * whose failure also shows what `next dev` printed last, since a page's "500" or "404" is
 * usually explained there.
 */
function devTest(name: string, fn: (t: TestContext) => Promise<void>) {
  test(name, { timeout: TEST_TIMEOUT }, async (t) => {
    const logFrom = fullLog.join('').length;
    try {
      await fn(t);
      visit.end(page.url());
      assert.deepEqual(serverErrorsSince(logFrom), [], 'error lines in the next dev log');
    } catch (error) {
      failed = true;
      if (error instanceof Error) {
        error.message += `\n--- last lines of next dev (${baseUrl}) ---\n${serverLog.slice(-25).join('\n')}`;
      }
      throw error;
    }
  });
}

/**
 * Loads `pathname` in the test's page (a navigation, never a reload), ending the visit of the
 * page it leaves, which is checked; returns the HTTP status once the page listens to the live
 * preview's event stream.
 */
async function load(pathname: string) {
  visit.end(page.url());
  const response = await page.goto(urlFor(pathname));
  assert.ok(response, `no response for ${pathname}`);
  await livePreviewConnected(page);
  return response.status();
}

/** Waits until `tab` listens to `npm run dev`'s event stream, so that it sees the next save. */
async function livePreviewConnected(tab: Page) {
  await tab.locator('html[data-live-preview="connected"]').waitFor({ state: 'attached', timeout: ACTION_TIMEOUT });
}

/** Loads `pathname`, which must answer 200. */
async function open(pathname: string) {
  const status = await load(pathname);
  assert.equal(status, 200, `HTTP status of ${pathname}`);
}

/**
 * Opens the page of a post whose file was just added: it must answer 200 on its first
 * load (the dev fallback renders paths `next dev` has not listed yet; lib/page-props/post.ts).
 */
const openNewPost = open;

/** The titles and links of the home page's list, in order. */
async function homeList() {
  await open('/');
  assert.equal(await text(page.locator('h1')), 'Latest posts');
  return page.locator('main ol > li h2 a').evaluateAll((links) => links.map((a) => ({ title: a.textContent.replace(/\s+/g, ' ').trim(), href: a.getAttribute('href') })));
}

/** The home page lists every title in `titles`, each linking to its `/posts/<slug>/`. */
async function assertListed(titles: string[]) {
  const listed = await homeList();
  const shown = listed.map((entry) => entry.title);
  for (const title of titles) assert.ok(shown.includes(title), `the home page lists "${title}"; it lists ${JSON.stringify(shown)}`);
  for (const { href } of listed) assert.match(href ?? '', /^\/posts\/[^/]+\/$/, 'post links are /posts/<slug>/');
  return listed;
}

/** The page shows one post: its title as the only h1, and body text with `bodyText` in it. */
async function assertPost(title: string, bodyText: string) {
  // In dev, Next's client runtime is on the page and may re-render it once after load: wait for the settled page.
  await page.locator('h1', { hasText: title }).first().waitFor({ timeout: ACTION_TIMEOUT });
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1, 'a post page has exactly one h1');
  assert.equal(await text(h1), title);
  assert.equal(await errorPanel().count(), 0, 'no error panel');
  const body = normalize(await page.locator('[data-post-body]').innerText());
  assert.ok(body.includes(bodyText), `the body shows "${bodyText}"; it is ${JSON.stringify(body.slice(0, 200))}`);
  return body;
}

/** The error panel of a broken post. (In dev, Next also adds a `role="alert"` route announcer outside `main`.) */
const errorPanel = () => page.locator('main').getByRole('alert');

/** The page is the error panel of a broken post: its h1, and text matching each of `patterns`. */
async function assertErrorPanel(patterns: RegExp[]) {
  // In dev, Next's client runtime is on the page and may re-render it once after load: wait for the settled page.
  await errorPanel().first().waitFor({ timeout: ACTION_TIMEOUT });
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1, 'the error page has exactly one h1');
  assert.equal(await text(h1), 'This post has an error');
  assert.equal(await errorPanel().count(), 1, 'one error panel');
  const panel = normalize(await errorPanel().innerText());
  for (const pattern of patterns) assert.match(panel, pattern, `the error panel shows ${pattern}`);
  assert.equal(await page.locator('[data-post-body]').count(), 0, 'no post body on an error page');
}

const SAMPLE_TITLES = samplePostTitles();
const SAMPLE_POST = { path: '/posts/reinvent-2017/', title: 're:Invent 2017' };

devTest('the home page lists the sample posts, and a sample post page renders', async () => {
  assert.ok(SAMPLE_TITLES.length >= 3, `the sample site has posts: ${JSON.stringify(SAMPLE_TITLES)}`);
  const listed = await assertListed(SAMPLE_TITLES);
  assert.equal(listed.length, SAMPLE_TITLES.length, `the home page lists the sample posts and nothing else: ${JSON.stringify(listed)}`);
  await open(SAMPLE_POST.path);
  await assertPost(SAMPLE_POST.title, 'conference');
});

const NEW_MD = {
  file: 'e2e-dev-new-post.md',
  path: '/posts/e2e-dev-new-post/',
  source: (title: string, words: string) => `---\ntitle: "${title}"\ndate: "2031-03-01"\n---\n\nThis post was dropped into posts/ while next dev was running. ${words}\n`,
};

devTest('a new .md post appears in the open home page tab; its own tab shows each saved edit of its body and title, with no reload', async () => {
  const title = 'Dropped In While Running';
  await homeList();
  assert.equal(await page.getByText(title).count(), 0, 'the post is not there before its file is');

  savePost(NEW_MD.file, NEW_MD.source(title, 'Marker: alpaca-first-draft.'));
  await untilShown(page, listHas, title, performance.now());
  const link = page.locator('main ol > li h2 a', { hasText: title });
  assert.equal(await link.getAttribute('href'), NEW_MD.path);
  assert.equal(await text(page.locator('main ol > li h2 a').first()), title, 'the newest post is listed first');

  await openNewPost(NEW_MD.path);
  await assertPost(title, 'alpaca-first-draft');

  savePost(NEW_MD.file, NEW_MD.source(title, 'Marker: bison-second-draft.'));
  await untilShown(page, bodyShows, 'bison-second-draft', performance.now());
  const body = await assertPost(title, 'bison-second-draft');
  assert.ok(!body.includes('alpaca-first-draft'), 'the old body is gone');

  const edited = 'Dropped In, Then Edited';
  savePost(NEW_MD.file, NEW_MD.source(edited, 'Marker: bison-second-draft.'));
  await untilShown(page, headingIs, edited, performance.now());
  await assertPost(edited, 'bison-second-draft');

  const listed = (await homeList()).map((entry) => entry.title);
  assert.ok(listed.includes(edited), `the home page lists the edited title: ${JSON.stringify(listed)}`);
  assert.ok(!listed.includes(title), 'the old title is gone from the home page');
});

const NEW_MDX = {
  file: 'e2e-dev-new-mdx.mdx',
  path: '/posts/e2e-dev-new-mdx/',
  source: (title: string, callout: string) =>
    `---\ntitle: "${title}"\ndate: "2031-02-01"\ncategory: "Notes"\n---\n\nAn MDX post added while next dev runs. The answer is {6 * 7}.\n\n<Callout type="tip" title="Live callout">\n  ${callout}\n</Callout>\n`,
};

devTest('a new .mdx post renders with its components and expressions; its open tab shows a saved edit, with no reload', async () => {
  const title = 'MDX Dropped In';
  await writePost(NEW_MDX.file, NEW_MDX.source(title, 'Callout marker: cobra-first.'));
  const listed = await assertListed([title, ...SAMPLE_TITLES]);
  assert.equal(listed.find((entry) => entry.title === title)!.href, NEW_MDX.path);

  await openNewPost(NEW_MDX.path);
  await assertPost(title, 'The answer is 42.');
  const callout = page.locator('[data-post-body] aside', { hasText: 'Live callout' });
  assert.equal(await callout.count(), 1, 'the <Callout> renders as an aside');
  assert.match(normalize(await callout.innerText()), /cobra-first/);

  const edited = 'MDX Dropped In, Edited';
  savePost(NEW_MDX.file, NEW_MDX.source(edited, 'Callout marker: dingo-second.'));
  await untilShown(page, headingIs, edited, performance.now());
  const body = await assertPost(edited, 'dingo-second');
  assert.ok(!body.includes('cobra-first'), 'the old callout text is gone');
  assert.equal(await page.locator('[data-post-body] aside', { hasText: 'Live callout' }).count(), 1, 'the edited <Callout> renders as an aside');
  assert.ok((await assertListed([edited])).every((entry) => entry.title !== title), 'the old title is gone from the home page');
});

const DRAFT = {
  file: 'e2e-dev-draft.md',
  path: '/posts/e2e-dev-draft/',
  title: 'Unfinished Dev Draft',
  source: `---\ntitle: "Unfinished Dev Draft"\ndate: "2030-06-01"\ndraft: true\n---\n\nHalf-written thoughts, marker: echidna-draft.\n`,
};

devTest('a draft is listed in dev with a "Draft" badge, and has its page', async () => {
  await writePost(DRAFT.file, DRAFT.source);
  const listed = await assertListed([DRAFT.title]);
  assert.equal(listed.find((entry) => entry.title === DRAFT.title)!.href, DRAFT.path);
  const item = page.locator('main ol > li', { has: page.locator('h2 a', { hasText: DRAFT.title }) });
  assert.equal(await item.getByText('Draft', { exact: true }).count(), 1, 'the draft has a "Draft" badge in the list');
  assert.equal(await page.locator('main ol > li').getByText('Draft', { exact: true }).count(), 1, 'only the draft has the badge');

  await openNewPost(DRAFT.path);
  await assertPost(DRAFT.title, 'echidna-draft');
  assert.equal(await page.locator('article > header').getByText('Draft', { exact: true }).count(), 1, 'the draft page has the "Draft" badge');
});

const TAGGED = {
  file: 'e2e-dev-tagged.md',
  path: '/posts/e2e-dev-tagged/',
  tagPath: '/tags/e2e-live/',
  source: (title: string) => `---\ntitle: "${title}"\ndate: "2031-04-01"\ntags: ["e2e live"]\n---\n\nA tagged post, marker: heron-tagged.\n`,
};

/** Opens another tab at `pathname`, watched like the test's own page; resolves once it listens to the live preview. */
async function openTab(pathname: string) {
  const tab = await context.newPage();
  const tabVisit = watchPage(tab, { scriptsFor: null, documentsUnder: baseUrl });
  const response = await tab.goto(urlFor(pathname));
  assert.equal(response?.status(), 200, `HTTP status of ${pathname}`);
  await livePreviewConnected(tab);
  return { tab, end: async () => (tabVisit.end(tab.url()), await tab.close()) };
}

devTest('a front matter edit shows in every open tab that shows the post: its page, the home page and its tag page', async () => {
  await writePost(TAGGED.file, TAGGED.source('Tagged Before'));
  await open(TAGGED.path);
  await assertPost('Tagged Before', 'heron-tagged');
  const home = await openTab('/');
  const tag = await openTab(TAGGED.tagPath);
  try {
    for (const tab of [home.tab, tag.tab]) await untilShown(tab, listHas, 'Tagged Before', performance.now());

    const since = performance.now();
    savePost(TAGGED.file, TAGGED.source('Tagged After'));
    await Promise.all([
      untilShown(page, headingIs, 'Tagged After', since),
      ...[home.tab, tag.tab].map((tab) => untilShown(tab, listHas, 'Tagged After', since)),
    ]);
    for (const tab of [home.tab, tag.tab]) assert.equal(await tab.locator('main ol > li h2 a', { hasText: 'Tagged Before' }).count(), 0, `the old title is gone from ${tab.url()}`);
    assert.equal(await text(home.tab.locator('h1')), 'Latest posts', 'the home tab still shows the home page');
  } finally {
    await home.end();
    await tag.end();
  }
});

const BAD_DATE = {
  file: 'e2e-dev-bad-date.md',
  path: '/posts/e2e-dev-bad-date/',
  title: 'Leap Day That Is Not',
  source: (date: string) => `---\ntitle: "Leap Day That Is Not"\ndate: "${date}"\n---\n\nA post with a date to fix, marker: ferret-fixed.\n`,
};
const BAD_MDX = {
  file: 'e2e-dev-bad-callout.mdx',
  path: '/posts/e2e-dev-bad-callout/',
  title: 'Callout Left Open',
  source: (closed: boolean) =>
    `---\ntitle: "Callout Left Open"\ndate: "2029-01-01"\n---\n\nAn MDX post whose callout is not closed.\n\n<Callout type="warning">\n  Marker: gecko-callout.\n${closed ? '</Callout>\n' : ''}`,
};
/** The file line of the unclosed `<Callout>`. */
const BAD_MDX_LINE = BAD_MDX.source(false).split('\n').findIndex((line) => line.startsWith('<Callout')) + 1;

/** The sample posts and the posts added above still list, and a post page still renders. */
async function assertOthersWork() {
  await assertListed([...SAMPLE_TITLES, 'Dropped In, Then Edited', 'MDX Dropped In, Edited', DRAFT.title]);
  await open(SAMPLE_POST.path);
  await assertPost(SAMPLE_POST.title, 'conference');
  await open(NEW_MDX.path);
  await assertPost('MDX Dropped In, Edited', 'The answer is 42.');
}

/** In the page: whether it shows the error panel of a broken post. */
const showsErrorPanel = () => document.querySelector('main [role="alert"]') !== null;

devTest('a post with an impossible date shows its error at its URL; the other posts keep working', async () => {
  await writePost(BAD_DATE.file, BAD_DATE.source('2019-02-30'));
  await openNewPost(BAD_DATE.path);
  await assertErrorPanel([/posts\/e2e-dev-bad-date\.md\b/, /\bField date\b/, /"2019-02-30" is not a valid date/]);
  await assertOthersWork();
});

devTest('an .mdx post with an unclosed <Callout> shows its error and line at its URL; the other posts keep working', async () => {
  await writePost(BAD_MDX.file, BAD_MDX.source(false));
  await openNewPost(BAD_MDX.path);
  await assertErrorPanel([new RegExp(`posts/e2e-dev-bad-callout\\.mdx:${BAD_MDX_LINE}\\b`), /Expected a closing tag for `<Callout>`/]);
  await assertOthersWork();
  // The first broken post still shows its own error.
  await open(BAD_DATE.path);
  await assertErrorPanel([/posts\/e2e-dev-bad-date\.md\b/, /"2019-02-30" is not a valid date/]);
});

devTest("a broken post's open tab shows the post once it is fixed and saved, with no reload", async () => {
  await open(BAD_DATE.path);
  await assertErrorPanel([/"2019-02-30" is not a valid date/]);
  savePost(BAD_DATE.file, BAD_DATE.source('2019-02-28'));
  await untilShown(page, headingIs, BAD_DATE.title, performance.now());
  await assertPost(BAD_DATE.title, 'ferret-fixed');
  assert.equal(await page.locator('article > header time').getAttribute('datetime'), '2019-02-28');

  await open(BAD_MDX.path);
  await assertErrorPanel([/Expected a closing tag for `<Callout>`/]);
  savePost(BAD_MDX.file, BAD_MDX.source(true));
  await untilShown(page, headingIs, BAD_MDX.title, performance.now());
  await assertPost(BAD_MDX.title, 'gecko-callout');
  assert.equal(await page.locator('[data-post-body] aside').count(), 1, 'the fixed callout renders');

  await assertListed([BAD_DATE.title, BAD_MDX.title, ...SAMPLE_TITLES]);
});

devTest('a post broken while its tab is open shows its error there, and its content again once fixed, with no reload', async () => {
  await open(NEW_MD.path);
  await assertPost('Dropped In, Then Edited', 'bison-second-draft');
  const good = NEW_MD.source('Dropped In, Then Edited', 'Marker: bison-second-draft.');
  savePost(NEW_MD.file, good.replace('date: "2031-03-01"', 'date: "2031-02-30"'));
  await untilShown(page, showsErrorPanel, '', performance.now());
  await assertErrorPanel([/posts\/e2e-dev-new-post\.md\b/, /\bField date\b/, /"2031-02-30" is not a valid date/]);

  savePost(NEW_MD.file, good);
  await untilShown(page, headingIs, 'Dropped In, Then Edited', performance.now());
  await assertPost('Dropped In, Then Edited', 'bison-second-draft');
});

const FIGURE = {
  dir: 'e2e-dev-figure',
  path: '/posts/e2e-dev-figure/',
  source: `---\ntitle: "A Figure That Changes"\ndate: "2028-05-01"\n---\n\nA folder post with its image beside it.\n\n![A square that changes colour](./square.png)\n`,
};

/** A PNG of one colour, `width` × 40 pixels. */
const squarePng = (width: number, colour: { r: number; g: number; b: number }) => sharp({ create: { width, height: 40, channels: 3, background: colour } }).png().toBuffer();

devTest("a folder post's open tab shows its co-located image again when the image file changes, with no reload", async () => {
  const dir = path.join(postsDir, FIGURE.dir);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'square.png'), await squarePng(80, { r: 200, g: 30, b: 30 }));
  await writePost(path.join(FIGURE.dir, 'index.md'), FIGURE.source);
  await openNewPost(FIGURE.path);
  await assertPost('A Figure That Changes', 'its image beside it');
  const image = page.locator('[data-post-body] img[alt="A square that changes colour"]:not(.image-zoom-overlay img)');
  const before = { src: await image.getAttribute('src'), width: await image.getAttribute('width') };
  assert.equal(before.width, '80', 'the image has its file\'s width');

  fs.writeFileSync(path.join(dir, 'square.png'), await squarePng(120, { r: 30, g: 30, b: 200 }));
  await untilShown(page, (old) => document.querySelector('[data-post-body] img:not(.image-zoom-overlay img)')?.getAttribute('src') !== old, before.src ?? '', performance.now());
  assert.equal(await image.getAttribute('width'), '120', 'the image has the new file\'s width');
  assert.notEqual(await image.getAttribute('src'), before.src, 'the image has a new URL (its name is a hash of its content)');
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-post-body] img:not(.image-zoom-overlay img)');
    return img !== null && img.complete && img.naturalWidth > 0;
  });
});

devTest('a deleted post is gone from the open home page tab, and its own open tab says so, with no reload', async () => {
  await open('/');
  await untilShown(page, listHas, DRAFT.title, performance.now());
  const postTab = await context.newPage();
  const response = await postTab.goto(urlFor(DRAFT.path));
  assert.equal(response?.status(), 200);
  await livePreviewConnected(postTab);
  try {
    fs.rmSync(path.join(postsDir, DRAFT.file));
    await untilShown(page, listLacks, DRAFT.title, performance.now());
    await untilShown(postTab, headingIs, 'Page not found', performance.now());
  } finally {
    await postTab.close();
  }
});

/** A long post: `paragraphs` paragraphs, the first of which says `marker`. */
const LONG = {
  file: 'e2e-dev-long.md',
  path: '/posts/e2e-dev-long/',
  source: (marker: string) =>
    `---\ntitle: "A Long Post"\ndate: "2027-01-01"\n---\n\nThe first paragraph, marker: ${marker}.\n\n${Array.from({ length: 150 }, (_, i) => `Paragraph ${i + 1} of a long post, which a reader scrolls through before the author saves an edit near its top.`).join('\n\n')}\n`,
};
const SAVES = 7;

devTest(`a long post keeps its scroll position as each saved edit shows; the time from save to text, median of ${SAVES} saves, is logged`, async () => {
  await writePost(LONG.file, LONG.source('marker-0'));
  await open(LONG.path);
  await assertPost('A Long Post', 'marker-0');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 1000, `the page is scrolled down (${scrolled}px)`);
  const times = [];
  for (let save = 1; save <= SAVES; save++) {
    const marker = `marker-${save}`;
    const since = performance.now();
    savePost(LONG.file, LONG.source(marker));
    times.push(await untilShown(page, bodyShows, marker, since));
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, `after save ${save}, the page is still scrolled to where it was`);
  }
  note(`save to text in the open tab: median ${Math.round(median(times))} ms of ${SAVES} saves (${times.map((ms) => Math.round(ms)).join(', ')} ms)`);
});
