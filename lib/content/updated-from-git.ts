/** The `updatedFromGit` setting: a post's "Updated" date from the last commit of its file, when its front matter gives none. */
import { lastCommitDates } from '../node/git';
import { SETTINGS_FILE } from '../config/site';

/**
 * The last commit date of every file under `postsDir`, by its path relative to `root` (a
 * post's `sourcePath`), for `loadContent`'s `lastCommits`; when git cannot tell them, none,
 * and a warning that names the setting and says why.
 */
export function updatedDatesFromGit(root: string, postsDir: string): { lastCommits: ReadonlyMap<string, string> | undefined; warning: string | null } {
  const { dates, problem } = lastCommitDates(root, postsDir);
  if (dates) return { lastCommits: dates, warning: null };
  return { lastCommits: undefined, warning: `updatedFromGit is on in ${SETTINGS_FILE}, but ${problem}: posts without an updated date in their front matter show none` };
}
