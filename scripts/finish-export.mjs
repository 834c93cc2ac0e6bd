/**
 * The post-export step of `npm run build`, run on `out/` right after `next build`:
 *
 * 1. `404.html`: static hosts (GitHub Pages, Netlify, Cloudflare Pages, S3) serve
 *    `/404.html` for missing paths, but `trailingSlash: true` exports `404/index.html`.
 * 2. Prune what no page loads. Pages ship no JavaScript, yet Next still writes its client
 *    chunks and `_next/data/*.json` (every page's props, compiled post bodies included).
 *    Any file under `_next/` that no exported HTML or CSS file refers to is removed, so a
 *    page that does load a script keeps it. `katex/` goes too when no page links its
 *    stylesheet (it may be left in `public/` from a build that had math), so does the
 *    comments loader (`public/comments.js`) when comments are off and no post loads it, and
 *    so does any image in `_img/` that no page shows (`public/_img/` keeps what earlier
 *    builds made).
 * 3. The RSS, Atom and JSON feeds, `sitemap.xml` and `robots.txt` (lib/feeds.mjs), from the
 *    manifest `next build` left in `.next/` (lib/build-manifest.ts) and the exported pages.
 * 4. The search index, `pagefind/` (lib/search-index.mjs), from the same manifest and pages.
 * 5. `_headers` (lib/headers.mjs): every file's cache policy and security headers, with the
 *    Content-Security-Policy hash of the theme script the pages actually carry and the
 *    sources the comments and analytics that are on need. Last, so it covers every file.
 *
 * Steps 1–3 are `finishExport`, synchronous; `finishSite` runs them, then step 4, which
 * waits on Pagefind's indexer, then step 5. `npm run build` and scripts/build-site.mjs run
 * `finishSite`.
 *
 *   node scripts/finish-export.mjs [out-dir]   (default: out)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildManifestFile } from '../lib/node/folders.mjs';
import { writeFeedsAndSitemap } from '../lib/export/feeds.mjs';
import { filesUnder } from '../lib/node/files.mjs';
import { writeHeadersFile } from '../lib/export/headers.mjs';
import { integrationCspSources } from '../lib/integrations/integrations.mjs';
import { COMMENTS_LOADER_PATH, SEARCH_INDEX_DIR } from '../lib/routes/table.mjs';
import { themeScriptTexts } from '../lib/routes/page-scripts.mjs';
import { writeSearchIndex } from '../lib/export/search-index.mjs';

/** Where the prepare step left the manifest of the project whose export is `outDir` (lib/build-manifest.ts). */
export const manifestFileFor = (outDir) => buildManifestFile(path.dirname(outDir));

/** The build manifest, or an error that says how to get one. */
export function readManifest(file) {
  if (!fs.existsSync(file)) throw new Error(`No build manifest at ${file}: run \`npm run build\` in the project, which writes it before \`next build\`.`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * In one pass over the exported pages and stylesheets: every removable file they refer to
 * (under `/_next/`, `/katex/` or `/_img/`, or the comments loader), as a site path (pages
 * refer to them under the base path), and the text of every theme script the pages carry.
 */
function scanDocuments(outDir, basePath) {
  const referenced = new Set();
  const themeScripts = new Set();
  const documents = filesUnder(outDir).filter((file) => /\.(html|css)$/.test(file));
  const reference = new RegExp(`${escapeRegExp(basePath)}(/(?:_next|katex|_img)/[^"'()\\s?#,]+|${escapeRegExp(COMMENTS_LOADER_PATH)}(?=["'?#\\s)]))`, 'g');
  for (const file of documents) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [, sitePath] of text.matchAll(reference)) referenced.add(sitePath);
    if (file.endsWith('.html')) for (const script of themeScriptTexts(text)) themeScripts.add(script);
  }
  return { referenced, themeScripts };
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
 * Steps 1–3 in `outDir`, with the build manifest (read from beside `outDir` unless given);
 * returns what it removed and what it wrote (paths in `outDir`), for reporting, and the theme
 * scripts the pages carry, for the headers.
 */
export function finishExport(outDir, { manifest = readManifest(manifestFileFor(outDir)) } = {}) {
  const written = [];
  const notFound = path.join(outDir, '404', 'index.html');
  if (fs.existsSync(notFound)) {
    fs.copyFileSync(notFound, path.join(outDir, '404.html'));
    written.push('404.html');
  }

  const { referenced, themeScripts } = scanDocuments(outDir, manifest.basePath);
  // KaTeX's stylesheet finds its fonts relatively, so `katex/` stays or goes whole.
  const keepKatex = referenced.has('/katex/katex.min.css');
  const removed = [];
  const commentsLoader = path.join(outDir, COMMENTS_LOADER_PATH);
  const candidates = [
    ...filesUnder(path.join(outDir, '_next')),
    ...filesUnder(path.join(outDir, '_img')),
    ...(keepKatex ? [] : filesUnder(path.join(outDir, 'katex'))),
    ...(fs.existsSync(commentsLoader) ? [commentsLoader] : []),
  ];
  for (const file of candidates) {
    const url = `/${path.relative(outDir, file).split(path.sep).join('/')}`;
    if (url.startsWith('/katex/') || !referenced.has(url)) {
      fs.rmSync(file);
      removed.push(url);
    }
  }
  removeEmptyFolders(path.join(outDir, '_next'));
  removeEmptyFolders(path.join(outDir, 'katex'));
  removeEmptyFolders(path.join(outDir, '_img'));
  written.push(...writeFeedsAndSitemap(manifest, outDir));
  return { removed, written, themeScripts };
}

/**
 * The whole post-export step: `finishExport`, the search index, then `_headers`. Resolves
 * with what it removed and wrote, and what the search index holds.
 */
export async function finishSite(outDir, { manifestFile = manifestFileFor(outDir) } = {}) {
  const manifest = readManifest(manifestFile);
  const { removed, written, themeScripts } = finishExport(outDir, { manifest });
  const searchIndex = await writeSearchIndex(manifest, outDir);
  writeHeadersFile(outDir, { basePath: manifest.basePath, themeScripts, extra: integrationCspSources(manifest.integrations) });
  return { removed, written: [...written, '_headers'], searchIndex };
}

/** Says what `finishSite` did in `outDir`. */
export function reportFinished(outDir, { removed, written, searchIndex }) {
  console.log(`Finished ${path.relative(process.cwd(), outDir) || '.'}: wrote ${written.join(', ')}; removed ${removed.length} files no page loads.`);
  console.log(`Search index: ${searchIndex.posts} posts in ${SEARCH_INDEX_DIR}/, ${searchIndex.files} files, ${(searchIndex.bytes / 1024).toFixed(0)} KB.`);
}

// No top-level await: scripts/build.ts, run by tsx as CommonJS, imports this module.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? 'out');
  finishSite(outDir).then((finished) => reportFinished(outDir, finished));
}
