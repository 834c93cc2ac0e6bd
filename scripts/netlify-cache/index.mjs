// @ts-check
/**
 * A Netlify build plugin, local to the repository (netlify.toml, `[[plugins]]`), that keeps
 * what a build leaves for the next between builds: `.next/` (Folio's compiled bodies, made
 * images and drawn cards in `.next/cache/folio/`, lib/node/folders.ts, Next's own cache and
 * its compiled pages) and `out/`. Netlify keeps no folder of a build by itself, and its
 * Next.js runtime, which would keep `.next/cache/`, is skipped (`NETLIFY_NEXT_PLUGIN_SKIP`):
 * the export in out/ is the whole site. So a push that edits posts' bodies renders only their
 * pages, and any other push redoes only what changed, as on GitHub Pages
 * (.github/workflows/deploy.yml). Every cache entry's key holds what made it (content,
 * settings, the pipeline's module graph), and a build renders pages alone only into the
 * `.next/` and `out/` its record names (lib/build/last-build.ts), so nothing restored is stale.
 *
 * Plain JavaScript, type-checked by `npm run typecheck` (`@ts-check`): Netlify loads a local
 * plugin before any build step could compile it.
 */

/** What Folio's build leaves for the next build, relative to the project. */
const CACHED_FOLDERS = ['.next', 'out'];

/**
 * @typedef {{ restore(path: string): Promise<boolean>, save(path: string): Promise<boolean> }} NetlifyCache
 * @typedef {{ utils: { cache: NetlifyCache } }} NetlifyEvent
 */

/** Before the build: puts back the folders the last successful build saved, if any. @param {NetlifyEvent} event */
export async function onPreBuild({ utils }) {
  for (const folder of CACHED_FOLDERS) {
    const restored = await utils.cache.restore(folder);
    console.log(restored ? `Folio: restored ${folder} from the last build` : `Folio: no ${folder} saved yet; this build starts without it`);
  }
}

/** After a successful build: saves the folders for the next one. @param {NetlifyEvent} event */
export async function onPostBuild({ utils }) {
  for (const folder of CACHED_FOLDERS) {
    const saved = await utils.cache.save(folder);
    console.log(saved ? `Folio: saved ${folder} for the next build` : `Folio: the build left no ${folder} to save`);
  }
}
