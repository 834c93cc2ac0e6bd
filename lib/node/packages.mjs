// @ts-check
/**
 * Installed packages as a build finds them, for the cache versions that must change when a
 * package does (lib/compile-cache.ts, lib/image-processing.ts, lib/social-image.ts,
 * lib/search-index.mjs). Plain JavaScript so that the post-export step can use it under Node.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder of package `name` as Node finds it from `root`: in `node_modules/` there or in a
 * folder above (a site copy in `.tmp/<name>/` uses the project's). Looked up by hand because
 * some packages (sharp) do not export their `package.json`. Null when it is not installed.
 * @param {string} name
 * @param {string} [root]
 * @returns {string | null}
 */
export function packageDir(name, root = process.cwd()) {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * The installed version of package `name` for project `root`, or 'missing'.
 * @param {string} name
 * @param {string} [root]
 * @returns {string}
 */
export function packageVersion(name, root = process.cwd()) {
  const dir = packageDir(name, root);
  return dir ? JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version : 'missing';
}
