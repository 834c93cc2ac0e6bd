/**
 * The build's type check: TypeScript's `tsc` over the project, as `npm run typecheck` runs it,
 * incremental with its record in Folio's cache (where `next build` kept its own, so a deploy
 * that restores `.next/cache/` restores it too). `npm run build` starts it beside the
 * prepare step (scripts/build.ts), which mostly waits on one core, instead of leaving it to
 * `next build`, where every page waited for it: 1.6 s of a one-post rebuild of 1000 posts and
 * 2.8 s of a cold build. next.config.ts turns Next's own check off, so it runs once.
 *
 * A check that passed records what it read (`typeCheckInputs`); the next build with the same
 * inputs, a rebuild after editing posts, starts no check at all: tsc runs on both cores, and
 * even incremental it held the prepare step up by about a second.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { keptFiles, writeAtomically } from '../node/files';
import { typeCheckBuildInfoFile, typeCheckRecordFile } from '../node/folders';
import { installedPackagesHash } from '../node/packages';

/** A type check that found errors: its message is tsc's report, one `file(line,col): error` a line. */
export class TypeCheckError extends Error {}

/** Node's arguments that check the types of the project at `root` (run in it). */
export function typeCheckArgs(root: string): string[] {
  const tsc = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('typescript/package.json')), 'lib', 'tsc.js');
  return [tsc, '--noEmit', '--pretty', 'false', '--tsBuildInfoFile', typeCheckBuildInfoFile(root)];
}

/** Folders no type check reads: installed packages (their record is read instead), and what builds, tests and tools write. */
const NOT_CHECKED = new Set(['node_modules', '.next', 'out', '.git', '.tmp', 'reports']);

/**
 * True for a path (relative to the root) that tsc reads, or a folder that may hold one: what
 * tsconfig.json includes (TypeScript and `.mjs`), itself and package.json. But `next-env.d.ts`,
 * which `next build` writes after the check, the same for one version of Next and one config
 * (both inputs already): counted, it made the first rebuild after every fresh build check again.
 */
const isChecked = (relative: string, isFolder: boolean) => {
  const top = relative.split('/')[0];
  if (NOT_CHECKED.has(top) || top.startsWith('.stryker-tmp') || relative === 'next-env.d.ts') return false;
  return isFolder || /\.(?:[cm]?ts|tsx|mjs)$/.test(relative) || relative === 'tsconfig.json' || relative === 'package.json';
};

/** A hash of what a type check of the project at `root` reads: its TypeScript and module scripts, tsconfig.json, package.json and the packages installed. */
export function typeCheckInputs(root: string): string {
  const hash = createHash('sha256').update(String(installedPackagesHash(root)));
  for (const relative of keptFiles(root, isChecked)) hash.update(`\0${relative}\0`).update(fs.readFileSync(path.join(root, relative)));
  return hash.digest('hex');
}

/** The inputs of a type check of the project at `root` when it must run, or null when the last check that passed read the same. */
export function typeCheckDue(root: string): string | null {
  const inputs = typeCheckInputs(root);
  const record = typeCheckRecordFile(root);
  return fs.existsSync(record) && fs.readFileSync(record, 'utf8') === inputs ? null : inputs;
}

/** The step that ends a type check that passed: what it read, for `typeCheckDue`. */
export const recordTypeCheck = (root: string, inputs: string) => writeAtomically(typeCheckRecordFile(root), inputs);

/**
 * Checks the types of the project at `root`, unless the last check that passed read the same
 * inputs: resolves with what it did, or rejects with a `TypeCheckError` listing every error
 * tsc found (a failed check records nothing, so the next build checks again).
 */
export async function checkTypes(root: string): Promise<'checked' | 'unchanged'> {
  const inputs = typeCheckDue(root);
  if (inputs === null) return 'unchanged';
  await runTsc(root);
  recordTypeCheck(root, inputs);
  return 'checked';
}

/** Runs tsc on the project at `root`; rejects with a `TypeCheckError` listing every error it found. */
function runTsc(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, typeCheckArgs(root), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new TypeCheckError(`Type errors (tsc, exit ${code}); the build stops before any page is rendered:\n${output.trim()}`)),
    );
  });
}
