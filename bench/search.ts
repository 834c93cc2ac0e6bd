/**
 * Search benchmark: for each corpus size, builds the site from `bench/corpus.ts`'s posts in a
 * scratch copy (scripts/build-site.ts), then reports
 * - the index: time to write it, its files and bytes in `out/pagefind/`, by kind;
 * - one query per word: every byte Chromium fetches from opening `/search/?q=<word>` with an
 *   empty cache until the results are shown, served compressed as a CDN would (`npm run serve`:
 *   brotli or gzip, as the browser asks; response bodies
 *   as sent, and with headers), request by request;
 * - page weights: what a reader fetches for the home page, a post, the archive, a tag page
 *   and the search page, and whether any of them asks for search code. With
 *   `--baseline-ref <git-ref>` the first size is also built from that commit's site (the one
 *   before search, say) and each page's HTML and CSS bytes are compared with it, with the
 *   hashed class and file names that differ between any two builds made alike.
 *
 *   npx tsx bench/search.ts [--posts 1000,10000] [--words cache,cloudfront] [--baseline-ref REF]
 *   npx tsx bench/search.ts --out DIR [--words …]    measures an export built already, and prints only
 *
 * `--posts-per-part N` writes the index in parts of at most N posts of a language (lib/export/search-index.ts
 * `POSTS_PER_INDEX_PART`), with `--out` over the export's own index; `--posts-per-part 100000`, say, in one part.
 *
 * Results go to bench/search-results.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../scripts/browser';
import { start } from '../scripts/serve';
import { SEARCH_INDEX_DIR, SEARCH_PAGE_PATH, SEARCH_SCRIPT_PATH } from '../lib/routes/table';
import { writeSearchIndex } from '../lib/export/search-index';
import { buildSiteAtRef, makeSiteCopy, projectRoot, runBuild } from '../scripts/build-site';
import { manifestFileFor, readBuildManifest } from '../lib/export/manifest-file';
import { finishPages } from '../lib/export/finish';
import { writeCorpus } from './corpus';
import type { BrowserContext, Page } from 'playwright-core';

const args = process.argv.slice(2);
function option(name: string, fallback: string): string;
function option(name: string, fallback?: null): string | null;
function option(name: string, fallback: string | null = null): string | null {
  return args.includes(name) ? args[args.indexOf(name) + 1] : fallback;
}
const sizes = option('--posts', '1000,10000').split(',').map(Number);
const words = option('--words', 'cache,cloudfront').split(',');
const baselineRef = option('--baseline-ref', null);
const existingOut = args.includes('--out') ? path.resolve(option('--out', '')) : null;
const postsPerPart = args.includes('--posts-per-part') ? Number(option('--posts-per-part', '')) : undefined;


const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Builds the corpus with the current site: next build, the post-export steps, and the index timed on its own. */
async function buildCurrent(corpus: string, name: string) {
  const siteDir = makeSiteCopy(corpus, name);
  const started = performance.now();
  await runBuild(siteDir);
  const buildSeconds = (performance.now() - started) / 1000;
  const outDir = path.join(siteDir, 'out');
  const manifest = readBuildManifest(manifestFileFor(outDir));
  finishPages(outDir, manifest);
  const indexStarted = performance.now();
  const index = await writeSearchIndex(manifest, outDir, { postsPerPart });
  return { outDir, buildSeconds, indexSeconds: (performance.now() - indexStarted) / 1000, index };
}

/** Bytes and files under `dir`, in total and by kind. */
function indexSize(dir: string) {
  // A large site's index is in parts (lib/export/search-index.ts): each part's chunks count with the first's.
  const kinds: Record<string, RegExp> = { fragments: /(^|\/)fragment\//, 'word index': /(^|\/)index\//, filters: /(^|\/)filter\//, metadata: /\.pf_meta$/, WebAssembly: /\.pagefind$/, script: /\.js$/, entry: /\.json$/ };
  const totals = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, { files: 0, bytes: 0 }]));
  let files = 0;
  let bytes = 0;
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = fs.statSync(path.join(dir, file));
    if (!stat.isFile()) continue;
    const name = file.split(path.sep).join('/');
    const kind = Object.keys(kinds).find((candidate) => kinds[candidate].test(name));
    if (!kind) throw new Error(`bench/search.ts does not know what ${name} in the index is`);
    totals[kind].files += 1;
    totals[kind].bytes += stat.size;
    files += 1;
    bytes += stat.size;
  }
  return { files, bytes, kinds: totals };
}

