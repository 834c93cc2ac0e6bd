/**
 * The build's type check: TypeScript's `tsc` over the project, as `npm run typecheck` runs it,
 * incremental with its record in Folio's cache (where `next build` kept its own, so a deploy
 * that restores `.next/cache/` restores it too). `npm run build` starts it beside the
 * prepare step (scripts/build.ts), which mostly waits on one core, instead of leaving it to
 * `next build`, where every page waited for it: 1.6 s of a one-post rebuild of 1000 posts and
 * 2.8 s of a cold build. next.config.ts turns Next's own check off, so it runs once.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { typeCheckRecordFile } from '../node/folders';

/** A type check that found errors: its message is tsc's report, one `file(line,col): error` a line. */
export class TypeCheckError extends Error {}

/** Node's arguments that check the types of the project at `root` (run in it). */
export function typeCheckArgs(root: string): string[] {
  const tsc = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('typescript/package.json')), 'lib', 'tsc.js');
  return [tsc, '--noEmit', '--pretty', 'false', '--tsBuildInfoFile', typeCheckRecordFile(root)];
}

/** Checks the types of the project at `root`; rejects with a `TypeCheckError` listing every error tsc found. */
export function checkTypes(root: string): Promise<void> {
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
