import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeSiteCopy, removeSiteCopy } from '../../scripts/build-site';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');
/** scripts/build-site.ts under tsx, as Node arguments. */
const BUILD_SITE = ['--import', 'tsx', path.join(root, 'scripts', 'build-site.ts')];
const MAX_OUTPUT = 64 * 1024 * 1024;

/** The site copies this test file's builds made, each its own folder in `.tmp/`; `removeBuiltSites` removes them. */
const copies = new Set<string>();

/** The copy a build made, from its out/ or, when it failed, from its error (scripts/build-site.ts names it). */
const remember = (siteDir: string | undefined) => siteDir && copies.add(siteDir);

export type BuildOutcome = { out: string; siteDir: string } | { failure: string; siteDir: string | undefined };

/**
 * Builds a site from `postsDir` as `npm run build` does, with scripts/build-site.ts in a child
 * process, `env` added to its environment. Resolves with its out/ and its copy, or with the
 * build's output when it failed.
 */
export async function tryBuildSite(postsDir: string, name: string, env: Record<string, string> = {}): Promise<BuildOutcome> {
  return run(process.execPath, [...BUILD_SITE, postsDir, name], { cwd: root, env: { ...process.env, ...env }, maxBuffer: MAX_OUTPUT }).then(
    ({ stdout }) => {
      const out = stdout.trim();
      remember(path.dirname(out));
      return { out, siteDir: path.dirname(out) };
    },
    (error: { stdout?: string; stderr?: string }) => {
      const failure = `${error.stdout}${error.stderr}`;
      const siteDir = failure.match(/ failed in (\S+) \(exit /)?.[1];
      remember(siteDir);
      return { failure, siteDir };
    },
  );
}

/** Builds a site as `tryBuildSite` does; resolves with its out/, or rejects with the build's output. */
export async function buildSite(postsDir: string, name: string, env: Record<string, string> = {}): Promise<string> {
  const outcome = await tryBuildSite(postsDir, name, env);
  if ('failure' in outcome) throw new Error(outcome.failure);
  return outcome.out;
}

/** A new copy of the site with `postsDir` as its posts, not built yet; returns its folder. */
export function copySite(postsDir: string, name: string): string {
  const siteDir = makeSiteCopy(postsDir, name);
  remember(siteDir);
  return siteDir;
}

/**
 * Runs the prepare step in the copy `siteDir` as `npm run dev` runs it (drafts included), which
 * leaves their images, cards and files in its `public/` and caches, as an author's checkout
 * has them after `npm run dev`.
 */
export async function prepareAsDev(siteDir: string): Promise<void> {
  const script = [
    "import { startPostBuilders } from './lib/build/post-builders.ts';",
    "import { runPrepare } from './lib/build/run-prepare.ts';",
    'const builders = startPostBuilders(process.cwd());',
    "try { await runPrepare(process.cwd(), 'development', builders); } finally { await builders.close(); }",
  ].join('\n');
  await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: siteDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, maxBuffer: MAX_OUTPUT });
}

/** Builds the copy `siteDir` again, keeping its caches, as a rebuild after an edit does. */
export async function rebuildSite(siteDir: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, [...BUILD_SITE, '--rebuild', siteDir], { cwd: root, env: { ...process.env, ...env }, maxBuffer: MAX_OUTPUT });
  return stdout.trim();
}

/** Removes every site copy this test file built: for an `afterAll`. */
export function removeBuiltSites() {
  for (const siteDir of copies) removeSiteCopy(siteDir);
  copies.clear();
}
