/**
 * `npm run dev`: the site in development, at http://localhost:3000. Runs the prepare step
 * (lib/build/prepare.ts) with drafts and broken posts kept, then `next dev`, and runs the
 * prepare step again whenever something under `posts/` or `public/` changes. A change to the
 * code that builds bodies (lib/, components/) restarts the worker processes first, so they
 * run the new code. Each run builds only the posts that changed since the last (a change
 * outside `posts/` builds them all).
 *
 * Live preview: after each run of the prepare step, the event stream (scripts/preview-events.ts)
 * tells every open page, which fetches its props again and re-renders in place
 * (components/LivePreview), so a saved post shows without a refresh. `next dev` learns the
 * stream's port from `FOLIO_LIVE_PREVIEW_PORT` (lib/config/site.ts).
 *
 *   npm run dev [-- <next dev options>]
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { watch } from 'chokidar';
import { changedPostBuilder } from '../lib/build/changed-posts';
import { buildInWorker, startPostBuilders, type PostBuilders } from '../lib/build/post-builders';
import { runPrepare } from '../lib/build/run-prepare';
import { postsDirOf } from '../lib/node/folders';
import { LIVE_PREVIEW_PORT_VARIABLE } from '../lib/config/site';
import { isInside } from '../lib/node/files';
import { startPreviewEvents, type PreviewEvents } from './preview-events';

const root = process.cwd();

/** Folders of `public/` that the prepare step writes: changes there are its own. */
const PUBLISHED = ['posts', '_img', 'katex', 'admin'].map((folder) => path.join(root, 'public', folder));
const isPublished = (file: string) => PUBLISHED.some((folder) => file === folder || file.startsWith(`${folder}${path.sep}`));

let builders: PostBuilders = startPostBuilders(root);
/** Each run builds only the posts that changed since the last one (lib/build/changed-posts.ts). */
// Every build goes to a worker, not through cacheFirstBuilder: this process outlives edits to
// the pipeline's code, and the version it would key the caches with is read once per process.
const changedPosts = changedPostBuilder((post) => buildInWorker(builders, post));
/** Set by a change that no post holds (code, `public/`): the next run builds every post. */
let buildAll = false;
let running: Promise<void> | null = null;
let again = false;
let restartBuilders = false;
/** The live preview's event stream, once `next dev` runs. */
let events: PreviewEvents | undefined;

/**
 * Runs the prepare step, then tells the open pages; a change while it runs makes it run once
 * more afterwards (and the pages are told after that run only).
 */
function prepare(): void {
  if (running) {
    again = true;
    return;
  }
  if (restartBuilders) {
    builders.close();
    builders = startPostBuilders(root);
    restartBuilders = false;
  }
  if (buildAll) {
    changedPosts.forget();
    buildAll = false;
  }
  running = runPrepare(root, 'development', builders, changedPosts.build)
    .then(() => undefined)
    .catch((error: unknown) => console.error(error))
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        prepare();
      } else {
        events?.prepared();
      }
    });
}

let timer: NodeJS.Timeout | undefined;
/** Saving a file is often several writes: the prepare step runs once they have settled. */
function changed(file: string, isCode: boolean): void {
  if (isPublished(file)) return;
  restartBuilders ||= isCode;
  buildAll ||= !isInside(postsDirOf(root), file);
  clearTimeout(timer);
  timer = setTimeout(prepare, 50);
}

/** The host `next dev` is told to listen on (`-H`, `--hostname`), where the event stream listens too; undefined for all interfaces. */
function hostOf(nextArgs: string[]): string | undefined {
  for (const [position, arg] of nextArgs.entries()) {
    if (arg === '-H' || arg === '--hostname') return nextArgs[position + 1];
    if (arg.startsWith('--hostname=')) return arg.slice('--hostname='.length);
  }
  return undefined;
}

async function main(): Promise<void> {
  prepare();
  await running;

  const content = watch([postsDirOf(root), path.join(root, 'public')], { ignoreInitial: true, ignored: isPublished });
  content.on('all', (_event, file) => changed(file, false));
  const code = watch(['lib', 'components'].map((folder) => path.join(root, folder)), { ignoreInitial: true });
  code.on('all', (_event, file) => changed(file, true));

  const nextArgs = process.argv.slice(2);
  events = await startPreviewEvents(hostOf(nextArgs), { run: 1, at: Date.now() });
  const nextBin = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('next/package.json')), 'dist', 'bin', 'next');
  const next = spawn(process.execPath, [nextBin, 'dev', ...nextArgs], { cwd: root, stdio: 'inherit', env: { ...process.env, [LIVE_PREVIEW_PORT_VARIABLE]: String(events.port) } });
  const stop = () => {
    next.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  next.on('close', async (exitCode) => {
    await Promise.all([content.close(), code.close(), events?.close()]);
    builders.close();
    process.exit(exitCode ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
