/**
 * The CMS at `/admin/` (docs/cms.md), driven in Chromium as an author drives it.
 *
 * - `npm run cms` (scripts/cms.ts: `decap-server` and `npm run dev`) in a scratch copy of the
 *   site whose posts are e2e/fixtures/cms/ (a hand-written folder post with a field the CMS
 *   does not know): a post created and published in the admin UI is written to `posts/`,
 *   passes Folio's own loader and schema, and the dev server renders it; an existing post
 *   edited in the UI keeps its other fields, the unknown one included.
 * - The built sample site (e2e/run.ts builds it once) served with its `_headers`: `/admin/` has
 *   its own policy and `noindex`, and Decap starts under that policy with no refusal.
 *
 *   FOLIO_BROWSER=system node --import tsx e2e/run.ts e2e/cms.test.ts
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import matter from 'gray-matter';
import type { Page } from 'playwright-core';
import { loadContent } from '../lib/content/load';
import { makeSiteCopy, projectRoot, removeSiteCopy } from '../scripts/build-site';
import { launchBrowser } from '../scripts/browser';
import { buildSampleSite, openSite, sampleSiteScripts, watchPage } from './harness';
import { freePort } from '../scripts/ports';

const FIXTURE_POSTS = path.join(projectRoot, 'e2e', 'fixtures', 'cms');
/** `next dev` compiles a post's route on its first request: seconds on a small machine. */
const START_TIMEOUT = 180_000;
const ACTION_TIMEOUT = 30_000;

