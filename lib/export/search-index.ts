/**
 * The site's search index: Pagefind's static index in `out/pagefind/`, written by the
 * post-export step (lib/export/finish.ts) with Pagefind's Node API, so no page carries any
 * markup for it. Each published post is one record, made from the build manifest
 * (lib/build/manifest.ts) and the text of its exported page's `[data-post-body]`
 * (lib/export/exported-pages.ts):
 * - content: the body's text, as a reader sees it (see `bodyText`); for a body with no letter
 *   or digit (`+++ --- ***`), which Pagefind would leave out of the index, the title, or if
 *   that has none either, the words of the post's slug, which always has some;
 * - metadata: title, date (`YYYY-MM-DD`), dateLabel (the date as the pages show it) and
 *   excerpt, which the search page shows with each result;
 * - filters: `tag`, the post's tag names.
 * Drafts and scheduled posts are never indexed. Pages (`template: "page"`, such as About) are not either: search
 * finds posts, as the archive lists them, and every page is in the header menu already.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Element, Root } from 'hast';
import { matches } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import * as pagefind from 'pagefind';
import type { CustomRecord, NewFileResponse } from 'pagefind';
import { visit } from 'unist-util-visit';
import type { BuildManifest } from './manifest-file';
import { formatDate } from '../content/dates';
import type { PostSummary } from '../content/types';
import { packageVersion } from '../node/packages';
import { folioCacheDir } from '../node/folders';
import { SEARCH_INDEX_DIR } from '../routes/table';
import { POST_BODY_SELECTOR, postBodyOf, readExportedPost, requirePostBody, sitePathOf, type ExportedPage } from './exported-pages';

/**
 * What in a post body is not its text: screen-reader additions such as "(external link)",
 * KaTeX's visual copy of each formula (its MathML stays) with the TeX source in the MathML's
 * `<annotation>`, which would show every formula two or three times in an excerpt, and an
 * image's zoom overlay (lib/images/body-images.ts), its larger copy and "Close" button.
 */
const NOT_TEXT = ['.visually-hidden', '.katex-html', 'annotation', '.image-zoom-overlay'];

/**
 * The text a reader sees in a post body, images by their alt text: blocks on lines of their
 * own (so that words of adjacent paragraphs, headings and cells never run together), then
 * every run of white space made one space, as excerpts show it.
 */
function bodyText(body: Element): string {
  const content: Root = { type: 'root', children: body.children };
  visit(content, 'element', (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (NOT_TEXT.some((selector) => matches(selector, node))) {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.tagName === 'img') parent.children[index] = { type: 'text', value: ` ${node.properties.alt ?? ''} ` };
  });
  return toText(content).replace(/\s+/g, ' ').trim();
}

/** The site settings a search record uses. */
interface SearchSite {
  language: string;
  dateLocale: string;
}

/** How many posts the search index holds, and its files and bytes. */
export interface SearchIndexSize {
  posts: number;
  files: number;
  bytes: number;
}

/** A body's text as the search-text cache keeps it, with the hash of the page it came from. */
interface CachedText {
  hash: string;
  text: string;
}

/** True for text with a word in it: Pagefind indexes no record without one. */
const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);

/**
 * The search record of one post, from its summary and the text of its body (`bodyText`).
 */
const recordOf = (post: PostSummary, text: string, { language, dateLocale }: SearchSite): CustomRecord => ({
  url: post.url,
  language,
  content: [text, post.title].find(hasWords) ?? post.slug.replaceAll('-', ' '),
  meta: { title: post.title, date: post.date, dateLabel: formatDate(post.date, dateLocale), excerpt: post.excerpt },
  filters: { tag: post.tags.map((tag) => tag.name) },
});

/**
 * The search record of one post, from its summary and its exported page (`pageHtml`); null if
 * the page has no post body.
 */
export function searchRecord(post: PostSummary, pageHtml: string, site: SearchSite): CustomRecord | null {
  const body = postBodyOf(pageHtml);
  return body && recordOf(post, bodyText(body), site);
}

/**
 * Where a build keeps its search texts: in the cache folder of the `.next/` beside its `out/`.
 */
