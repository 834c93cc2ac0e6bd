/**
 * What in `posts/` is a post: a Markdown or MDX file, or a folder with one `index` source and
 * its assets. Links are followed while they stay inside the project.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { followLink, type SourceAreas } from './post-files';
import { asContentError, ContentError } from './errors';
import { slugify } from './slug';
import type { BrokenPost, SourceFormat } from './types';

/** Extensions of Markdown files, as Jekyll and Hugo read them; compared in lower case. */
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mkdown']);

/** The format of a post source named `name`, or null if it is not one. */
function sourceFormat(name: string): SourceFormat | null {
  const extension = path.extname(name).toLowerCase();
  return extension === '.mdx' ? 'mdx' : MARKDOWN_EXTENSIONS.has(extension) ? 'md' : null;
}

const isIndex = (name: string) => sourceFormat(name) !== null && path.basename(name, path.extname(name)).toLowerCase() === 'index';

export interface SourceFile {
  file: string;
  /** Its path in `posts/`, links not followed: what messages name. */
  shownFile: string;
  format: SourceFormat;
  /** The name the default slug comes from: the file's, or its folder's for `index.*`. */
  name: string;
  assetDir: string | null;
  /** The language whose folder (`posts/<code>/`) holds it, or null for a source outside one. */
  folderLanguage: string | null;
}

interface FoundSources {
  sources: SourceFile[];
  errors: BrokenPost[];
  warnings: ContentError[];
}

/**
 * Lists the post sources in `dir`. A folder without exactly one index, and a link that may not
 * be followed, is an error; any other file is a warning, since it is not published. A folder
 * named as one of `languageFolders` (`posts/fr/`) is no post: its entries are that language's.
 */
export function findSources(dir: string, areas: SourceAreas, languageFolders: ReadonlySet<string> = new Set()): FoundSources {
  const found: FoundSources = { sources: [], errors: [], warnings: [] };
  const visible = (name: string) => !name.startsWith('.') && !name.startsWith('_');
  const entries = (folder: string, folderLanguage: string | null) =>
    fs.readdirSync(folder, { withFileTypes: true }).filter((e) => visible(e.name)).map((entry) => ({ entry, full: path.join(folder, entry.name), folderLanguage }));
  const top = entries(dir, null);
  const isLanguageFolder = ({ entry }: (typeof top)[number]) => entry.isDirectory() && languageFolders.has(entry.name);
  const all = [...top.filter((item) => !isLanguageFolder(item)), ...top.filter(isLanguageFolder).flatMap((item) => entries(item.full, item.entry.name))];
  for (const { entry, full, folderLanguage } of all) {
    try {
      findSource(entry, full, areas, found, folderLanguage);
    } catch (error) {
      const shown = areas.relative(full);
      found.errors.push({ slug: slugify(path.basename(entry.name, path.extname(entry.name))), sourcePath: shown, error: asContentError(error, shown) });
    }
  }
  found.sources.sort((a, b) => a.shownFile.localeCompare(b.shownFile));
  return found;
}

/** Adds what the entry `full` of `posts/` is to `found`: a source, an error or a warning. */
function findSource(entry: fs.Dirent, full: string, areas: SourceAreas, found: FoundSources, folderLanguage: string | null): void {
  const name = path.basename(entry.name, path.extname(entry.name));
  const fail = (shown: string, detail: string, slugName = name) => found.errors.push({ slug: slugify(slugName), sourcePath: shown, error: new ContentError(shown, detail) });
  let real = full;
  if (entry.isSymbolicLink()) {
    const followed = followLink(full, areas);
    if ('problem' in followed) {
      fail(areas.relative(full), followed.problem);
      return;
    }
    real = followed.real;
  }
  const stat = fs.statSync(real);
  const format = sourceFormat(entry.name);
  if (stat.isFile() && format) {
    found.sources.push({ file: real, shownFile: full, format, name, assetDir: null, folderLanguage });
  } else if (stat.isDirectory()) {
    const folder = `${areas.relative(full)}/`;
    const indexes = fs.readdirSync(real).filter(isIndex).sort();
    if (indexes.length !== 1) {
      const detail = indexes.length ? `has ${indexes.length} index files (${indexes.join(', ')}); keep one` : 'is a folder post without an index.md, index.markdown or index.mdx';
      fail(folder, detail, entry.name);
      return;
    }
    const index = path.join(full, indexes[0]);
    const indexFile = fs.lstatSync(index).isSymbolicLink() ? followLink(index, areas) : { real: index };
    if ('problem' in indexFile) fail(areas.relative(index), indexFile.problem, entry.name);
    else found.sources.push({ file: indexFile.real, shownFile: index, format: sourceFormat(indexes[0])!, name: entry.name, assetDir: full, folderLanguage });
  } else {
    found.warnings.push(
      new ContentError(areas.relative(full), 'is not a post, so it is not published: a post is a .md, .markdown or .mdx file, or a folder with an index.md; start its name with _ to keep it here'),
    );
  }
}

/**
 * The text of a source file. A UTF-8 byte order mark is dropped; anything but UTF-8 is an
 * error with the line of its first stray byte, since decoding it would garble it.
 */
export function readText(file: string, sourcePath: string): string {
  const bytes = fs.readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new ContentError(sourcePath, 'is not UTF-8 text: save it as UTF-8 (it may be Latin-1 or Windows-1252)', { line });
  }
}
