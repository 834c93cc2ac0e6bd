/**
 * A post's old URL, visited in Chromium: served as Netlify and Cloudflare Pages serve it (the
 * 301 of `_redirects`), and as GitHub Pages and S3 serve it (no redirects: the page left at
 * the old URL sends the reader on by its meta refresh). Either way the reader lands on the
 * post, with no script run. Builds a small site of its own, under a base path, as a GitHub
 * Pages project site is.
 *
 *   FOLIO_BROWSER=system node --import tsx --test e2e/redirects.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildTestSite, openSite, text } from './harness';
import type { OpenSite } from './harness';
import type { Page } from 'playwright-core';

const BASE = '/my-repo';
const POST = '/posts/moved-post/';
const TITLE = 'A post that moved & <kept> its readers';

let outDir: string;
let site: OpenSite | undefined;

before(
  async () => {
    const postsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-redirects-'));
    fs.writeFileSync(
      path.join(postsDir, 'moved-post.md'),
      `---\ntitle: ${JSON.stringify(TITLE)}\ndate: 2020-02-02\naliases:\n  - /2020/02/old-name/\n  - /old-name.html\n---\n\nIts body.\n`,
    );
    fs.writeFileSync(path.join(postsDir, 'other.md'), '---\ntitle: Another post\ndate: 2020-01-01\n---\n\nAnother body.\n');
    outDir = await buildTestSite(postsDir, 'e2e-redirects', { env: { BASE_PATH: BASE } });
  },
  { timeout: 300_000 },
);

after(async () => {
  await site?.close();
});

/** Opens the site the way `options` serve it, and closes it after `fn`: one browser context at a time. */
async function served(options: { headers?: boolean; redirects?: boolean }, fn: (open: OpenSite) => Promise<void>) {
  site = await openSite(outDir, { basePath: BASE, scripts: () => [], ...options });
  try {
    await fn(site);
  } finally {
    await site.close();
    site = undefined;
  }
}

test('an old URL lands on the post by the 301 of _redirects, as Netlify and Cloudflare Pages serve it', async () => {
  await served({}, async ({ withPage, urlFor }) => {
    for (const old of ['/2020/02/old-name/', '/old-name.html']) {
      const documents: [string, number][] = [];
      const prepare = async (page: Page) => {
        page.on('response', (response) => {
          if (response.request().isNavigationRequest()) documents.push([response.url(), response.status()]);
        });
      };
      await withPage(old, { prepare }, async (page) => {
        assert.equal(page.url(), urlFor(POST), `${old} lands on the post`);
        assert.equal(await text(page.locator('h1')), TITLE);
      });
      assert.deepEqual(documents, [
        [urlFor(old), 301],
        [urlFor(POST), 200],
      ]);
    }
  });
});

test('an old URL lands on the post by the page left there, as GitHub Pages and S3 serve it', async () => {
  await served({ headers: false, redirects: false }, async ({ withPage, urlFor }) => {
    for (const old of ['/2020/02/old-name/', '/old-name.html']) {
      await withPage(old, {}, async (page) => {
        // The page at the old URL answers 200 and refreshes to the post at once; no script runs it.
        await page.waitForURL(urlFor(POST), { waitUntil: 'load' });
        assert.equal(await text(page.locator('h1')), TITLE);
      });
    }
  });
});
