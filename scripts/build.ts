/**
 * `npm run build`: the whole static site in `out/`, in steps that run in this order:
 *
 * 0. Nothing to do when nothing changed since the last complete build (lib/build/last-build.ts):
 *    its inputs and the `out/` it left are as they were. `FOLIO_FULL_BUILD=1` builds anyway.
 * 1. The prepare step (lib/build/prepare.ts): reads every post, builds every body and image,
 *    and fails listing every broken post before any page is rendered. Beside it, the type check
 *    (lib/build/type-check.ts); the build stops on a type error too, after the prepare step.
 * 2. `next build`: renders every page from what step 1 prepared, and exports the site to `out/`.
 *    When only posts' bodies changed since the last complete build, and its `.next/` and
 *    `out/` are as it left them, only those posts' pages are rendered again, into that `out/`
 *    (lib/build/changed-pages.ts, lib/build/render-pages.ts).
 * 3. The post-export step (lib/export/finish.ts): feeds, sitemap, `_redirects` and the pages at
 *    old URLs, search index, `_headers`. Then a word if `vercel.json`'s redirects are stale.
 * 4. Record what this build was made from, for steps 0 and 2 of the next.
 *
 *   npm run build
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ContentErrors } from '../lib/content/errors';
import { checkTypes, TypeCheckError } from '../lib/build/type-check';
import { pagesSourceOf } from '../lib/build/changed-pages';
import { forgetLastBuild, FULL_BUILD_VARIABLE, inputsFingerprint, isBuiltFrom, pagesToRender, readLastBuild, recordLastBuild, type RenderPlan } from '../lib/build/last-build';
import { postsDirOf } from '../lib/node/folders';

const root = process.cwd();
// A build is a production build, as `next build` makes its own: without this, the prepare step's
// workers rendered every body with React's development build, about 3 s more CPU for 1000 posts.
(process.env as Record<string, string>).NODE_ENV = 'production';

/** Runs `next build` in `root`, its output shown as it comes. */
function nextBuild(): Promise<void> {
  const nextBin = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('next/package.json')), 'dist', 'bin', 'next');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
}

async function build(): Promise<void> {
  const inputs = inputsFingerprint(root, postsDirOf(root));
  const last = readLastBuild(root);
  if (!process.env[FULL_BUILD_VARIABLE] && isBuiltFrom(root, last, inputs)) {
    console.log(`Nothing changed since the last build: out/ is up to date. (${FULL_BUILD_VARIABLE}=1 builds anyway.)`);
    return;
  }
  forgetLastBuild(root);
  // Loaded only for a build: with nothing changed, they would take longer to load than the check takes.
  const [{ startPostBuilders }, { runPrepare }, { finishExport, reportFinished }, { manifestFileFor, readBuildManifest }, { staleVercelRedirects }] = await Promise.all([
    import('../lib/build/post-builders'),
    import('../lib/build/run-prepare'),
    import('../lib/export/finish'),
    import('../lib/export/manifest-file'),
    import('./write-vercel-json'),
  ]);
  const builders = startPostBuilders(root);
  // Something changed (step 0), so some post is most likely to be built: one worker loads the
  // compile pipeline while the posts are read (a one-post rebuild of 1000 posts waited about 3 s
  // for it after the first cache miss; overlapped, the prepare step took 0.6 s less).
  builders.prestart();
  const steps = await Promise.allSettled([checkTypes(root), runPrepare(root, 'production', builders).finally(() => builders.close())]);
  // Both steps' errors, so that one build lists everything to fix.
  const errors = steps.flatMap((step) => (step.status === 'rejected' ? [step.reason as unknown] : []));
  errors.slice(0, -1).forEach(reportError);
  const [, prepared] = steps;
  if (errors.length || prepared.status === 'rejected') throw errors.at(-1);
  const pages = pagesSourceOf(prepared.value.data);
  await renderChangedPages(pagesToRender(root, last, inputs, pages));
  const outDir = path.join(root, 'out');
  const manifest = readBuildManifest(manifestFileFor(outDir));
  reportFinished(outDir, await finishExport(outDir, { manifest }));
  const stale = staleVercelRedirects(path.join(root, 'vercel.json'), manifest);
  if (stale) console.warn(`Warning: ${stale}`);
  recordLastBuild(root, inputs, pages);
}

/** Step 2: the pages that changed alone, when they can be; otherwise, or if that fails, `next build`. */
async function renderChangedPages(plan: RenderPlan): Promise<void> {
  if ('every' in plan) {
    console.log(`Rendering every page with next build: ${plan.every}.`);
    return nextBuild();
  }
  const { pageRoutesOf, renderPages } = await import('../lib/build/render-pages');
  const routes = pageRoutesOf(root, plan.urls);
  if (!routes) {
    console.log('Rendering every page with next build: the last build rendered no page at some changed post\'s URL.');
    return nextBuild();
  }
  const started = performance.now();
  try {
    await renderPages(root, routes);
  } catch (error) {
    console.warn(`Rendering the changed pages alone failed, so every page is rendered with next build:\n${String(error)}`);
    return nextBuild();
  }
  const count = routes.length === 1 ? '1 page' : `${routes.length} pages`;
  console.log(`Rendered ${count} whose body changed in ${((performance.now() - started) / 1000).toFixed(1)} s (${routes.map((page) => page.url).join(', ') || 'none'}); every other page is as the last build left it.`);
}

/** Prints a build's error: an author's or a type error as its message alone, anything else with its stack. */
function reportError(error: unknown): void {
  console.error(error instanceof ContentErrors || error instanceof TypeCheckError ? `\n${error.message}\n` : error);
}

build().catch((error: unknown) => {
  reportError(error);
  process.exit(1);
});
