/**
 * The build step that renders some pages again, in place of `next build`, when only their
 * bodies changed (lib/build/changed-pages.ts): Next's own static generation, run on those
 * pages alone with the `.next/` the last build left, then copied into the `out/` it left, as
 * Next's export of a whole site copies each page.
 *
 * `next build` has no way to render only some pages of an export: it compiles the app again,
 * then renders every page twice (once to generate it, once more to export it). Its export
 * function (`next/dist/export`) does take a map of the paths to render; `next build` itself
 * calls it with `buildExport: true` to generate the pages, which writes each page's HTML into
 * `.next/server/pages/`, and its final export copies that HTML to `out/`. Here the same call
 * renders the changed pages with the compiled app and the config `next build` used, so a
 * page's HTML is the HTML a whole build writes (`__tests__/build-changed-pages.test.ts` compares
 * `out/` with a whole build's, file by file). These are Next's internal modules, not a public
 * API: they are resolved from the project's own Next, their types checked against its
 * declarations, and `npm run build` builds every page with `next build` if this step fails.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { exportedPageFile } from '../export/exported-pages';
import { copyNewer } from '../node/files';

/** What Next's prerender manifest (`.next/prerender-manifest.json`) says of each page it rendered: the dynamic page it came from, if any. */
interface PrerenderManifest {
  routes: Record<string, { srcRoute: string | null }>;
}

/** A page to render: its site path (its URL without the base path), Next's path for it, and the page file that renders it. */
export interface PageRoute {
  url: string;
  route: string;
  page: string;
}

/**
 * The route of each URL, from the prerender manifest of the `.next/` in `root`; null when the
 * last `next build` rendered no page at one of them (so they cannot be rendered alone).
 */
export function pageRoutesOf(root: string, urls: readonly string[]): PageRoute[] | null {
  let manifest: PrerenderManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'prerender-manifest.json'), 'utf8')) as PrerenderManifest;
  } catch {
    return null;
  }
  const routes: PageRoute[] = [];
  for (const url of urls) {
    // Next names a page by its decoded path, without the trailing slash.
    const route = decodeURIComponent(url).replace(/(.)\/$/, '$1');
    const rendered = manifest.routes[route];
    if (!rendered) return null;
    routes.push({ url, route, page: rendered.srcRoute ?? route });
  }
  return routes;
}

/** Where Next's static generation writes the HTML of `route` in `distDir`. */
const generatedHtmlFile = (distDir: string, route: string) => path.join(distDir, 'server', 'pages', `${route === '/' ? '/index' : route}.html`);

/**
 * Renders `pages` with the compiled app in `root`'s `.next/` and writes them into its `out/`,
 * with Next's static files and `public/` copied there as Next's export does (the post-export
 * step prunes what no page loads, as after any build); a file copied there before, and not
 * changed since, is left as it is.
 */
export async function renderPages(root: string, pages: readonly PageRoute[]): Promise<void> {
  const requireNext = createRequire(path.join(root, 'package.json'));
  const { default: loadConfig } = requireNext('next/dist/server/config') as typeof import('next/dist/server/config');
  const { PHASE_PRODUCTION_BUILD } = requireNext('next/constants') as typeof import('next/constants');
  const { default: exportApp } = requireNext('next/dist/export') as typeof import('next/dist/export');
  const { trace } = requireNext('next/dist/trace') as typeof import('next/dist/trace');
  const { Bundler } = requireNext('next/dist/lib/bundler') as typeof import('next/dist/lib/bundler');
  const { createStaticWorker } = requireNext('next/dist/build') as typeof import('next/dist/build');
  const { getNextBuildDebuggerPortOffset } = requireNext('next/dist/lib/worker') as typeof import('next/dist/lib/worker');

  const config = await loadConfig(PHASE_PRODUCTION_BUILD, root);
  const distDir = path.join(root, config.distDir);
  const pathMap = Object.fromEntries(pages.map(({ route, page }) => [route, route === page ? { page } : { page, _ssgPath: route }]));
  // With no page to render (posts changed in ways no page shows), `public/` is still copied: a folder post's file may have changed.
  if (pages.length) {
    // Next's own rule: a worker for every 25 pages, up to the workers the config allows.
    const numWorkers = Math.max(1, Math.min(config.experimental.cpus ?? 1, Math.ceil(pages.length / 25)));
    // Started here, not by the export, which ends the workers it starts only when every page rendered: they would keep this process alive.
    const worker = createStaticWorker(config, { numberOfWorkers: numWorkers, debuggerPortOffset: getNextBuildDebuggerPortOffset({ kind: 'export-page' }) });
    try {
      await exportApp(
        root,
        {
          // A page that fails to render makes the export throw, listing it, instead of Next ending this process.
          nextConfig: { ...config, exportPathMap: () => pathMap, experimental: { ...config.experimental, prerenderEarlyExit: false } },
          enabledDirectories: { app: false, pages: true },
          silent: true,
          buildExport: true,
          outdir: path.join(distDir, 'export'),
          numWorkers,
          appDirOnly: false,
          bundler: Bundler.Turbopack,
        },
        trace('folio-render-pages'),
        worker,
      );
    } finally {
      await worker.end();
    }
  }
  const outDir = path.join(root, 'out');
  // Whatever the post-export step pruned comes back, to be pruned again unless a page now loads it.
  copyNewer(path.join(distDir, 'static'), path.join(outDir, '_next', 'static'));
  if (fs.existsSync(path.join(root, 'public'))) copyNewer(path.join(root, 'public'), outDir);
  for (const { url, route } of pages) {
    const file = exportedPageFile(outDir, url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(generatedHtmlFile(distDir, route), file);
  }
}
