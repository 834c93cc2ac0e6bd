/**
 * The post-export step of `npm run build`, run on `out/` right after `next build`
 * (scripts/finish-export.ts is its command line). `finishExport` runs its steps in this order
 * (`finishPages` the first four):
 *
 * 1. `404.html`: static hosts (GitHub Pages, Netlify, Cloudflare Pages, S3) serve
 *    `/404.html` for missing paths, but `trailingSlash: true` exports `404/index.html`. Each
 *    other language's 404 page goes to `<code>/404.html` too: Cloudflare Pages serves the
 *    nearest `404.html` up the missing path's folders, and `_redirects` (step 4) points
 *    Netlify there.
 * 2. Prune what no page loads, and the marks Next's head manager would read. Pages ship no
 *    JavaScript, yet Next still marks each tag of their heads for its runtime, and writes its client
 *    chunks and `_next/data/*.json` (every page's props, compiled post bodies included).
 *    Any file under `_next/` that no exported HTML or CSS file refers to is removed, so a
 *    page that does load a script keeps it. `katex/` goes too when no page links its
 *    stylesheet (it may be left in `public/` from a build that had math), so does the
 *    comments loader (`public/comments.js`) when comments are off and no post loads it, and
 *    so does any image in `_img/` that no page shows (`public/_img/` keeps what earlier
 *    builds made).
 * 3. The RSS, Atom and JSON feeds, the site's and each tag's and category's, their XSL
 *    stylesheet, `sitemap.xml` and `robots.txt` (lib/export/feeds.ts), from the manifest the
 *    prepare step left in `.next/cache/folio/` (lib/build/manifest.ts) and the exported
 *    pages; and `llms.txt` (lib/export/llms-txt.ts), from the manifest.
 * 4. `_redirects` and a page at each old URL of a post (lib/export/redirects.ts), from the
 *    manifest's redirects; none of them is in the sitemap, the feeds or the search index.
 * 5. The search index, `pagefind/` (lib/export/search-index.ts), from the same manifest and pages.
 *    Steps 1 to 4 run while Pagefind's own process writes its files, once it has every record.
 * 6. `_headers` (lib/export/headers.ts): every file's cache policy and security headers, with
 *    the Content-Security-Policy hash of the theme script the pages actually carry and the
 *    sources the comments and analytics that are on need. Last, so it covers every file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { manifestFileFor, prefixedLanguages, readBuildManifest, type BuildManifest } from './manifest-file';
import { integrationCspSources } from '../integrations/integrations';
import { filesUnder, isInside } from '../node/files';
import { themeScriptTexts } from '../routes/page-scripts';
import { BUILT_IMAGES_FOLDER, COMMENTS_LOADER_PATH, HEADERS_PATH, inLanguage, KATEX_FOLDER, KATEX_STYLESHEET_PATH, NEXT_ASSETS_DIR, NOT_FOUND_FILE, PAGE_ROUTES, SEARCH_INDEX_DIR } from '../routes/table';
import { writeFeedsAndSitemap } from './feeds';
import { writeHeadersFile } from './headers';
import { writeLlmsTxt } from './llms-txt';
import { writeRedirects } from './redirects';
import { writeSearchIndex, type SearchIndexSize } from './search-index';

/** What the post-export step did: the files it removed (site paths) and wrote (paths in `out/`), and what the search index holds. */
export interface FinishedExport {
  removed: string[];
  written: string[];
  searchIndex: SearchIndexSize;
}

/** The folders whose files are removed when no page refers to them, as their names in `out/`. */
const PRUNED_FOLDERS = [NEXT_ASSETS_DIR.slice(1, -1), BUILT_IMAGES_FOLDER, KATEX_FOLDER];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The folders of `outDir` a site path names, as a file path. */
const fileOf = (outDir: string, sitePath: string) => path.join(outDir, ...sitePath.split('/').filter(Boolean));

/**
 * Step 1: copies the exported 404 page of each language to its `404.html`, the default
 * language's at the root and each other's under its code (`notFoundLanguages`); returns what
 * it wrote.
 */
function copyNotFoundPages(outDir: string, notFoundLanguages: readonly string[]): string[] {
  const written: string[] = [];
  for (const languagePrefix of [null, ...notFoundLanguages]) {
    const exported = path.join(fileOf(outDir, inLanguage(languagePrefix, PAGE_ROUTES.notFound.path())), 'index.html');
    if (!fs.existsSync(exported)) continue;
    const notFoundFile = inLanguage(languagePrefix, NOT_FOUND_FILE);
    fs.copyFileSync(exported, fileOf(outDir, notFoundFile));
    written.push(notFoundFile.slice(1));
  }
  return written;
}

/**
 * The mark `next/head` gives each tag it renders, for Next's client-side head manager. No page
 * loads Next's runtime, so nothing reads it: on a post page it is 24 attributes, about 430 bytes.
 */
const HEAD_MANAGER_MARK = ' data-next-head=""';

/** `html` without Next's head manager marks, which are only ever in its head. */
function withoutHeadManagerMarks(html: string): string {
  const headEnd = html.indexOf('</head>');
  return headEnd < 0 ? html : html.slice(0, headEnd).replaceAll(HEAD_MANAGER_MARK, '') + html.slice(headEnd);
}

/**
 * In one pass over the exported pages and stylesheets: removes Next's head manager marks from
 * each page, and finds every removable file they refer to (under `/_next/`, `/katex/` or
 * `/_img/`, or the comments loader), as a site path (pages refer to them under the base path),
 * and the text of every theme script the pages carry.
 */