export const searchTextCacheFile = (outDir: string): string => path.join(folioCacheDir(path.dirname(outDir)), 'search-text.json');

/**
 * The version of the search texts: the code that makes a text from a page and the versions of
 * the packages it runs, found from the working directory as the build finds them. Any change
 * to either makes every cached text a miss.
 */
function searchTextVersion(): string {
  const hash = createHash('sha256').update([postBodyOf, bodyText].map(String).join('\0')).update(JSON.stringify([POST_BODY_SELECTOR, NOT_TEXT]));
  for (const name of ['parse5', 'hast-util-from-parse5', 'hast-util-select', 'hast-util-to-text', 'unist-util-visit']) hash.update(`\0${name}@${packageVersion(name)}`);
  return hash.digest('hex');
}

/**
 * The search texts of the last build's post pages, so that a rebuild parses only the pages
 * whose HTML changed: one JSON file of `{ version, pages: { [url]: { hash, text } } }`, the
 * hash being of the whole exported page. A text is reused only when the version and the
 * page's hash both match; anything else, an unreadable file included, is parsed again.
 * Deleting the file is always safe. `save` keeps only the pages of this build.
 */
function openSearchTextCache(file: string) {
  const version = searchTextVersion();
  let previous: Record<string, CachedText> = {};
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown; pages?: Record<string, CachedText> };
    if (saved.version === version && saved.pages) previous = saved.pages;
  } catch {
    // No cache yet, or one that cannot be read: every page is parsed.
  }
  const current: Record<string, CachedText> = {};
  return {
    /** The body text of the exported page at `url`; an error naming the page if it has no post body. */
    textOf(url: string, page: ExportedPage): string {
      const hash = createHash('sha256').update(page.html).digest('base64url');
      const text = previous[url]?.hash === hash ? previous[url].text : bodyText(requirePostBody(page, 'the search index'));
      current[url] = { hash, text };
      return text;
    },
    save() {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ version, pages: current }));
    },
  };
}

/** What `pagefind-entry.json` says of the index: its languages, each with its WebAssembly build and page count. */
interface PagefindEntry {
  languages: Record<string, { wasm: string | null; page_count: number }>;
}

/** The URLs of the records in the fragment `files` (paths relative to `indexDir`; gzipped JSON after a signature). */
const indexedUrls = (indexDir: string, files: string[]): Set<string> =>
  new Set(
    files
      .filter((file) => file.endsWith('.pf_fragment'))
      .map((file) => (JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(indexDir, file))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string }).url),
  );

/**
 * Whether a search loads `file` (a path in the index folder, with `/`): Pagefind's script, its
 * entry file, the WebAssembly of the index's languages, and the index itself (metadata,
 * word, fragment and filter chunks). Its ready-made search UIs, the highlighter and the Web
 * Worker copy of the script are not loaded: the search page has its own UI and runs Pagefind
 * on the page.
 */
