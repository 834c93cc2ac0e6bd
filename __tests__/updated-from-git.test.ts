/**
 * @jest-environment node
 *
 * The `updatedFromGit` setting: a post's `updated` date from the last commit of its file, read
 * in one `git log`, from a real repository made here (with the committer dates set), and what
 * happens in a shallow clone of it and outside git.
 */
import childProcess, { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContent } from '../lib/content/load';
import { updatedDatesFromGit } from '../lib/content/updated-from-git';
import { post } from './helpers/posts-dir';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-git-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'Author', GIT_AUTHOR_EMAIL: 'author@example.com', GIT_COMMITTER_NAME: 'Author', GIT_COMMITTER_EMAIL: 'author@example.com', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
const git = (cwd: string, args: string[], env: Record<string, string> = {}) => execFileSync('git', args, { cwd, env: { ...gitEnv, ...env }, stdio: 'pipe' });
/** Commits everything in `repo` as of `when` (an ISO date-time with its offset, the committer's). */
const commitAt = (repo: string, when: string, message: string) => {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', message], { GIT_COMMITTER_DATE: when, GIT_AUTHOR_DATE: when });
};

/** A repository whose blog is in `blog/` (as in a monorepo): the paths git gives must still be the posts' own. */
const repo = path.join(scratch, 'repo');
const project = path.join(repo, 'blog');
const postsDir = path.join(project, 'posts');
const write = (name: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(postsDir, name)), { recursive: true });
  fs.writeFileSync(path.join(postsDir, name), text);
};

beforeAll(() => {
  fs.mkdirSync(postsDir, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  write('edited.md', post('title: Edited\ndate: 2024-01-02'));
  write('with-updated.md', post('title: With updated\ndate: 2024-01-02\nupdated: 2024-02-01'));
  write('untouched.md', post('title: Untouched\ndate: 2024-01-02'));
  write('folder post/index.md', post('title: Folder post\ndate: 2024-01-02'));
  commitAt(repo, '2024-01-02T10:00:00+00:00', 'Publish');
  fs.appendFileSync(path.join(postsDir, 'edited.md'), 'A new paragraph.\n');
  fs.appendFileSync(path.join(postsDir, 'with-updated.md'), 'A new paragraph.\n');
  fs.appendFileSync(path.join(postsDir, 'folder post', 'index.md'), 'A new paragraph.\n');
  // Late on the 5th in Honolulu, already the 6th in UTC: the committer's date counts.
  commitAt(repo, '2024-03-05T23:30:00-10:00', 'Edit');
  fs.appendFileSync(path.join(postsDir, 'edited.md'), 'Not committed yet.\n');
  write('new.md', post('title: New\ndate: 2024-04-01'));
});

const updatedOf = (root: string, lastCommits: ReadonlyMap<string, string> | undefined) => {
  const { posts } = loadContent({ dir: path.join(root, 'posts'), root, includeDrafts: false, keepBroken: false, lastCommits });
  return Object.fromEntries(posts.map((entry) => [entry.slug, entry.updated]));
};

it("dates each post without an updated date by its file's last commit, in one git log", () => {
  const calls = jest.spyOn(childProcess, 'execFileSync');
  const { lastCommits, warning } = updatedDatesFromGit(project, postsDir);
  // Whether git can tell (a checkout, not shallow), then the log: two processes, however many posts.
  expect(calls.mock.calls.map(([command, args]) => [command, (args as string[])[0]])).toEqual([
    ['git', 'rev-parse'],
    ['git', 'log'],
  ]);
  calls.mockRestore();
  expect(warning).toBeNull();
  expect(updatedOf(project, lastCommits)).toEqual({
    // The last commit, not the uncommitted edit.
    edited: '2024-03-05',
    'folder-post': '2024-03-05',
    // Front matter wins.
    'with-updated': '2024-02-01',
    // Its only commit published it on its date: that is no update.
    untouched: null,
    // Never committed.
    new: null,
  });
});

it('reports a shallow clone as a warning naming the setting, and reads no date from it', () => {
  const shallow = path.join(scratch, 'shallow');
  git(scratch, ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
  const shallowProject = path.join(shallow, 'blog');
  // In the clone, every file seems last changed by the one commit it has.
  expect(git(shallow, ['log', '--format=%cs']).toString().trim()).toBe('2024-03-05');
  const { lastCommits, warning } = updatedDatesFromGit(shallowProject, path.join(shallowProject, 'posts'));
  expect(lastCommits).toBeUndefined();
  expect(warning).toBe(
    `updatedFromGit is on in lib/config/settings.ts, but ${shallowProject} is a shallow clone, which lacks the commits that last changed its files (fetch the whole history: git fetch --unshallow, or fetch-depth: 0 on actions/checkout): posts without an updated date in their front matter show none`,
  );
  expect(updatedOf(shallowProject, lastCommits)).toEqual({ edited: null, 'folder-post': null, 'with-updated': '2024-02-01', untouched: null });
});

it('reports a project outside git as a warning naming the setting', () => {
  const plain = path.join(scratch, 'plain');
  fs.mkdirSync(path.join(plain, 'posts'), { recursive: true });
  expect(updatedDatesFromGit(plain, path.join(plain, 'posts'))).toEqual({
    lastCommits: undefined,
    warning: `updatedFromGit is on in lib/config/settings.ts, but ${plain} is not a git checkout: posts without an updated date in their front matter show none`,
  });
});
