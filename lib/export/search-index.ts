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
 * A site with more than `POSTS_PER_INDEX_PART` posts of a language has its index in parts,
 * which the search page merges, so that Pagefind's indexer never holds more than one part.
 */
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
import { SEARCH_INDEX_DIR, SEARCH_INDEX_PARTS_FILE, searchIndexPartFolder } from '../routes/table';
import { openPageCache, pageCacheFile, pageCodeVersion, POST_BODY_SELECTOR, postBodyOf, readExportedPost, requirePostBody, sitePathOf } from './exported-pages';

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

/** How many posts the search index holds, in how many parts, and its files and bytes. */
export interface SearchIndexSize {
  posts: number;
  parts: number;
  files: number;
  bytes: number;
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

/** Where a build keeps its search texts (`openPageCache`). */
export const searchTextCacheFile = (outDir: string): string => pageCacheFile(outDir, 'search-text.json');

/** The version of the search texts: the code that makes a text from a page, and the packages it runs. */
const searchTextVersion = () => pageCodeVersion([postBodyOf, bodyText, POST_BODY_SELECTOR, NOT_TEXT], ['parse5', 'hast-util-from-parse5', 'hast-util-select', 'hast-util-to-text', 'unist-util-visit']);

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
 * Whether a search loads `file` (a path in a part's folder, with `/`) of an index part:
 * the index itself (metadata, word, fragment and filter chunks) and its entry file, and from
 * the first part also Pagefind's script and the WebAssembly of the index's languages, which
 * the parts merged into it share. Its ready-made search UIs, the highlighter and the Web
 * Worker copy of the script are not loaded: the search page has its own UI and runs Pagefind
 * on the page.
 */
function searchLoads(file: string, { languages }: PagefindEntry, first: boolean): boolean {
  const wasm = Object.values(languages).map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`);
  return file === 'pagefind-entry.json' || /\.pf_(meta|index|fragment|filter)$/.test(file) || (first && (file === 'pagefind.js' || wasm.includes(file)));
}

/**
 * How many records are on their way to Pagefind at once. Enough to keep its indexer busy
 * while the next pages are read; sending every record at once made Pagefind hold them all
 * (1.7 GB at 10,000 posts).
 */
const RECORDS_IN_FLIGHT = 64;

/**
 * The most posts of one language that one part of the search index holds. Pagefind's indexer
 * holds a whole index in memory until it writes it, so the index of a larger site is written
 * in parts, one Pagefind process after another, and the search page merges them (Pagefind's
 * `mergeIndex`). The indexer alone, on the 10,000-post corpus's texts: 1911 MB in one part,
 * 1076 MB in parts of 5000, 663 MB in parts of 2500, 454 MB in parts of 1250, in about the
 * same time (20–24 s). Each part costs a search a few requests more.
 */
const POSTS_PER_INDEX_PART = 2500;

/** Where the search text cache is, and what to do while Pagefind writes the index. */
export interface SearchIndexOptions {
  cacheFile?: string;
  /**
   * Run in this process once every record is in Pagefind's hands, while its own process writes
   * the index files (of the last part): work of the post-export step that needs neither (about
   * 2 s at 1000 posts, of which overlapping saved 0.8 s on two cores).
   */
  meanwhile?: () => void;
  /** At most this many posts of a language in a part (`POSTS_PER_INDEX_PART`). */
  postsPerPart?: number;
}

/**
 * The published posts in parts for the search index: the first `postsPerPart` posts of each
 * language in the first part, the next in the second, and so on, so that every part holds the
 * posts of a language that are in it under that language (a part without the search page's
 * language would give it results in another). Always one part, if an empty one.
 */
function indexParts(posts: PostSummary[], postsPerPart: number): PostSummary[][] {
  const parts: PostSummary[][] = [[]];
  const seen = new Map<string, number>();
  for (const post of posts) {
    const position = seen.get(post.lang) ?? 0;
    seen.set(post.lang, position + 1);
    (parts[Math.floor(position / postsPerPart)] ??= []).push(post);
  }
  return parts;
}

/** The URL of a part's vocabulary record (`vocabularyRecord`): in the index's folder, so no post can have it. */
const VOCABULARY_URL = `/${SEARCH_INDEX_DIR}/vocabulary/`;

/** What the search page needs of a language's index in parts: the folders of its parts after the first, and the page ids of their vocabulary records. */
interface LanguageParts {
  parts: string[];
  vocabulary: string[];
}

/**
 * A record that holds every word of a language's posts in all the parts, added to each part of
 * an index in parts. Pagefind searches a word in a part by the words that start with it, and
 * when none does, by the longest word that the searched word starts with: "heliotrope" in a
 * part without it finds every post there that says "he". With the same words in every part,
 * each part finds what one whole index would. The search page leaves the record out of the
 * results, by its page id (`SEARCH_INDEX_PARTS_FILE`).
 */
function vocabularyRecord(language: string, records: CustomRecord[]): CustomRecord {
  const words = new Set<string>();
  for (const record of records) for (const text of [record.content, ...Object.values(record.meta ?? {})]) for (const word of text.split(/\s+/)) words.add(word);
  return { url: VOCABULARY_URL, language, content: [...words].join(' '), meta: { title: 'vocabulary' } };
}

/**
 * Adds the vocabulary record of each language that is in more than one part to every part
 * that holds it; returns, for each such language, the folders of its parts after the first
 * (its vocabulary records' page ids are known once the parts are written).
 */
function addVocabularies(partRecords: CustomRecord[][]): Record<string, LanguageParts> {
  const languageParts: Record<string, LanguageParts> = {};
  for (const [position, records] of partRecords.entries()) {
    if (position === 0) continue;
    for (const lang of new Set(records.map((record) => record.language))) (languageParts[lang] ??= { parts: [], vocabulary: [] }).parts.push(searchIndexPartFolder(position + 1));
  }
  for (const lang of Object.keys(languageParts)) {
    const holding = partRecords.filter((records) => records.some((record) => record.language === lang));
    const vocabulary = vocabularyRecord(lang, holding.flatMap((records) => records.filter((record) => record.language === lang)));
    for (const records of holding) records.push(vocabulary);
  }
  return languageParts;
}

/**
 * The page id that Pagefind gave the vocabulary record of `language` in the part in `dir`: the
 * name of its fragment file, found by reading the language's fragments largest first (it is
 * nearly always the largest, holding every word).
 */
function vocabularyPageId(dir: string, language: string): string {
  const fragmentDir = path.join(dir, 'fragment');
  const fragments = fs
    .readdirSync(fragmentDir)
    .filter((file) => file.startsWith(`${language}_`))
    .map((file) => ({ file, bytes: fs.statSync(path.join(fragmentDir, file)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  const found = fragments.find(({ file }) => indexedUrls(fragmentDir, [file]).has(VOCABULARY_URL));
  if (!found) throw new Error(`Cannot write the search index: Pagefind wrote no vocabulary record in ${dir}`);
  return found.file.replace(/\.pf_fragment$/, '');
}

/**
 * Writes one part of the search index to `dir` with a Pagefind process of its own, which it
 * stops at the end, and keeps there only what a search loads: the first part is the one the
 * search page loads Pagefind's script and WebAssembly from, and the others are merged into it.
 * Records may be made as Pagefind takes them (a generator), so that pages are read one at a
 * time. Returns the part's files and bytes.
 */
async function writeIndexPart(records: Iterable<CustomRecord>, dir: string, { first, meanwhile }: { first: boolean; meanwhile?: () => void }) {
  const { index, errors } = await pagefind.createIndex();
  const added: Promise<NewFileResponse>[] = [];
  const inFlight = new Set<Promise<boolean>>();
  const sent: CustomRecord[] = [];
  try {
    if (!index) throw new Error(`Cannot create the search index: ${errors.join('; ')}`);
    for (const record of records) {
      const request = index.addCustomRecord(record);
      // Settles either way; a failure is reported from `added` below.
      const settled: Promise<boolean> = request.catch(() => {}).then(() => inFlight.delete(settled));
      inFlight.add(settled);
      added.push(request);
      sent.push(record);
      if (inFlight.size >= RECORDS_IN_FLIGHT) await Promise.race(inFlight);
    }
    const responses = await Promise.all(added).catch((error) => {
      throw new Error(`Cannot write the search index: Pagefind failed: ${error instanceof Error ? error.message : error}`);
    });
    const failures = responses.flatMap((response) => response.errors);
    if (failures.length) throw new Error(`Cannot write the search index: ${failures.join('; ')}`);
    // Pagefind writes the files itself: handing 10,000 posts' index back through its service
    // would hold it all, twice over, in this process's memory.
    const writing = index.writeFiles({ outputPath: dir });
    try {
      meanwhile?.();
    } catch (error) {
      await writing.catch(() => {});
      throw error;
    }
    const written = await writing;
    if (written.errors.length) throw new Error(`Cannot write the search index: ${written.errors.join('; ')}`);
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => fs.statSync(path.join(dir, file)).isFile());
    if (!files.includes('pagefind-entry.json')) throw new Error('Cannot write the search index: Pagefind wrote no pagefind-entry.json');
    const entry = JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    // Pagefind leaves out, without an error, a record in which it finds no word.
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    if (indexed !== sent.length) {
      const urls = indexedUrls(dir, files);
      const left = sent.filter((record) => !urls.has(record.url)).map((record) => `${record.url} ("${record.meta?.title}")`);
      throw new Error(`Cannot write the search index: Pagefind found no words to index in ${left.join(', ')}`);
    }
    let bytes = 0;
    let kept = 0;
    for (const file of files) {
      const target = path.join(dir, file);
      if (!searchLoads(file, entry, first)) {
        fs.rmSync(target);
        continue;
      }
      kept += 1;
      bytes += fs.statSync(target).size;
    }
    // Folders left empty by the files removed (Pagefind's UI folders, if any).
    for (const folder of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, folder.name);
      if (folder.isDirectory() && fs.readdirSync(full, { recursive: true }).length === 0) fs.rmSync(full, { recursive: true });
    }
    return { files: kept, bytes };
  } finally {
    // Records already sent are settled before the Pagefind process stops, even when a later post failed.
    await Promise.allSettled(added);
    await pagefind.close();
  }
}

/**
 * Writes the search index of the manifest's published posts to `out/pagefind/`, in place of
 * any index an earlier build left; returns how many posts it holds, and its files and bytes.
 * A site with more than `postsPerPart` posts of a language gets an index in parts
 * (`POSTS_PER_INDEX_PART`): the first in `out/pagefind/`, the others in its
 * `searchIndexPartFolder`s, listed for each language in its `SEARCH_INDEX_PARTS_FILE`, which
 * is always written. The body texts are kept in `cacheFile` for the next build
 * (`openPageCache`, lib/export/exported-pages.ts).
 */
export async function writeSearchIndex(
  manifest: BuildManifest,
  outDir: string,
  { cacheFile = searchTextCacheFile(outDir), meanwhile, postsPerPart = POSTS_PER_INDEX_PART }: SearchIndexOptions = {},
): Promise<SearchIndexSize> {
  const indexDir = path.join(outDir, SEARCH_INDEX_DIR);
  const texts = openPageCache(cacheFile, searchTextVersion(), (page) => bodyText(requirePostBody(page, 'the search index')));
  fs.rmSync(indexDir, { recursive: true, force: true });
  const parts = indexParts(
    manifest.posts.filter((entry) => !entry.draft && !entry.scheduled),
    postsPerPart,
  );
  /** A post's search record, from its exported page. */
  function recordFor(summary: PostSummary): CustomRecord {
    // Records hold site paths: the search page's script gives Pagefind the base path, which it puts before them.
    const post = { ...summary, url: sitePathOf(manifest, summary.url) };
    const text = texts.valueOf(post.url, readExportedPost(manifest, outDir, summary.url, 'the search index'));
    // Each post in its language's index: Pagefind searches the one of the search page's `<html lang>`.
    const language = manifest.site.languages.find(({ code }) => code === summary.lang) ?? manifest.site;
    return recordOf(post, text, { language: summary.lang, dateLocale: language.dateLocale });
  }
  /** The records of a site in one part, made as Pagefind takes them. */
  function* recordsOf(posts: PostSummary[]): Generator<CustomRecord> {
    for (const summary of posts) yield recordFor(summary);
  }
  // Several parts: every record first, for the vocabulary of each language in more than one.
  const partRecords = parts.length > 1 ? parts.map((posts) => posts.map(recordFor)) : null;
  const languageParts = partRecords ? addVocabularies(partRecords) : {};

  const size: SearchIndexSize = { posts: 0, parts: parts.length, files: 0, bytes: 0 };
  for (const [position, posts] of parts.entries()) {
    const first = position === 0;
    const dir = first ? indexDir : path.join(indexDir, searchIndexPartFolder(position + 1));
    const written = await writeIndexPart(partRecords?.[position] ?? recordsOf(posts), dir, { first, meanwhile: position === parts.length - 1 ? meanwhile : undefined });
    for (const [lang, parts] of Object.entries(languageParts)) {
      // A page id is a hash of the record, the same in every part when nothing else differs.
      if (posts.some((post) => post.lang === lang)) parts.vocabulary = [...new Set([...parts.vocabulary, vocabularyPageId(dir, lang)])];
    }
    size.posts += posts.length;
    size.files += written.files;
    size.bytes += written.bytes;
  }
  const partsFile = path.join(indexDir, SEARCH_INDEX_PARTS_FILE);
  fs.writeFileSync(partsFile, JSON.stringify(languageParts));
  size.files += 1;
  size.bytes += fs.statSync(partsFile).size;
  texts.save();
  return size;
}
