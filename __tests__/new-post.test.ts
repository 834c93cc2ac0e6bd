/** @jest-environment node */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContent } from '../lib/content';

const script = path.resolve(__dirname, '..', 'scripts', 'new-post.mjs');

function newPost(postsDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, [script, ...args], { cwd: path.dirname(postsDir), env: { ...process.env, FOLIO_POSTS_DIR: postsDir }, encoding: 'utf8', stdio: 'pipe' });
}

const localToday = () => {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
};

describe('npm run new-post', () => {
  let postsDir: string;
  beforeEach(() => {
    postsDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-new-')), 'posts');
  });

  it('writes posts/<slug>.md with today\'s date, every field, and valid front matter', () => {
    expect(newPost(postsDir, 'My "quoted" title: Über')).toContain('Wrote posts/my-quoted-title-uber.md');
    const text = fs.readFileSync(path.join(postsDir, 'my-quoted-title-uber.md'), 'utf8');
    for (const field of ['title', 'date', 'updated', 'draft', 'template', 'tags', 'category', 'excerpt', 'description', 'slug', 'cover', 'socialImage']) {
      expect(text).toMatch(new RegExp(`^#? ?${field}:`, 'm'));
    }
    const index = loadContent({ dir: postsDir, root: path.dirname(postsDir), includeDrafts: true, keepBroken: false });
    expect(index.posts).toEqual([expect.objectContaining({ slug: 'my-quoted-title-uber', title: 'My "quoted" title: Über', date: localToday(), draft: true, template: 'post' })]);
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
