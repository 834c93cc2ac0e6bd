/**
 * The exported pages as the post-export step reads them (lib/export/feeds.ts,
 * lib/export/search-index.ts): where a post's page is in `out/`, and its body, the
 * `[data-post-body]` element the post template puts the compiled post in. One reader, so the
 * feeds and the search index always take the same element of the same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { select } from 'hast-util-select';
import { parse } from 'parse5';
import type { BuildManifest } from './manifest-file';
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
