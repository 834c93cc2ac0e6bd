/**
 * Files on disk, as the build, the post-export step and the tests handle them.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir`, at any depth, as a path that starts with `dir` (a link as the file it
 * leads to, as `keptFiles` takes them); none if `dir` is not there.
 */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return keptFiles(dir, () => true).map((relative) => path.join(dir, relative));
}

/**
 * The files under `dir` whose path (relative to it, `/`-separated) `keep` takes, sorted, never
 * looking inside a folder it refuses (`node_modules/` alone holds some 80,000 files). A link
 * counts as the file it leads to; a link to a folder, or to nothing, is left out.
 */
export function keptFiles(dir: string, keep: (relative: string, isFolder: boolean) => boolean, under = ''): string[] {
  return fs
    .readdirSync(path.join(dir, under), { withFileTypes: true })
    .map((entry) => ({ entry, relative: under ? `${under}/${entry.name}` : entry.name }))
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
    .flatMap(({ entry, relative }) => {
      if (entry.isDirectory()) return keep(relative, true) ? keptFiles(dir, keep, relative) : [];
      const isFile = entry.isFile() || (entry.isSymbolicLink() && fs.statSync(path.join(dir, relative), { throwIfNoEntry: false })?.isFile());
      return isFile && keep(relative, false) ? [relative] : [];
    });
}

/**
 * Writes `file` through a temporary file and a rename: build workers share the caches and
 * `public/`, and none may read a half-written file.
 */
export function writeAtomically(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
}

/**
 * True when `file` is `folder` or inside it. A name that merely starts with two dots
 * (`..dots.png`) is inside; `../x` and a path on another drive are not.
 */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`));
}

/**
 * Copies `source` to `target` unless the copy there is already as new: the same size and
 * written no earlier than `source` (a copy takes the time it was made). True when it copied.
 * A few stats for a file that did not change.
 */
export function copyIfChanged(source: string, target: string): boolean {
  const current = fs.statSync(source);
  const copy = fs.statSync(target, { throwIfNoEntry: false });
  if (copy && copy.size === current.size && copy.mtimeMs >= current.mtimeMs) return false;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
  return true;
}

/**
 * Copies each file under `fromDir` into `toDir`, at the same path, with `copyIfChanged`;
 * returns how many it copied. For folders copied into the same place build after build, where
 * most files never change (Next's static files and `public/` into `out/`).
 */
export function copyNewer(fromDir: string, toDir: string): number {
  return keptFiles(fromDir, () => true).filter((relative) => copyIfChanged(path.join(fromDir, relative), path.join(toDir, relative))).length;
}