let siteDir: string;
let cms: ChildProcess | undefined;
let baseUrl: string;
let failed = false;
const log: string[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


/** Polls `url` until it answers 200 with a body `accept` likes; returns the body. */
async function waitForPage(url: string, accept: (body: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT;
  while (Date.now() < deadline) {
    if (cms?.exitCode !== null) throw new Error(`npm run cms exited (${cms?.exitCode}):\n${log.join('').slice(-3000)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) });
      const body = await response.text();
      if (response.ok && accept(body)) return body;
    } catch {
      // Not up yet.
    }
    await sleep(250);
  }
  throw new Error(`${what}: no answer from ${url} within ${START_TIMEOUT / 1000} s:\n${log.join('').slice(-3000)}`);
}

/** Waits until `file` exists and holds what `accept` likes (the local backend writes it when the author publishes). */
async function waitForFile(file: string, accept: (source: string) => boolean): Promise<string> {
  const deadline = Date.now() + ACTION_TIMEOUT;
  while (Date.now() < deadline) {
    const source = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (source && accept(source)) return source;
    await sleep(100);
  }
  throw new Error(`${file} was not written as expected within ${ACTION_TIMEOUT / 1000} s; it holds:\n${fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(nothing)'}`);
}

before(
  async () => {
    siteDir = makeSiteCopy(FIXTURE_POSTS, 'e2e-cms');
    const [sitePort, backendPort] = [await freePort(), await freePort()];
    const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FOLIO_CMS_PORT: String(backendPort) };
    // `next dev` sets NODE_ENV itself.
    delete env.NODE_ENV;
    cms = spawn(process.execPath, ['--import', 'tsx', 'scripts/cms.ts', '-p', String(sitePort), '-H', '127.0.0.1'], {
      cwd: siteDir,
      env: env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [cms.stdout, cms.stderr]) stream?.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
    baseUrl = `http://127.0.0.1:${sitePort}`;
    // The admin page is a static file: it answers as soon as the prepare step has written it.
    await waitForPage(`${baseUrl}/admin/index.html`, (body) => body.includes('cms.js'), 'the admin page');
  },
  { timeout: START_TIMEOUT + 60_000 },
);

after(async () => {
  if (cms?.pid) {
    try {
      process.kill(-cms.pid, 'SIGTERM');
    } catch {
      // Gone already.
    }
    const deadline = Date.now() + 10_000;
    while (cms.exitCode === null && Date.now() < deadline) await sleep(100);
    if (cms.exitCode === null) process.kill(-cms.pid, 'SIGKILL');
  }
  if (failed) console.log(`# kept ${siteDir}; npm run cms printed:\n${log.join('').slice(-3000)}`);
  else if (siteDir) removeSiteCopy(siteDir);
});

/**
 * Opens the admin page at `hash` in a browser of its own, signed in to the local backend; runs
 * `fn`; checks the visit. A browser per visit, not a context: the packaged Chromium runs in a
 * single process, which ends with its first context closed, and a fresh browser keeps no
 * sign-in or draft of Decap's from the visit before.
 */
async function inAdmin(hash: string, fn: (page: Page) => Promise<void>): Promise<void> {
  const { browser } = await launchBrowser();
  const context = await browser.newContext();
  context.setDefaultTimeout(ACTION_TIMEOUT);
  const page = await context.newPage();
  // The admin page loads its app and the app's own chunks from /admin/, and nothing else.
  const visit = watchPage(page, { scriptsFor: (pagePath) => (pagePath.startsWith('/admin/') ? [`${baseUrl}/admin/cms.js`] : []), documentsUnder: baseUrl });
  try {
    await page.goto(`${baseUrl}/admin/index.html`);
    // The local backend needs no credentials: its login button signs the author in.
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: /Post/ }).first().waitFor();
    await page.goto(`${baseUrl}/admin/index.html${hash}`);
    await fn(page);
    visit.end(`the admin page at ${hash}`);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await browser.close();
  }
}

/**
 * Publishes the entry open in the editor, as the author does (Publish, then Publish now), and
 * waits, with the page still open, until the local backend has written `file` as `accept` likes.
 */
async function publishNow(page: Page, file: string, accept: (source: string) => boolean): Promise<string> {
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
  return waitForFile(file, accept);
}

test('a post created and published in the CMS is a valid Folio post that the site renders', { timeout: START_TIMEOUT + 120_000 }, async () => {
  const file = path.join(siteDir, 'posts', 'written-in-the-cms', 'index.md');
  let source = '';
  await inAdmin('#/collections/posts/new', async (page) => {
    await page.getByLabel('Title').fill('Written in the CMS');
    await page.getByLabel('Date', { exact: true }).fill('2024-06-01');
    await page.getByLabel('Category (optional)').fill('Notes');
    await page.getByLabel('Tags (optional)').fill('cms, folio');
    const body = page.locator('[contenteditable="true"]').first();
    await body.click();
    await page.keyboard.type('A post the author wrote in the browser.');
    source = await publishNow(page, file, (text) => text.includes('A post the author wrote in the browser.'));
  });
  const { data } = matter(source);
  // The date is a calendar date as the build reads it, not a date-time a time zone could move.
  assert.equal(typeof data.date === 'string' ? data.date : source.match(/^date: (.*)$/m)?.[1], '2024-06-01', `the date as written:\n${source}`);

  // Folio's own loader reads it: the schema accepts every field the CMS wrote.
  const index = loadContent({ dir: path.join(siteDir, 'posts'), root: siteDir, includeDrafts: true, keepBroken: true });
  assert.deepEqual(index.broken.map((entry) => `${entry.sourcePath}: ${entry.error.message}`), []);
  const post = index.posts.find((entry) => entry.slug === 'written-in-the-cms');
  assert.ok(post, `the loader finds the new post among ${index.posts.map((entry) => entry.slug).join(', ')}`);
  assert.equal(post.title, 'Written in the CMS');
  assert.equal(post.date, '2024-06-01');
  assert.equal(post.draft, false);
  assert.deepEqual(post.tags.map((tag) => tag.name), ['cms', 'folio']);
  assert.equal(post.category?.name, 'Notes');

  // npm run cms's prepare step picks it up, and the dev server renders its page.
  const html = await waitForPage(`${baseUrl}/posts/written-in-the-cms/`, (text) => text.includes('A post the author wrote in the browser.'), 'the new post');
  assert.match(html, /<h1[^>]*>Written in the CMS<\/h1>/);
});

test('a post edited in the CMS keeps its other fields, one the CMS does not know included', { timeout: 120_000 }, async () => {
  const file = path.join(siteDir, 'posts', 'cache-notes', 'index.md');
  const loaded = loadContent({ dir: path.join(siteDir, 'posts'), root: siteDir, includeDrafts: true, keepBroken: true });
  const before = loaded.posts.find((entry) => entry.slug === 'cache-notes')?.frontMatter;
  assert.equal(before?.mood, 'curious');
  let source = '';
  await inAdmin('#/collections/posts/entries/cache-notes/index', async (page) => {
    const title = page.getByLabel('Title');
    await title.waitFor();
    assert.equal(await title.inputValue(), 'Cache notes');
    await title.fill('Cache notes, revised');
    source = await publishNow(page, file, (text) => text.includes('Cache notes, revised'));
  });
  assert.match(source, /Cache notes, revised/);
  // Read as the build reads it (YAML's core schema: an unquoted date is the same text as a quoted one).
  const index = loadContent({ dir: path.join(siteDir, 'posts'), root: siteDir, includeDrafts: true, keepBroken: true });
  assert.deepEqual(index.broken.map((entry) => `${entry.sourcePath}: ${entry.error.message}`), []);
  const after = index.posts.find((entry) => entry.slug === 'cache-notes')?.frontMatter;
  assert.deepEqual(after, { ...before, title: 'Cache notes, revised' });
  assert.equal(after?.mood, 'curious', 'the field unknown to the CMS is kept');
});

test('the built /admin/ has its own policy and noindex, and Decap starts under it with no refusal', { timeout: 300_000 }, async () => {
  const { outDir } = await buildSampleSite();
  const adminScripts = ['/admin/cms.js'];
  const site = await openSite(outDir, { scripts: (pagePath) => (pagePath.startsWith('/admin/') ? adminScripts : sampleSiteScripts(pagePath)) });
  try {
    // Visited apart from withPage: with the sample settings' cms.repo null, Decap reports its
    // missing repository as a page error, the one error this visit expects.
    const page = await site.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('response', (answer) => answer.status() >= 400 && problems.push(`${answer.status()} ${answer.url()}`));
    try {
      const response = await page.goto(site.urlFor('/admin/'));
      const headers = response?.headers() ?? {};
      assert.equal(headers['x-robots-tag'], 'noindex, nofollow');
      assert.match(headers['content-security-policy'], /script-src 'self' 'unsafe-eval';/);
      assert.match(headers['content-security-policy'], /connect-src 'self' blob: https:\/\/api\.github\.com;/);
      assert.match(headers['content-security-policy'], /frame-ancestors 'none'/);
      assert.doesNotMatch(headers['content-security-policy'], /127\.0\.0\.1|localhost/, 'a published admin page never talks to a local backend');
      assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex, nofollow');
      // Decap has run under this policy and read config.yml: it asks for the repository its GitHub backend needs.
      await page.getByText('The GitHub backend needs a "repo" in the backend configuration.').waitFor();
    } finally {
      await page.close();
    }
    assert.deepEqual(problems, ['Error: The GitHub backend needs a "repo" in the backend configuration.'], 'no refusal, no failed request');
    // The site's reader pages keep their own policy: no 'unsafe-eval', nothing of the CMS.
    await site.withPage('/', {}, async (page) => {
      const policy = (await page.request.get(page.url())).headers()['content-security-policy'];
      assert.doesNotMatch(policy, /unsafe-eval|api\.github\.com/);
      assert.equal(await page.locator('script[src*="admin"], link[href*="admin"]').count(), 0);
    });
  } finally {
    await site.close();
  }
  for (const file of ['sitemap.xml', 'rss.xml', 'atom.xml', 'feed.json']) assert.doesNotMatch(fs.readFileSync(path.join(outDir, file), 'utf8'), /\/admin\//, `${file} leaves out /admin/`);
});
