/**
 * The images the build makes (lib/images/process.ts), kept between builds and published to
 * the site. Under `.next/cache/folio/images/`; deleting it is always safe.
 *
 * An entry's key is a hash of its input (a source image's bytes, or a social card's layout)
 * and of the options that shape the output (widths, formats, encoder settings, sharp's
 * version). Its files are named with that hash, so a changed image gets new URLs and a URL
 * never changes what it serves: `/_img/*` can be cached as immutable.
 *
 *   <cacheDir>/entries/<key>.json   what was made: sizes, formats, file names
 *   <cacheDir>/files/<name>         the files themselves
 *
 * A page publishes the files it shows from the cache into `public/_img/` (git-ignored), which
 * `next dev` serves and `next build` copies into `out/`; the post-export step removes the
 * files no page refers to. This module never loads sharp: a page whose images are all cached
 * only reads and copies files.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BUILT_IMAGES_FOLDER } from '../routes/table';
import { madeImagesDir } from '../node/folders';
import { writeAtomically } from '../node/files';

/**
 * Thrown by a store or cache asked for what it does not hold yet when it may only read
 * (`cachedOnly`): the work is left to a build worker (lib/build/run-prepare.ts).
 */
export class NotCachedError extends Error {
  constructor(what: string) {
    super(`${what} is not cached`);
    this.name = 'NotCachedError';
  }
}

export interface ImageDirs {
  /** The image cache. */
  cacheDir: string;
  /** The site's `public/` folder. */
  publicDir: string;
  /** The project root, which `ImageUse.source` is relative to. */
  root: string;
}

/** The image folders of the project at `root`. */
export const projectImageDirs = (root = process.cwd()): ImageDirs => ({
  cacheDir: madeImagesDir(root),
  publicDir: path.join(root, 'public'),
  root,
});

/** A local image a compiled body shows: which file, which version of it, and the files the build made from it. */
export interface ImageUse {
  /** The image's path relative to the project root, with `/` separators. */
  source: string;
  /** sha256 of its bytes when the body was compiled. */
  hash: string;
  /** Names in `/_img/`; none for an image shown as it is (SVG, GIF). */
  files: string[];
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const knownHashes = new Map<string, { size: number; mtimeMs: number; hash: string }>();

/** sha256 of a file's bytes, read again only when its size or time changed; null if there is no such file. */
export function fileHash(file: string): string | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return null;
  const known = knownHashes.get(file);
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.hash;
  const hash = sha256(fs.readFileSync(file));
  knownHashes.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, hash });
  return hash;
}

const entryPath = (dirs: ImageDirs, key: string) => path.join(dirs.cacheDir, 'entries', `${key}.json`);
const cachedPath = (dirs: ImageDirs, name: string) => path.join(dirs.cacheDir, 'files', name);
const publishedPath = (dirs: ImageDirs, name: string) => path.join(dirs.publicDir, BUILT_IMAGES_FOLDER, name);

/** What a cache entry holds: anything, plus the names of its files. */
export interface CacheEntry {
  files: string[];
}

/** The entry under `key`; null when there is none, it cannot be read, or one of its files is gone. */
export function readEntry<T extends CacheEntry>(dirs: ImageDirs, key: string): T | null {
  try {
    const entry = JSON.parse(fs.readFileSync(entryPath(dirs, key), 'utf8')) as T;
    return entry.files.every((name) => fs.existsSync(cachedPath(dirs, name))) ? entry : null;
  } catch {
    return null;
  }
}

/** Stores an entry's files (name → bytes), then the entry, so an entry is never there without its files. */
export function writeEntry(dirs: ImageDirs, key: string, entry: CacheEntry, data: Map<string, Buffer>): void {
  for (const name of entry.files) {
    const bytes = data.get(name);
    if (!bytes) throw new Error(`image cache entry ${key} names ${name} but has no bytes for it`);
    writeAtomically(cachedPath(dirs, name), bytes);
  }
  writeAtomically(entryPath(dirs, key), JSON.stringify(entry));
}

/**
 * Copies the named files from the cache into `public/_img/` where they are not there yet (they
 * never change, so being there is enough).
 */
export function publishImages(dirs: ImageDirs, names: string[]): void {
  for (const name of names) {
    const target = publishedPath(dirs, name);
    if (fs.existsSync(target)) continue;
    // Build workers may publish the same file at once.
    writeAtomically(target, fs.readFileSync(cachedPath(dirs, name)));
  }
}

/** True when every image still has the bytes it had and its files are still at hand, so markup made from them is current. */
export function imagesAreCurrent(dirs: ImageDirs, uses: readonly ImageUse[]): boolean {
  return uses.every(
    (use) =>
      fileHash(path.join(dirs.root, use.source)) === use.hash &&
      use.files.every((name) => fs.existsSync(publishedPath(dirs, name)) || fs.existsSync(cachedPath(dirs, name))),
  );
}
