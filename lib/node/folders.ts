/**
 * The folders the build reads its posts from and writes besides `out/`, named once.
 *
 * Folio keeps its caches, and what the prepare step leaves for `next build` and the
 * post-export step, in `.next/cache/folio/`: `next build` empties `.next/` when it starts,
 * except `cache/`.
 */
import path from 'node:path';

/** The posts folder of the project at `root` (`FOLIO_POSTS_DIR` points it at another folder, as tests and benchmarks do). */
export const postsDirOf = (root: string) => path.resolve(root, process.env.FOLIO_POSTS_DIR ?? 'posts');

/** The id `next build` gives the `.next/` it writes, in the project at `root`. */
export const nextBuildIdFile = (root: string) => path.join(root, '.next', 'BUILD_ID');

/** Folio's folder in Next's cache, in the project at `root`. */
export const folioCacheDir = (root: string) => path.join(root, '.next', 'cache', 'folio');

/** Compiled and rendered post bodies (lib/build/compile-cache.ts). */
export const compiledBodiesDir = (root: string) => path.join(folioCacheDir(root), 'compiled');

/** The file of the compiled body under `key` in the cache folder `dir`. */
export const compiledEntryFile = (dir: string, key: string) => path.join(dir, key.slice(0, 2), `${key}.json`);

/** Posts as the content loader parsed them (lib/build/parse-cache.ts). */
export const parseCacheFile = (root: string) => path.join(folioCacheDir(root), 'parsed.json');

/** Images the build made (lib/images/cache.ts). */
export const madeImagesDir = (root: string) => path.join(folioCacheDir(root), 'images');

/** The prepared site the pages read (lib/page-props/site-data.ts). */
export const siteDataFile = (root: string) => path.join(folioCacheDir(root), 'site.json');

/** What the post-export step needs to know of the site (lib/build/manifest.ts). */
export const buildManifestFile = (root: string) => path.join(folioCacheDir(root), 'content-manifest.json');

/** What the last complete `npm run build` was made from (lib/build/last-build.ts). */
export const lastBuildFile = (root: string) => path.join(folioCacheDir(root), 'last-build.json');

/** tsc's own record of its last check (lib/build/type-check.ts), so that it checks again only the files that changed. */
export const typeCheckBuildInfoFile = (root: string) => path.join(folioCacheDir(root), 'types.tsbuildinfo');

/** What the last type check that passed read (lib/build/type-check.ts): with the same inputs, no check runs. */
export const typeCheckRecordFile = (root: string) => path.join(folioCacheDir(root), 'types-checked');
