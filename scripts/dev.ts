/**
 * `npm run dev`: the site in development, at http://localhost:3000. Runs the prepare step
 * (lib/build/prepare.ts) with drafts and broken posts kept, then `next dev`, and runs the
 * prepare step again whenever something under `posts/` or `public/` changes, so a refresh
 * shows the change. A change to the code that builds bodies (lib/, components/) restarts the
 * worker processes first, so they run the new code.
 *
 *   npm run dev [-- <next dev options>]
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { watch } from 'chokidar';
import { startPostBuilders, type PostBuilders } from '../lib/build/post-builders';
import { postsDirOf, runPrepare } from '../lib/build/run-prepare';

const root = process.cwd();

/** Folders of `public/` that the prepare step writes: changes there are its own. */
const PUBLISHED = ['posts', '_img', 'katex', 'admin'].map((folder) => path.join(root, 'public', folder));
const isPublished = (file: string) => PUBLISHED.some((folder) => file === folder || file.startsWith(`${folder}${path.sep}`));

let builders: PostBuilders = startPostBuilders(root);
let running: Promise<void> | null = null;
let again = false;
let restartBuilders = false;

/** Runs the prepare step; a change while it runs makes it run once more afterwards. */
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
  running = runPrepare(root, 'development', builders)
    .then(() => undefined)
    .catch((error: unknown) => console.error(error))
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        prepare();
      }
    });
}

let timer: NodeJS.Timeout | undefined;
/** Saving a file is often several writes: the prepare step runs once they have settled. */
function changed(file: string, isCode: boolean): void {
  if (isPublished(file)) return;
  restartBuilders ||= isCode;
  clearTimeout(timer);
  timer = setTimeout(prepare, 50);
}

async function main(): Promise<void> {
  prepare();
  await running;

  const content = watch([postsDirOf(root), path.join(root, 'public')], { ignoreInitial: true, ignored: isPublished });
  content.on('all', (_event, file) => changed(file, false));
  const code = watch(['lib', 'components'].map((folder) => path.join(root, folder)), { ignoreInitial: true });
  code.on('all', (_event, file) => changed(file, true));

  const nextBin = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('next/package.json')), 'dist', 'bin', 'next');
  const next = spawn(process.execPath, [nextBin, 'dev', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  const stop = () => {
    next.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  next.on('close', async (exitCode) => {
    await Promise.all([content.close(), code.close()]);
    builders.close();
    process.exit(exitCode ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