/**
 * Opens `pathname` in a new page with the cache off, as a first visit, and records every
 * request until `ready(page)` resolves and the network is quiet: URL, body bytes as sent and
 * header bytes.
 */
async function transfer(context: BrowserContext, baseUrl: string, pathname: string, ready: (page: Page) => Promise<void> = async () => {}) {
  const page = await context.newPage();
  const devtools = await context.newCDPSession(page);
  await devtools.send('Network.enable');
  await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
  const finished: Promise<{ url: string; bodyBytes: number; headerBytes: number }>[] = [];
  page.on('requestfinished', (request) => finished.push(request.sizes().then((sizes) => ({ url: new URL(request.url()).pathname, bodyBytes: sizes.responseBodySize, headerBytes: sizes.responseHeadersSize }))));
  try {
    // The server's URL is the site's home, with its slash: the page is a path under it.
    await page.goto(new URL(`.${pathname}`, baseUrl).href, { waitUntil: 'load' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    const requests = await Promise.all(finished);
    return {
      requests,
      bodyBytes: requests.reduce((sum, request) => sum + request.bodyBytes, 0),
      totalBytes: requests.reduce((sum, request) => sum + request.bodyBytes + request.headerBytes, 0),
    };
  } finally {
    await page.close();
  }
}

/** A search for `word`: the page opened with `?q=`, until its status line says what it found. */
async function query(context: BrowserContext, baseUrl: string, word: string) {
  let status = '';
  const result = await transfer(context, baseUrl, `${SEARCH_PAGE_PATH}?q=${encodeURIComponent(word)}`, async (page: Page) => {
    await page.waitForFunction(() => / match(es)? /.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 120_000 });
    status = (await page.locator('[data-search-status]').textContent()) ?? '';
  });
  return { word, status, results: status.match(/^\d[\d,]*/)?.[0] ?? '0', ...result };
}

/** The pages whose weight is compared: one of each kind, the same in any build of the corpus. */
function samplePages(outDir: string) {
  const firstPost = fs.readdirSync(path.join(outDir, 'posts')).sort()[0];
  const firstTag = fs.readdirSync(path.join(outDir, 'tags')).filter((entry) => fs.statSync(path.join(outDir, 'tags', entry)).isDirectory()).sort()[0];
  return { home: '/', post: `/posts/${firstPost}/`, archive: '/archive/', tag: `/tags/${firstTag}/`, search: SEARCH_PAGE_PATH };
}

const isSearchCode = (url: string) => url === SEARCH_SCRIPT_PATH || url.startsWith(`/${SEARCH_INDEX_DIR}/`);

/**
 * A page's HTML and CSS with their build-specific names made alike: CSS-module class prefixes
 * and chunk file names are hashes of where the site was built, so two builds of the same site
 * in two folders differ there by a few bytes that say nothing of the page.
 */
const comparableHtml = (html: string) => html.replace(/class="[^"]*"/g, 'class=""').replace(/\/_next\/static\/chunks\/[\w-]+\.css/g, '/_next/static/chunks/x.css');
// A prefix is six characters of base64url, after an underscore when it starts with a digit.
const comparableCss = (css: string) => css.replace(/\.(?:_(?=\d))?[\w-]{6}_(?=[a-zA-Z])/g, '.x_');

/** What a reader fetches for one page. */
interface PageWeight {
  page: string;
  htmlBytes: number;
  comparableHtmlBytes: number;
  comparableCssBytes: number;
  requests: string[];
  bodyBytes: number;
  searchRequests: string[];
}

/** What a reader fetches for each sample page of `outDir`, and which of it is search code. */
async function pageWeights(context: BrowserContext, outDir: string, pages: Record<string, string>) {
  const server = await start(outDir);
  try {
    const weights: Record<string, PageWeight> = {};
    for (const [kind, pathname] of Object.entries(pages)) {
      if (!fs.existsSync(path.join(outDir, pathname, 'index.html'))) continue;
      const { requests, bodyBytes } = await transfer(context, server.url, pathname);
      const html = fs.readFileSync(path.join(outDir, pathname, 'index.html'), 'utf8');
      const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(([, href]) => fs.readFileSync(path.join(outDir, href), 'utf8')).join('');
      weights[kind] = {
        page: pathname,
        htmlBytes: Buffer.byteLength(html),
        comparableHtmlBytes: Buffer.byteLength(comparableHtml(html)),
        comparableCssBytes: Buffer.byteLength(comparableCss(css)),
        requests: requests.map((request) => `${request.url} ${request.bodyBytes}`),
        bodyBytes,
        searchRequests: requests.filter((request) => isSearchCode(request.url)).map((request) => request.url),
      };
    }
    return weights;
  } finally {
    await server.close();
  }
}

/** Index size, queries and page weights of the export in `outDir`, printed as tables; with a baseline export, each page is compared with it. */
async function measure(context: BrowserContext, outDir: string, baselineOut: string | null = null) {
  const size = indexSize(path.join(outDir, SEARCH_INDEX_DIR));
  console.log(`\nsearch index: ${size.files} files, ${kb(size.bytes)}\n\n| index part | files | bytes |\n|---|---|---|`);
  for (const [kind, total] of Object.entries(size.kinds)) console.log(`| ${kind} | ${total.files} | ${kb(total.bytes)} |`);

  const server = await start(outDir);
  const queries: Awaited<ReturnType<typeof query>>[] = [];
  try {
    for (const word of words) queries.push(await query(context, server.url, word));
  } finally {
    await server.close();
  }
  console.log('\n| query | results | requests | transfer (bodies, compressed as served) | with headers |\n|---|---|---|---|---|');
  for (const q of queries) console.log(`| ${q.word} | ${q.results} | ${q.requests.length} | ${kb(q.bodyBytes)} | ${kb(q.totalBytes)} |`);
  for (const q of queries) console.log(`\n"${q.word}": ${q.requests.map((request) => `${request.url} ${kb(request.bodyBytes)}`).join(', ')}`);

  const pages = samplePages(outDir);
  const weights = await pageWeights(context, outDir, pages);
  const baseline = baselineOut ? await pageWeights(context, baselineOut, pages) : null;
  console.log(`\n| page | HTML | fetched (compressed) | requests | search requests |${baseline ? ` fetched at ${baselineRef} | HTML change | CSS change |` : ''}\n|---|---|---|---|---|${baseline ? '---|---|---|' : ''}`);
  const change = (after: number, before: number) => `${after - before >= 0 ? '+' : ''}${after - before} B`;
  for (const [kind, weight] of Object.entries(weights)) {
    const before = baseline?.[kind];
    const compared = !baseline ? '' : before ? ` ${kb(before.bodyBytes)} | ${change(weight.comparableHtmlBytes, before.comparableHtmlBytes)} | ${change(weight.comparableCssBytes, before.comparableCssBytes)} |` : ' – | new page | |';
    console.log(`| ${kind} ${weight.page} | ${kb(weight.htmlBytes)} | ${kb(weight.bodyBytes)} | ${weight.requests.length} | ${weight.searchRequests.length} |${compared}`);
  }
  return { index: size, queries, pages: weights, baseline: baseline && { ref: baselineRef, pages: baseline } };
}

const { browser, source } = await launchBrowser();
const context = await browser.newContext();
console.log(`Search benchmark: ${existingOut ? existingOut : `${sizes.join(', ')} posts`}; words ${words.join(', ')}; ${os.cpus().length} cores, Node ${process.version}, Chromium ${browser.version()} (${source})`);
try {
  if (existingOut) {
    if (postsPerPart) {
      const index = await writeSearchIndex(readBuildManifest(manifestFileFor(existingOut)), existingOut, { postsPerPart });
      console.log(`search index rewritten: ${index.posts} posts in ${index.parts} part(s)`);
    }
    await measure(context, existingOut);
  } else {
    const results = { date: new Date().toISOString(), machine: { cores: os.cpus().length, node: process.version, chromium: browser.version() }, sizes: [] as object[] };
    for (const [position, count] of sizes.entries()) {
      const corpus = fs.mkdtempSync(path.join(os.tmpdir(), `folio-search-corpus-${count}-`));
      writeCorpus(count, corpus);
      const built = await buildCurrent(corpus, `bench-search-${count}`);
      console.log(`\n## ${count} posts\n\nnext build ${built.buildSeconds.toFixed(1)} s; search index of ${built.index.posts} posts written in ${built.indexSeconds.toFixed(1)} s`);
      const baselineOut = position === 0 && baselineRef ? await buildSiteAtRef(baselineRef, corpus, `bench-search-${count}-baseline`) : null;
      results.sizes.push({ posts: count, buildSeconds: built.buildSeconds, indexSeconds: built.indexSeconds, ...(await measure(context, built.outDir, baselineOut)) });
    }
    fs.writeFileSync(path.join(projectRoot, 'bench', 'search-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nWrote bench/search-results.json');
  }
} finally {
  await browser.close();
}
