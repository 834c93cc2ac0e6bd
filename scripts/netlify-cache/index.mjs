// @ts-check
/**
 * A Netlify build plugin, local to the repository (netlify.toml, `[[plugins]]`), that keeps
 * `.next/cache/` between builds: Folio's compiled bodies, made images and drawn cards
 * (lib/node/folders.ts) and Next's own cache. Netlify keeps no folder of a build by itself,
 * and its Next.js runtime, which would keep this one, is skipped (`NETLIFY_NEXT_PLUGIN_SKIP`):
 * the export in out/ is the whole site. So a push rebuilds only what changed, as on GitHub
 * Pages (.github/workflows/deploy.yml). Every cache entry's key holds what made it (content,
 * settings, the pipeline's module graph), so a restored cache is never stale.
 *
 * Plain JavaScript, type-checked by `npm run typecheck` (`@ts-check`): Netlify loads a local
 * plugin before any build step could compile it.
 */

/** What Folio's build leaves for the next build, relative to the project. */
export const CACHED_FOLDER = '.next/cache';

/**
 * @typedef {{ restore(path: string): Promise<boolean>, save(path: string): Promise<boolean> }} NetlifyCache
 * @typedef {{ utils: { cache: NetlifyCache } }} NetlifyEvent
 */

/** Before the build: puts back the folder the last successful build saved, if any. @param {NetlifyEvent} event */
export async function onPreBuild({ utils }) {
  const restored = await utils.cache.restore(CACHED_FOLDER);
  console.log(restored ? `Folio: restored ${CACHED_FOLDER} from the last build` : `Folio: no ${CACHED_FOLDER} saved yet; this build starts cold`);
}

/** After a successful build: saves the folder for the next one. @param {NetlifyEvent} event */
export async function onPostBuild({ utils }) {
  const saved = await utils.cache.save(CACHED_FOLDER);
  console.log(saved ? `Folio: saved ${CACHED_FOLDER} for the next build` : `Folio: the build left no ${CACHED_FOLDER} to save`);
}
