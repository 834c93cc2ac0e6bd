/** @jest-environment node */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadContent } from '../lib/content/load';
import { writeNewPost } from '../scripts/new-post';

const script = path.resolve(__dirname, '..', 'scripts', 'new-post.ts');
/** tsx, which runs the script, as the project has it: the command runs in another folder. */
const tsx = pathToFileURL(require.resolve('tsx')).href;

function newPost(postsDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', tsx, script, ...args], { cwd: path.dirname(postsDir), env: { ...process.env, FOLIO_POSTS_DIR: postsDir }, encoding: 'utf8', stdio: 'pipe' });
}

const readPosts = (postsDir: string) => loadContent({ dir: postsDir, root: path.dirname(postsDir), includeDrafts: true, keepBroken: false }).posts;

/** The calendar day of `moment` on this machine, YYYY-MM-DD, as Intl writes it. */
const calendarDay = (moment: Date) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);

let postsDir: string;
beforeEach(() => {
  postsDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-new-')), 'posts');
});

describe('npm run new-post', () => {
  it('writes posts/<slug>.md with today\'s date, every field, and valid front matter', () => {
    const before = new Date();
    expect(newPost(postsDir, 'My "quoted" title: Über')).toContain('Wrote posts/my-quoted-title-uber.md');
    const after = new Date();
    const text = fs.readFileSync(path.join(postsDir, 'my-quoted-title-uber.md'), 'utf8');
    for (const field of ['title', 'date', 'updated', 'draft', 'template', 'tags', 'category', 'excerpt', 'description', 'slug', 'cover', 'socialImage', 'series', 'seriesOrder', 'featured', 'authors']) {
      expect(text).toMatch(new RegExp(`^#? ?${field}:`, 'm'));
    }
    const posts = readPosts(postsDir);
    expect(posts).toEqual([expect.objectContaining({ slug: 'my-quoted-title-uber', title: 'My "quoted" title: Über', draft: true, template: 'post' })]);
    // A run across midnight may date it either day; which day a moment is, the tests below check.
    expect([calendarDay(before), calendarDay(after)]).toContain(posts[0].date);
  });

  it('writes .mdx and folder posts on request', () => {
    newPost(postsDir, 'Trip report', '--folder', '--mdx');
    expect(fs.existsSync(path.join(postsDir, 'trip-report', 'index.mdx'))).toBe(true);
  });

  it('never overwrites a post, and needs a title', () => {
    newPost(postsDir, 'Same');
    expect(() => newPost(postsDir, 'Same')).toThrow(/posts\/same\.md already exists/);
    expect(() => newPost(postsDir)).toThrow(/usage: npm run new-post/);
  });
});

describe("a new post's date", () => {
  afterEach(() => jest.useRealTimers());

  // Moments on this machine's clock, in its time zone; `npm run test:time-zones` reruns this
  // file in zones where each of the first two is another day in UTC.
  it.each([
    { moment: 'the last millisecond of 29 February 2024', now: new Date(2024, 1, 29, 23, 59, 59, 999), date: '2024-02-29' },
    { moment: 'midnight, 1 March 2024', now: new Date(2024, 2, 1, 0, 0, 0, 0), date: '2024-03-01' },
    { moment: '9:30, 15 December 2017', now: new Date(2017, 11, 15, 9, 30), date: '2017-12-15' },
  ])("is the author's calendar day: $date at $moment", ({ now, date }) => {
    jest.useFakeTimers({ now });
    const file = writeNewPost('A new post', { postsDir });
    expect(readPosts(postsDir)).toEqual([expect.objectContaining({ slug: 'a-new-post', date })]);
    expect(fs.readFileSync(file, 'utf8')).toContain(`# updated: "${date}"`);
  });
});