function trimAndScanDocuments(outDir: string, basePath: string): { referenced: Set<string>; themeScripts: Set<string> } {
  const referenced = new Set<string>();
  const themeScripts = new Set<string>();
  // Not the search index, which Pagefind may be writing meanwhile (`finishExport`): no page refers to a file through it.
  const searchIndexDir = path.join(outDir, SEARCH_INDEX_DIR);
  const documents = filesUnder(outDir).filter((file) => /\.(html|css)$/.test(file) && !isInside(searchIndexDir, file));
  const reference = new RegExp(`${escapeRegExp(basePath)}(/(?:${PRUNED_FOLDERS.join('|')})/[^"'()\\s?#,]+|${escapeRegExp(COMMENTS_LOADER_PATH)}(?=["'?#\\s)]))`, 'g');
  for (const file of documents) {
    let text = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.html')) {
      const trimmed = withoutHeadManagerMarks(text);
      if (trimmed !== text) fs.writeFileSync(file, (text = trimmed));
      for (const script of themeScriptTexts(text)) themeScripts.add(script);
    }
    for (const [, sitePath] of text.matchAll(reference)) referenced.add(sitePath);
  }
  return { referenced, themeScripts };
}

/** Removes the folders under `dir`, and `dir` itself, that pruning left empty, deepest first. */
function removeEmptyFolders(dir: string): void {
  if (!fs.existsSync(dir)) return;
  const folders = [dir, ...fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((entry) => path.join(dir, entry))].filter((entry) => fs.statSync(entry).isDirectory());
  for (const folder of folders.sort((a, b) => b.length - a.length)) {
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }
}

/**
 * Step 2: removes what no exported page or stylesheet refers to (see the list above). Returns
 * the site paths it removed, and the text of the theme scripts the pages carry, for the headers.
 */
function pruneUnloadedFiles(outDir: string, basePath: string): { removed: string[]; themeScripts: Set<string> } {
  const { referenced, themeScripts } = trimAndScanDocuments(outDir, basePath);
  // KaTeX's stylesheet finds its fonts relatively, so `katex/` stays or goes whole.
  const keepKatex = referenced.has(KATEX_STYLESHEET_PATH);
  const removed: string[] = [];
  const commentsLoader = path.join(outDir, COMMENTS_LOADER_PATH);
  const candidates = [
    ...PRUNED_FOLDERS.flatMap((folder) => (folder === KATEX_FOLDER && keepKatex ? [] : filesUnder(path.join(outDir, folder)))),
    ...(fs.existsSync(commentsLoader) ? [commentsLoader] : []),
  ];
  for (const file of candidates) {
    const url = `/${path.relative(outDir, file).split(path.sep).join('/')}`;
    if (url.startsWith(`/${KATEX_FOLDER}/`) || !referenced.has(url)) {
      fs.rmSync(file);
      removed.push(url);
    }
  }
  for (const folder of PRUNED_FOLDERS) removeEmptyFolders(path.join(outDir, folder));
  return { removed, themeScripts };
}

/**
 * Steps 1 to 4 in `outDir`, which need no other process (the benches time them apart from the
 * search index): returns what they removed and wrote, and the theme scripts the pages carry.
 */
export function finishPages(outDir: string, manifest: BuildManifest): { removed: string[]; written: string[]; themeScripts: Set<string> } {
  const written = copyNotFoundPages(outDir, prefixedLanguages(manifest));
  const { removed, themeScripts } = pruneUnloadedFiles(outDir, manifest.basePath);
  written.push(...writeFeedsAndSitemap(manifest, outDir));
  written.push(...writeLlmsTxt(manifest, outDir));
  written.push(...writeRedirects(manifest, outDir));
  return { removed, written, themeScripts };
}

/**
 * The whole post-export step in `outDir`, steps 1 to 6 in order, with the build manifest
 * (read, and checked, from beside `outDir` unless given). Resolves with what it removed and
 * wrote, and what the search index holds.
 */
export async function finishExport(outDir: string, { manifest = readBuildManifest(manifestFileFor(outDir)) }: { manifest?: BuildManifest } = {}): Promise<FinishedExport> {
  let pages: ReturnType<typeof finishPages> | undefined;
  // Steps 1 to 4 run while Pagefind writes the index: they read and write other files than it does.
  const searchIndex = await writeSearchIndex(manifest, outDir, { meanwhile: () => (pages = finishPages(outDir, manifest)) });
  const { removed, written, themeScripts } = pages ?? finishPages(outDir, manifest);
  writeHeadersFile(outDir, { basePath: manifest.basePath, themeScripts, extra: integrationCspSources(manifest.integrations), cmsApp: manifest.site.cms.app });
  written.push(HEADERS_PATH.slice(1));
  return { removed, written, searchIndex };
}

/** Says what `finishExport` did in `outDir`. */
export function reportFinished(outDir: string, { removed, written, searchIndex }: FinishedExport): void {
  console.log(`Finished ${path.relative(process.cwd(), outDir) || '.'}: wrote ${written.join(', ')}; removed ${removed.length} files no page loads.`);
  console.log(`Search index: ${searchIndex.posts} posts in ${SEARCH_INDEX_DIR}/${searchIndex.parts > 1 ? ` (${searchIndex.parts} parts)` : ''}, ${searchIndex.files} files, ${(searchIndex.bytes / 1024).toFixed(0)} KB.`);
}
