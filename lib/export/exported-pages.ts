/**
 * The exported pages as the post-export step reads them (lib/export/feeds.ts,
 * lib/export/search-index.ts): where a post's page is in `out/`, and its body, the
 * `[data-post-body]` element the post template puts the compiled post in. One reader, so the
 * feeds and the search index always take the same element of the same file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { select } from 'hast-util-select';
import { parse } from 'parse5';
import type { BuildManifest } from './manifest-file';
import { folioCacheDir } from '../node/folders';
import { packageVersion } from '../node/packages';
import { stripBasePath } from '../routes/base-path';

/** The selector of a post page's body. */
export const POST_BODY_SELECTOR = '[data-post-body]';

/**
 * The path in `outDir` of the file at a site path. URLs may hold percent-encoded or plain
 * non-ASCII segments; the files are named with the decoded ones.
 */
export const exportedFile = (outDir: string, sitePath: string): string => path.join(outDir, ...decodeURIComponent(sitePath).split('/').filter(Boolean));

/** The path of a site path's exported page in `outDir` (`exportedFile`). */
export const exportedPageFile = (outDir: string, sitePath: string): string => path.join(exportedFile(outDir, sitePath), 'index.html');

/**
 * The site path of `href`, one of the manifest's hrefs; an href outside the base path means
 * the manifest and the build disagree.
 */
export function sitePathOf(manifest: BuildManifest, href: string): string {
  const sitePath = stripBasePath(manifest.basePath, href);
  if (sitePath === null) throw new Error(`${href} is not under the base path ${manifest.basePath} the site was built with`);
  return sitePath;
}

/** An exported page: its file in `out/` and its HTML. */
export interface ExportedPage {
  file: string;
  html: string;
}

/**
 * The exported page of the post at `href` (one of the manifest's hrefs), or an error that
 * says what cannot be written (`writing`: "the feeds") and names the post that was not exported.
 */
export function readExportedPost(manifest: BuildManifest, outDir: string, href: string, writing: string): ExportedPage {
  const file = exportedPageFile(outDir, sitePathOf(manifest, href));
  if (!fs.existsSync(file)) throw new Error(`Cannot write ${writing}: ${href} was not exported (no ${file})`);
  return { file, html: fs.readFileSync(file, 'utf8') };
}

/**
 * The post body of an exported page (`pageHtml`), or null if it has none. parse5 straight to
 * hast, with no source positions: three times as fast as hast-util-from-html, which tracks
 * them for messages nobody reads here (1 against 3 ms a corpus page).
 */
export const postBodyOf = (pageHtml: string): Element | null => select(POST_BODY_SELECTOR, fromParse5(parse(pageHtml))) ?? null;

/** The post body of `page`, or an error that says what cannot be written (`writing`) and names the page. */
export function requirePostBody(page: ExportedPage, writing: string): Element {
  const body = postBodyOf(page.html);
  if (body === null) throw new Error(`Cannot write ${writing}: ${page.file} has no ${POST_BODY_SELECTOR} element`);
  return body;
}

/** A value derived from an exported page, with the hash of the page it came from. */
interface CachedValue<T> {
  hash: string;
  value: T;
}

/** The layout of a page cache's file: a change to it makes every file of an earlier layout a miss. */
const PAGE_CACHE_FORMAT = 'page-cache/1';

/** Where a build keeps the page cache `name`: in the cache folder of the `.next/` beside its `out/`. */
export const pageCacheFile = (outDir: string, name: string): string => path.join(folioCacheDir(path.dirname(outDir)), name);

/**
 * The version of what `code` derives from a page: its functions' source, its other values
 * (selectors, lists), and the versions of the `packages` it runs, found from the working
 * directory as the build finds them. Any change to either makes every cached value a miss.
 */
export function pageCodeVersion(code: readonly unknown[], packages: readonly string[]): string {
  const hash = createHash('sha256').update(code.map((part) => (typeof part === 'function' ? String(part) : JSON.stringify(part))).join('\0'));
  for (const name of packages) hash.update(`\0${name}@${packageVersion(name)}`);
  return hash.digest('hex');
}

/**
 * What the post-export step derives from each exported post page (its search text, its feed
 * body), kept from one build to the next, so that a rebuild parses only the pages whose HTML
 * changed: one JSON file of `{ version, pages: { [key]: { hash, value } } }`, the hash being of
 * the whole page. `version` names the code that derives a value and the versions of the
 * packages it runs. A value is reused only when the version and the page's hash both match;
 * anything else, an unreadable file included, is derived again. Deleting the file is always
 * safe. `save` keeps only the pages of this build.
 */
export function openPageCache<T>(file: string, version: string, derive: (page: ExportedPage, key: string) => T) {
  const fullVersion = `${PAGE_CACHE_FORMAT}:${version}`;
  let previous: Record<string, CachedValue<T>> = {};
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown; pages?: Record<string, CachedValue<T>> };
    if (saved.version === fullVersion && saved.pages) previous = saved.pages;
  } catch {
    // No cache yet, or one that cannot be read: every page is parsed.
  }
  const current: Record<string, CachedValue<T>> = {};
  return {
    /** What `derive` makes of `page`, the page at `key` (its URL). */
    valueOf(key: string, page: ExportedPage): T {
      const hash = createHash('sha256').update(page.html).digest('base64url');
      const value = previous[key]?.hash === hash ? previous[key].value : derive(page, key);
      current[key] = { hash, value };
      return value;
    },
    save() {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ version: fullVersion, pages: current }));
    },
  };
}
