/**
 * Builds the Folio site from another folder of posts, in a scratch copy of the project
 * under `.tmp/<name>-<random>/`, so the real `posts/`, `.next/` and `out/` are never
 * touched. The build tests, the e2e suite and the benchmark use it.
 *
 * Each copy is a folder of its own, so two runs in one checkout (two test runs, a test and
 * the benchmark) never build in, or delete, each other's copy. Whoever makes a copy removes
 * it when done (`removeSiteCopy`).
 *
 * The copy lives inside the project because Turbopack compiles nothing outside its root,
 * so a copy elsewhere could not reach `node_modules`.
 *
 *   npx tsx scripts/build-site.ts <posts-dir> [name]     → prints the path of its out/
 *   npx tsx scripts/build-site.ts --rebuild <site-dir>   → builds that copy again, keeping its caches
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finishExport } from '../lib/export/finish';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Tests sit beside the components they test; they are not part of a site, and `next build` would type-check them. */
const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);

/** What a build needs from the project; `public/posts/`, `public/katex/`, `public/_img/` and `public/admin/` are generated, so they are left out. */
const SITE_FILES = ['pages', 'components', 'lib', 'scripts', 'styles', 'public', 'next.config.ts', 'tsconfig.json', 'package.json'];

/** A new, empty folder `.tmp/<name>-<random>/` for a site copy; returns its path. */
function newSiteDir(name: string): string {
  const scratch = path.join(projectRoot, '.tmp');
  fs.mkdirSync(scratch, { recursive: true });
  return fs.mkdtempSync(path.join(scratch, `${name}-`));
}

/** Removes a site copy: `siteDir`, as `makeSiteCopy` returned it, or the `out/` inside it that `buildSite` returned. */
export function removeSiteCopy(dir: string): void {
  const siteDir = path.basename(dir) === 'out' ? path.dirname(dir) : dir;
  if (path.dirname(siteDir) !== path.join(projectRoot, '.tmp')) throw new Error(`${siteDir} is not a site copy in ${path.join(projectRoot, '.tmp')}`);
  fs.rmSync(siteDir, { recursive: true, force: true });
}

/** Makes a new folder `.tmp/<name>-<random>/` a copy of the site with `postsDir` as its posts; returns its path. */
export function makeSiteCopy(postsDir: string, name: string): string {
  const siteDir = newSiteDir(name);
  for (const entry of SITE_FILES) {
    const from = path.join(projectRoot, entry);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(siteDir, entry), {
      recursive: true,
      filter: (source) => !['posts', 'katex', '_img', 'admin'].includes(path.relative(path.join(projectRoot, 'public'), source)) && !isTestFile(source),
    });
  }
  // Links are copied as the author wrote them, so a relative one still leads where it did inside the posts.
  fs.cpSync(postsDir, path.join(siteDir, 'posts'), { recursive: true, verbatimSymlinks: true });
  return siteDir;
}

/** Variables added to a build's environment (`BASE_PATH`, `SITE_URL`, `FOLIO_INTEGRATIONS`, `TZ`). */
export type BuildEnv = Record<string, string | undefined>;

/** Runs `args` under Node in `siteDir` with `env`. Resolves with its output; rejects with it when it fails. */
function runStep(siteDir: string, args: string[], env: BuildEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: siteDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(Object.assign(new Error(`${path.basename(args.at(-1) ?? '')} failed in ${siteDir} (exit ${code}):\n${output}`), { output }))));
  });
}

/**
 * The steps of `npm run build` before the post-export step, in `siteDir`: the prepare step
 * (scripts/prepare.ts), then `next build`. Resolves with their output; rejects with it when one fails.
 */
export async function runBuild(siteDir: string, env: BuildEnv = {}): Promise<string> {
  const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
  // A copy of an older commit (buildSiteAtRef) may have no prepare step: its `next build` read the posts itself.
  const prepare = fs.existsSync(path.join(siteDir, 'scripts', 'prepare.ts')) ? await runStep(siteDir, ['--import', 'tsx', 'scripts/prepare.ts'], env) : '';
  return prepare + (await runStep(siteDir, [nextBin, 'build'], env));
}

/**
 * Builds a site from `postsDir` as `npm run build` does, in a new copy (`makeSiteCopy`), with
 * `env` added to the build's environment (`BASE_PATH`, `SITE_URL`, `FOLIO_INTEGRATIONS`, `TZ`),
 * and returns the path of its `out/`. A failed build's error names the copy.
 */
export async function buildSite(postsDir: string, name: string, { env = {} }: { env?: BuildEnv } = {}): Promise<string> {
  const siteDir = makeSiteCopy(postsDir, name);
  await runBuild(siteDir, env);
  const outDir = path.join(siteDir, 'out');
  await finishExport(outDir);
  return outDir;
}

/** Builds the copy `siteDir` again where it is, keeping its `.next/` caches, as a rebuild after an edit would; returns its `out/`. */
export async function rebuildSite(siteDir: string, env: BuildEnv = {}): Promise<string> {
  await runBuild(siteDir, env);
  const outDir = path.join(siteDir, 'out');
  await finishExport(outDir);
  return outDir;
}

/**
 * Builds `postsDir` with the site as it was at git commit `ref`, for a before/after
 * comparison, in a new folder `.tmp/<name>-<random>/`: that commit's files and its own
 * post-export step. Returns the path of its `out/`.
 */
export async function buildSiteAtRef(ref: string, postsDir: string, name: string): Promise<string> {
  const siteDir = newSiteDir(name);
  execFileSync('tar', ['-x', '-C', siteDir], { input: execFileSync('git', ['archive', '--format=tar', ref], { cwd: projectRoot, maxBuffer: 256 * 2 ** 20 }) });
  // Its posts are replaced; its tests are not part of the site; Turbopack would take a second
  // lockfile for a second workspace root, and the project's node_modules serves the copy.
  for (const entry of ['posts', '__tests__', 'e2e', 'bench', 'package-lock.json']) fs.rmSync(path.join(siteDir, entry), { recursive: true, force: true });
  for (const file of fs.readdirSync(siteDir, { recursive: true, encoding: 'utf8' })) if (isTestFile(file)) fs.rmSync(path.join(siteDir, file));
  fs.cpSync(postsDir, path.join(siteDir, 'posts'), { recursive: true });
  await runBuild(siteDir);
  const outDir = path.join(siteDir, 'out');
  // Commits before the post-export step was TypeScript ran it under plain Node.
  const finishStep = ['finish-export.ts', 'finish-export.mjs'].map((file) => path.join(siteDir, 'scripts', file)).find((file) => fs.existsSync(file));
  if (!finishStep) throw new Error(`${ref} has no post-export step in scripts/`);
  execFileSync(process.execPath, [...(finishStep.endsWith('.ts') ? ['--import', 'tsx'] : []), finishStep, outDir], { cwd: siteDir });
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [postsDir, name = 'site'] = process.argv.slice(2);
  if (!postsDir) {
    console.error('usage: npx tsx scripts/build-site.ts <posts-dir> [name]\n       npx tsx scripts/build-site.ts --rebuild <site-dir>');
    process.exit(2);
  }
  (postsDir === '--rebuild' ? rebuildSite(path.resolve(name)) : buildSite(path.resolve(postsDir), name)).then(
    (out) => console.log(out),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
