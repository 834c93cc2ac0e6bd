/**
 * The post-export step of `npm run build`, run on `out/` right after `next build`:
 *
 * 1. `404.html`: static hosts (GitHub Pages, Netlify, Cloudflare Pages, S3) serve
 *    `/404.html` for missing paths, but `trailingSlash: true` exports `404/index.html`.
 * 2. Prune what no page loads. Pages ship no JavaScript, yet Next still writes its client
 *    chunks and `_next/data/*.json` (every page's props, compiled post bodies included).
 *    Any file under `_next/` that no exported HTML or CSS file refers to is removed, so a
 *    page that does load a script keeps it. `katex/` goes too when no page links its
 *    stylesheet (it may be left in `public/` from a build that had math).
 * 3. The RSS, Atom and JSON feeds, `sitemap.xml` and `robots.txt` (lib/feeds.mjs), from the
 *    manifest `next build` left in `.next/` (lib/build-manifest.ts) and the exported pages.
 * 4. The search index, `pagefind/` (lib/search-index.mjs), from the same manifest and pages.
 *
 * Steps 1–3 are `finishExport`, synchronous; `finishSite` runs them and then step 4, which
 * waits on Pagefind's indexer. `npm run build` and scripts/build-site.mjs run `finishSite`.
 *
 *   node scripts/finish-export.mjs [out-dir]   (default: out)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFeedsAndSitemap } from '../lib/feeds.mjs';
import { SEARCH_INDEX_DIR, writeSearchIndex } from '../lib/search-index.mjs';

/** Where `next build` left the manifest of the project whose export is `outDir` (`BUILD_MANIFEST_PATH` in lib/build-manifest.ts). */
export const manifestFileFor = (outDir) => path.join(path.dirname(outDir), '.next', 'folio', 'content-manifest.json');

/** The build manifest, or an error that says how to get one. */
export function readManifest(file) {
  if (!fs.existsSync(file)) throw new Error(`No build manifest at ${file}: run \`next build\` in the project first (\`npm run build\` does both).`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const filesUnder = (dir) =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)).filter((file) => fs.statSync(file).isFile()) : [];

/** Every `/_next/…` and `/katex/…` path that an exported page or stylesheet refers to, in one pass over them. */
function referencedFiles(outDir) {
  const referenced = new Set();
  const documents = filesUnder(outDir).filter((file) => /\.(html|css)$/.test(file));
  for (const file of documents) {
    for (const [, url] of fs.readFileSync(file, 'utf8').matchAll(/(\/(?:_next|katex)\/[^"'()\s?#]+)/g)) referenced.add(url);
  }
  return referenced;
}

/** Removes the folders under `dir`, and `dir` itself, that pruning left empty, deepest first. */
function removeEmptyFolders(dir) {
  if (!fs.existsSync(dir)) return;
  const folders = [dir, ...fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((entry) => path.join(dir, entry))].filter((entry) => fs.statSync(entry).isDirectory());
  for (const folder of folders.sort((a, b) => b.length - a.length)) {
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }
}

/**
 * Finishes the export in `outDir`; returns what it removed and what it wrote (paths in
 * `outDir`), for reporting.
 */
export function finishExport(outDir, { manifestFile = manifestFileFor(outDir) } = {}) {
  const manifest = readManifest(manifestFile);
  const written = [];
  const notFound = path.join(outDir, '404', 'index.html');
  if (fs.existsSync(notFound)) {
    fs.copyFileSync(notFound, path.join(outDir, '404.html'));
    written.push('404.html');
  }

  const referenced = referencedFiles(outDir);
  // KaTeX's stylesheet finds its fonts relatively, so `katex/` stays or goes whole.
  const keepKatex = referenced.has('/katex/katex.min.css');
  const removed = [];
  for (const file of [...filesUnder(path.join(outDir, '_next')), ...(keepKatex ? [] : filesUnder(path.join(outDir, 'katex')))]) {
    const url = `/${path.relative(outDir, file).split(path.sep).join('/')}`;
    if (url.startsWith('/katex/') || !referenced.has(url)) {
      fs.rmSync(file);
      removed.push(url);
    }
  }
  removeEmptyFolders(path.join(outDir, '_next'));
  removeEmptyFolders(path.join(outDir, 'katex'));
  written.push(...writeFeedsAndSitemap(manifest, outDir));
  return { removed, written };
}

/**
 * The whole post-export step: `finishExport`, then the search index. Resolves with what
 * `finishExport` removed and wrote, and what the search index holds.
 */
export async function finishSite(outDir, { manifestFile = manifestFileFor(outDir) } = {}) {
  const finished = finishExport(outDir, { manifestFile });
  const searchIndex = await writeSearchIndex(readManifest(manifestFile), outDir);
  return { ...finished, searchIndex };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? 'out');
  const { removed, written, searchIndex } = await finishSite(outDir);
  console.log(`Finished ${path.relative(process.cwd(), outDir) || '.'}: wrote ${written.join(', ')}; removed ${removed.length} files no page loads.`);
  console.log(`Search index: ${searchIndex.posts} posts in ${SEARCH_INDEX_DIR}/, ${searchIndex.files} files, ${(searchIndex.bytes / 1024).toFixed(0)} KB.`);
}
