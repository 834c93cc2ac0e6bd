/**
 * What the last complete `npm run build` was made from, so that a build with nothing changed
 * does nothing (scripts/build.ts): a build's output depends only on the project's files, the
 * packages installed, the environment it reads, Node's version, the day (scheduled posts wait
 * for theirs) and the git history (`updated` dates from git). All of them are in one
 * fingerprint, taken before the build reads anything; the build records it with a listing of
 * the `out/` it left. The next build skips only when both match: any change to an input, or to
 * a file of `out/`, builds again. `FOLIO_FULL_BUILD=1` always builds.
 *
 * Files the build writes itself (into `public/`, `.next/`, `out/`) are not inputs; a file in
 * the fingerprint that a build rewrote would only make every build a full one, never a stale one.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { site } from '../config/site';
import { calendarDateIn } from '../content/dates';
import { ICON_FILES } from '../images/icons';
import { ADMIN_PATH, BUILT_IMAGES_FOLDER, KATEX_FOLDER } from '../routes/table';
import { filesUnder, isInside, keptFiles, writeAtomically } from '../node/files';
import { lastBuildFile } from '../node/folders';
import { installedPackagesHash } from '../node/packages';

/** Set to build even when nothing changed. */
export const FULL_BUILD_VARIABLE = 'FOLIO_FULL_BUILD';

/** Folders and files at the project's root that are no input: outputs, caches, installed packages, git's own. */
const NOT_INPUTS = new Set(['node_modules', '.next', 'out', '.git', '.tmp', 'next-env.d.ts', 'tsconfig.tsbuildinfo']);

/** What the prepare step writes into `public/` (git-ignored), by their path in it: made images, KaTeX, folder posts' files (lib/build/publish.ts), the CMS's page, the icons. */
const WRITTEN_INTO_PUBLIC = [BUILT_IMAGES_FOLDER, KATEX_FOLDER, 'posts', ADMIN_PATH.slice(1, -1), ...ICON_FILES.map((file) => file.slice(1))];

/** True for a path (relative to the root, `/`-separated) that is an input of the build, or a folder that may hold one. */
function isInput(relative: string): boolean {
  const [top] = relative.split('/');
  if (NOT_INPUTS.has(top)) return false;
  if (top !== 'public') return true;
  const inPublic = relative.slice('public/'.length);
  return !WRITTEN_INTO_PUBLIC.some((written) => inPublic === written || inPublic.startsWith(`${written}/`));
}

/** Folio's variables that steer a tool, never what a build writes: this check, the tests' browser, the CMS's port, the image timings of the benchmarks. */
const STEERS_TOOLS_ONLY = new Set([FULL_BUILD_VARIABLE, 'FOLIO_BROWSER', 'FOLIO_CMS_PORT', 'FOLIO_IMAGE_TIMINGS']);

/** The environment a build reads: the site's URL and base path, the time zone, Folio's variables, Next's public ones. */
const readsVariable = (name: string) => ['SITE_URL', 'BASE_PATH', 'TZ'].includes(name) || (name.startsWith('FOLIO_') && !STEERS_TOOLS_ONLY.has(name)) || name.startsWith('NEXT_PUBLIC_');

/** The commit checked out, or null outside a git checkout (or without git). */
function gitHead(root: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * The fingerprint of everything a build of the project at `root` reads: each input file's path
 * and bytes (those of `postsDir` too, when it is elsewhere), npm's record of the packages
 * installed, the variables of `env` it reads, Node's version, today in the site's time zone and
 * the commit checked out.
 */
export function inputsFingerprint(root: string, postsDir: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const hash = createHash('sha256');
  const addFiles = (dir: string, keep: (relative: string) => boolean) => {
    for (const relative of keptFiles(dir, keep)) hash.update(`\0${relative}\0`).update(fs.readFileSync(path.join(dir, relative)));
  };
  addFiles(root, isInput);
  if (!isInside(root, postsDir)) addFiles(postsDir, () => true);
  const variables = Object.keys(env).filter(readsVariable).sort().map((name) => [name, env[name]]);
  hash.update(
    JSON.stringify({
      installed: installedPackagesHash(root),
      variables,
      node: process.version,
      today: calendarDateIn(site.timeZone, new Date()),
      commit: gitHead(root),
    }),
  );
  return hash.digest('hex');
}

/** Every file of `outDir` with its size and the time it was written, as the build left them. */
function outListing(outDir: string): string[] {
  return filesUnder(outDir)
    .sort()
    .map((file) => {
      const { size, mtimeMs } = fs.statSync(file);
      return `${path.relative(outDir, file)} ${size} ${mtimeMs}`;
    });
}

interface LastBuild {
  inputs: string;
  out: string[];
}

/** True when the last complete build was made from these inputs and `out/` is as it left it: there is nothing to build. */
export function isBuiltFrom(root: string, inputs: string): boolean {
  let last: LastBuild;
  try {
    last = JSON.parse(fs.readFileSync(lastBuildFile(root), 'utf8')) as LastBuild;
  } catch {
    return false;
  }
  return last.inputs === inputs && JSON.stringify(last.out) === JSON.stringify(outListing(path.join(root, 'out')));
}

/** The build step that starts a build: until it completes, there is no last build to match. */
export function forgetLastBuild(root: string): void {
  fs.rmSync(lastBuildFile(root), { force: true });
}

/** The build step that ends a complete build: what it was made from, and the `out/` it left. */
export function recordLastBuild(root: string, inputs: string): void {
  writeAtomically(lastBuildFile(root), JSON.stringify({ inputs, out: outListing(path.join(root, 'out')) } satisfies LastBuild));
}
