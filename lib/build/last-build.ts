/**
 * What the last complete `npm run build` was made from, so that a build with nothing changed
 * does nothing, and one where only posts changed renders only the pages that changed
 * (scripts/build.ts): a build's output depends only on the project's files, the packages
 * installed, the environment it reads, Node's version, the day (scheduled posts wait for
 * theirs) and the git history (`updated` dates from git). They are fingerprinted in two parts,
 * taken before the build reads anything: the code (everything but the posts) and the content
 * (the posts, the day and the commit, which reach the pages only through the prepare step's
 * site data). The build records both with a listing of the `out/` it left, the id of the
 * `.next/` it left and what its pages were rendered from (lib/build/changed-pages.ts). The
 * next build skips only when all match: any change to an input, or to a file of `out/`, builds
 * again. `FOLIO_FULL_BUILD=1` always builds every page.
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
import { lastBuildFile, nextBuildIdFile } from '../node/folders';
import { installedPackagesHash } from '../node/packages';
import { changedPageUrls, type PagesSource } from './changed-pages';

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

/** The fingerprint of a build's inputs, in two parts: its code and settings, and its content. */
export interface BuildInputs {
  /** Every input but the posts: the project's files, the packages installed, the variables a build reads, Node's version. */
  code: string;
  /** The posts, today in the site's time zone and the commit checked out: what the prepare step reads into the site data. */
  content: string;
}

/**
 * The fingerprint of everything a build of the project at `root` reads, with the posts of
 * `postsDir` (inside the project or not) and the variables of `env` it reads.
 */
export function inputsFingerprint(root: string, postsDir: string, env: Readonly<Record<string, string | undefined>> = process.env): BuildInputs {
  const addFiles = (hash: ReturnType<typeof createHash>, dir: string, keep: (relative: string) => boolean) => {
    for (const relative of keptFiles(dir, keep)) hash.update(`\0${relative}\0`).update(fs.readFileSync(path.join(dir, relative)));
  };
  const code = createHash('sha256');
  const postsInside = isInside(root, postsDir) ? path.relative(root, postsDir).split(path.sep).join('/') : null;
  addFiles(code, root, (relative) => isInput(relative) && relative !== postsInside);
  const variables = Object.keys(env).filter(readsVariable).sort().map((name) => [name, env[name]]);
  code.update(JSON.stringify({ installed: installedPackagesHash(root), variables, node: process.version }));
  const content = createHash('sha256');
  addFiles(content, postsDir, () => true);
  content.update(JSON.stringify({ today: calendarDateIn(site.timeZone, new Date()), commit: gitHead(root) }));
  return { code: code.digest('hex'), content: content.digest('hex') };
}

/**
 * Every file of `outDir` with its size and the time it was written, as the build left them.
 * The time in whole seconds: a deploy's cache may put `out/` back with coarser times than the
 * build wrote (Netlify's cache utility copies them as JavaScript dates: whole milliseconds,
 * less a rounding error of a microsecond).
 */
function outListing(outDir: string): string[] {
  return filesUnder(outDir)
    .sort()
    .map((file) => {
      const { size, mtimeMs } = fs.statSync(file);
      return `${path.relative(outDir, file)} ${size} ${Math.floor(mtimeMs / 1000)}`;
    });
}

/** What a complete build recorded (`recordLastBuild`). */
export interface LastBuild {
  inputs: BuildInputs;
  out: string[];
  /** The id of the `.next/` it left: its compiled pages render the pages that changed next time, while it is the same. */
  nextBuildId: string | null;
  /** What its pages were rendered from. */
  pages: PagesSource;
}

/** The last complete build's record, or null when there is none (none yet, or a build since started). */
export function readLastBuild(root: string): LastBuild | null {
  try {
    const last = JSON.parse(fs.readFileSync(lastBuildFile(root), 'utf8')) as Partial<LastBuild>;
    // A record an earlier version of Folio wrote is no record.
    return typeof last.inputs === 'object' && last.pages ? (last as LastBuild) : null;
  } catch {
    return null;
  }
}

/** The id of the `.next/` that `next build` left in the project at `root`, or null. */
export function nextBuildIdOf(root: string): string | null {
  try {
    return fs.readFileSync(nextBuildIdFile(root), 'utf8');
  } catch {
    return null;
  }
}

/** True when `out/` is as the last build left it: no file of it rewritten, removed or added. */
export const isOutAsLeft = (root: string, last: LastBuild): boolean => JSON.stringify(last.out) === JSON.stringify(outListing(path.join(root, 'out')));

/** True when the last complete build was made from these inputs and `out/` is as it left it: there is nothing to build. */
export function isBuiltFrom(root: string, last: LastBuild | null, inputs: BuildInputs): boolean {
  return last !== null && last.inputs.code === inputs.code && last.inputs.content === inputs.content && isOutAsLeft(root, last);
}

/** The build step that starts a build: until it completes, there is no last build to match. */
export function forgetLastBuild(root: string): void {
  fs.rmSync(lastBuildFile(root), { force: true });
}

/** The build step that ends a complete build: what it was made from, the `.next/` and `out/` it left, and what its pages were rendered from. */
export function recordLastBuild(root: string, inputs: BuildInputs, pages: PagesSource): void {
  writeAtomically(lastBuildFile(root), JSON.stringify({ inputs, out: outListing(path.join(root, 'out')), nextBuildId: nextBuildIdOf(root), pages } satisfies LastBuild));
}

/** What step 2 of a build renders: only the pages at `urls`, or every page, and why. */
export type RenderPlan = { urls: string[] } | { every: string };

/**
 * Only the pages whose body changed, when the last complete build left a `.next/` and an
 * `out/` to render them into and nothing but posts' bodies changed since (`changedPageUrls`);
 * otherwise every page, with the reason.
 */
export function pagesToRender(root: string, last: LastBuild | null, inputs: BuildInputs, pages: PagesSource, env: Readonly<Record<string, string | undefined>> = process.env): RenderPlan {
  if (env[FULL_BUILD_VARIABLE]) return { every: `${FULL_BUILD_VARIABLE} is set` };
  if (!last) return { every: 'no complete build to start from' };
  if (last.inputs.code !== inputs.code) return { every: 'something besides the posts changed' };
  if (last.nextBuildId === null || last.nextBuildId !== nextBuildIdOf(root)) return { every: ".next/ is not the last build's" };
  if (!isOutAsLeft(root, last)) return { every: 'out/ is not as the last build left it' };
  const urls = changedPageUrls(last.pages, pages);
  return urls ? { urls } : { every: 'posts changed more than their bodies' };
}
