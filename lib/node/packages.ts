/**
 * Installed packages as a build finds them, for the cache versions that must change when a
 * package does (lib/build/compile-cache.ts, lib/images/process.ts, lib/images/social-image.ts,
 * lib/export/search-index.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder of package `name` as Node finds it from `root`: in `node_modules/` there or in a
 * folder above (a site copy in `.tmp/<name>/` uses the project's). Looked up by hand because
 * some packages (sharp) do not export their `package.json`. Null when it is not installed.
 */
export function packageDir(name: string, root: string = process.cwd()): string | null {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * The installed version of package `name` for project `root`, or 'missing'.
 */
export function packageVersion(name: string, root: string = process.cwd()): string {
  const dir = packageDir(name, root);
  if (!dir) return 'missing';
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return version;
}

/**
 * A hash of npm's record of every package installed for project `root`
 * (`node_modules/.package-lock.json`), or null without one: it changes whenever a package is
 * added, removed or upgraded.
 */
export function installedPackagesHash(root: string): string | null {
  const next = packageDir('next', root);
  const record = next && path.join(path.dirname(next), '.package-lock.json');
  return record && fs.existsSync(record) ? createHash('sha256').update(fs.readFileSync(record)).digest('hex') : null;
}
