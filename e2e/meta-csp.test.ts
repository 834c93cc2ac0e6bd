/**
 * The sample site served as a host that ignores `_headers` serves it (GitHub Pages, S3 without
 * CloudFront's response headers): no response carries a Content-Security-Policy, so each
 * page's own `<meta http-equiv="Content-Security-Policy">` is all there is. It must let the
 * site work (the theme script, search and its WebAssembly, math, embeds, images) and refuse
 * an injected inline script.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertThemeScriptAloneRuns, buildSampleSite, openSite, readToTheEnd, text } from './harness';
import type { OpenSite } from './harness';

let site: OpenSite;

before(
  async () => {
    const { outDir } = await buildSampleSite();
    site = await openSite(outDir, { headers: false });
  },
  { timeout: 300_000 },
);

after(async () => {
  await site?.close();
});

test("with no policy header, the page's own policy runs the theme and copy scripts and refuses an injected inline script", async () => {
  const onPolicyRefusals = (refusals: string[]) => assert.equal(refusals.length, 1, `one refusal, for the injected script: ${refusals.join(' | ')}`);
  await site.withPage('/posts/writing-with-mdx/', { onPolicyRefusals }, async (page) => {
    const response = await page.request.get(page.url());
    assert.equal(response.headers()['content-security-policy'], undefined, 'the server sends no policy');
    // The theme script's hash and the copy script's.
    assert.match((await page.locator('head > meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '', /script-src 'sha256-[^']+' 'sha256-[^']+'(;|$)/);
    await assertThemeScriptAloneRuns(page);
    assert.equal(await page.getByRole('button', { name: 'Copy code' }).count(), 1, 'the copy script ran: the code block has its button');
  });
});

test('search runs under the page\'s own policy: its script, the index and its WebAssembly', async () => {
  await site.withPage('/search/', {}, async (page) => {
    const box = page.getByRole('searchbox', { name: 'Search the posts' });
    await box.click();
    await box.pressSequentially('tombola');
    await page.waitForFunction(() => / match(es)? /.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    assert.equal(await text(page.locator('[data-search-results] > li h2 a').first()), 're:Invent 2017');
  });
});

test('pages with math, an embed and images load under their own policy with no error', async () => {
  // Each visit is checked as it ends (e2e/harness.ts): no error, no refusal, no failed request.
  for (const pathname of ['/', '/posts/writing-with-mdx/', '/posts/cache-layers/', '/posts/reinvent-2017/', '/tags/caching/']) {
    await site.withPage(pathname, {}, readToTheEnd);
  }
});
