// @ts-check
/**
 * The folders the build writes besides `out/`, named once. Plain JavaScript, so that the
 * post-export step can use it under Node.
 *
 * Folio keeps its caches, and what the prepare step leaves for `next build` and the
 * post-export step, in `.next/cache/folio/`: `next build` empties `.next/` when it starts,
 * except `cache/`.
 */
import path from 'node:path';

/** Folio's folder in Next's cache, in the project at `root`. */
export const folioCacheDir = (/** @type {string} */ root) => path.join(root, '.next', 'cache', 'folio');

/** Compiled and rendered post bodies (lib/compile-cache.ts). */
export const compiledBodiesDir = (/** @type {string} */ root) => path.join(folioCacheDir(root), 'compiled');

/** Images the build made (lib/image-cache.ts). */
export const madeImagesDir = (/** @type {string} */ root) => path.join(folioCacheDir(root), 'images');

/** The prepared site the pages read (lib/site-data.ts). */
export const siteDataFile = (/** @type {string} */ root) => path.join(folioCacheDir(root), 'site.json');

/** What the post-export step needs to know of the site (lib/build-manifest.ts). */
export const buildManifestFile = (/** @type {string} */ root) => path.join(folioCacheDir(root), 'content-manifest.json');
