/**
 * What git knows of a folder's files: the date each was last committed, read in one `git log`
 * for all of them (a process per file would cost seconds with thousands of posts).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The last commit dates of the files under a folder, or why git cannot tell them. */
export type LastCommitDates = { dates: Map<string, string>; problem: null } | { dates: null; problem: string };

/** Marks a commit's date in the log, before the names of the files it changed (which start with the folder's path, never with this). */
const DATE_MARK = '@';

/**
 * The calendar date (`YYYY-MM-DD`, the committer's own date, so no time zone of this machine
 * moves it) of the last commit that changed each file under `dir`, by its path relative to
 * `root` with `/` separators. A shallow clone has lost the commits that would say it, and is
 * reported as a problem rather than misread, as is a folder outside any git checkout.
 */
export function lastCommitDates(root: string, dir: string): LastCommitDates {
  const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
  let state: string[];
  try {
    state = git(['rev-parse', '--is-inside-work-tree', '--is-shallow-repository']).trim().split('\n');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { dates: null, problem: missing ? 'git is not installed' : `${root} is not a git checkout` };
  }
  if (state[1] === 'true') return { dates: null, problem: `${root} is a shallow clone, which lacks the commits that last changed its files (fetch the whole history: git fetch --unshallow, or fetch-depth: 0 on actions/checkout)` };
  const folder = path.relative(root, dir).split(path.sep).join('/') || '.';
  // Newest first, so a file's first appearance is its last change; -z keeps any file name whole.
  const log = git(['log', `--format=${DATE_MARK}%cs`, '--name-only', '--relative', '-z', '--', folder]);
  const dates = new Map<string, string>();
  let date = '';
  for (const token of log.split('\0')) {
    const entry = token.replace(/^\n/, '');
    if (entry.startsWith(DATE_MARK)) date = entry.slice(DATE_MARK.length);
    else if (entry && !dates.has(entry)) dates.set(entry, date);
  }
  return { dates, problem: null };
}