function searchLoads(file: string, { languages }: PagefindEntry): boolean {
  const wasm = Object.values(languages).map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`);
  return file === 'pagefind.js' || file === 'pagefind-entry.json' || wasm.includes(file) || /\.pf_(meta|index|fragment|filter)$/.test(file);
}

/**
 * How many records are on their way to Pagefind at once. Enough to keep its indexer busy
 * while the next pages are read; sending every record at once made Pagefind hold them all
 * (1.7 GB at 10,000 posts).
 */
const RECORDS_IN_FLIGHT = 64;

/** Where the search text cache is, and what to do while Pagefind writes the index. */
export interface SearchIndexOptions {
  cacheFile?: string;
  /**
   * Run in this process once every record is in Pagefind's hands, while its own process writes
   * the index files: work of the post-export step that needs neither (about 2 s at 1000 posts,
   * of which overlapping saved 0.8 s on two cores).
   */
  meanwhile?: () => void;
}

/**
 * Writes the search index of the manifest's published posts to `out/pagefind/`, in place of
 * any index an earlier build left; returns how many posts it holds, and its files and bytes.
 * The body texts are kept in `cacheFile` for the next build (see `openSearchTextCache`).
 */
export async function writeSearchIndex(manifest: BuildManifest, outDir: string, { cacheFile = searchTextCacheFile(outDir), meanwhile }: SearchIndexOptions = {}): Promise<SearchIndexSize> {
  const indexDir = path.join(outDir, SEARCH_INDEX_DIR);
  const texts = openSearchTextCache(cacheFile);
  fs.rmSync(indexDir, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex();
  const added: Promise<NewFileResponse>[] = [];
  const inFlight = new Set<Promise<boolean>>();
  const sent: PostSummary[] = [];
  try {
    if (!index) throw new Error(`Cannot create the search index: ${errors.join('; ')}`);
    for (const summary of manifest.posts.filter((entry) => !entry.draft && !entry.scheduled)) {
      // Records hold site paths: the search page's script gives Pagefind the base path, which it puts before them.
      const post = { ...summary, url: sitePathOf(manifest, summary.url) };
      const text = texts.textOf(post.url, readExportedPost(manifest, outDir, summary.url, 'the search index'));
      // Each post in its language's index: Pagefind searches the one of the search page's `<html lang>`.
      const language = manifest.site.languages.find(({ code }) => code === summary.lang) ?? manifest.site;
      const request = index.addCustomRecord(recordOf(post, text, { language: summary.lang, dateLocale: language.dateLocale }));
      // Settles either way; a failure is reported from `added` below.
      const settled: Promise<boolean> = request.catch(() => {}).then(() => inFlight.delete(settled));
      inFlight.add(settled);
      added.push(request);
      sent.push(post);
      if (inFlight.size >= RECORDS_IN_FLIGHT) await Promise.race(inFlight);
    }
    const responses = await Promise.all(added).catch((error) => {
      throw new Error(`Cannot write the search index: Pagefind failed: ${error instanceof Error ? error.message : error}`);
    });
    const failures = responses.flatMap((response) => response.errors);
    if (failures.length) throw new Error(`Cannot write the search index: ${failures.join('; ')}`);
    // Pagefind writes the files itself: handing 10,000 posts' index back through its service
    // would hold it all, twice over, in this process's memory.
    const writing = index.writeFiles({ outputPath: indexDir });
    try {
      meanwhile?.();
    } catch (error) {
      await writing.catch(() => {});
      throw error;
    }
    const written = await writing;
    if (written.errors.length) throw new Error(`Cannot write the search index: ${written.errors.join('; ')}`);
    const files = fs
      .readdirSync(indexDir, { recursive: true, encoding: 'utf8' })
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => fs.statSync(path.join(indexDir, file)).isFile());
    if (!files.includes('pagefind-entry.json')) throw new Error('Cannot write the search index: Pagefind wrote no pagefind-entry.json');
    const entry = JSON.parse(fs.readFileSync(path.join(indexDir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    // Pagefind leaves out, without an error, a record in which it finds no word.
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    if (indexed !== sent.length) {
      const urls = indexedUrls(indexDir, files);
      const left = sent.filter((post) => !urls.has(post.url)).map((post) => `${post.url} ("${post.title}")`);
      throw new Error(`Cannot write the search index: Pagefind found no words to index in ${left.join(', ')}`);
    }
    let bytes = 0;
    let kept = 0;
    for (const file of files) {
      const target = path.join(indexDir, file);
      if (!searchLoads(file, entry)) {
        fs.rmSync(target);
        continue;
      }
      kept += 1;
      bytes += fs.statSync(target).size;
    }
    // Folders left empty by the files removed (Pagefind's UI folders, if any).
    for (const dir of fs.readdirSync(indexDir, { withFileTypes: true })) {
      const full = path.join(indexDir, dir.name);
      if (dir.isDirectory() && fs.readdirSync(full, { recursive: true }).length === 0) fs.rmSync(full, { recursive: true });
    }
    texts.save();
    return { posts: added.length, files: kept, bytes };
  } finally {
    // Records already sent are settled before the Pagefind process stops, even when a later post failed.
    await Promise.allSettled(added);
    await pagefind.close();
  }
}
