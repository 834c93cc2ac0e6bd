/**
 * @jest-environment node
 *
 * The parse cache (lib/build/parse-cache.ts, `ParsedPosts` in lib/content/load.ts): a run of
 * the loader answers each post whose file and parse options are as the last run saw them from
 * the file that run saved, gives the same index as a parse, and parses again exactly what
 * changed. Its version (the parse code and the settings) is tested in compile-cache.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContent, type LoadOptions } from '../lib/content/load';
import { openParseCache } from '../lib/build/parse-cache';
import { post, writePosts } from './helpers/posts-dir';

const cacheFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-parse-cache-')), 'parsed.json');

/** Reads the posts in `dir` as the prepare step of a production build does, with `parsed`. */
const load = (dir: string, parsed: LoadOptions['parsed'], options: Partial<LoadOptions> = {}) => loadContent({ dir, root: path.dirname(dir), includeDrafts: false, keepBroken: true, parsed, ...options });

const POSTS = {
  'a.md': post('title: A\ndate: 2020-01-01\nexcerpt: "The *starred* lead of A"\ntags: [one, two]'),
  'b/index.md': post('title: B\ndate: 2020-01-02\ncategory: Notes', 'B, in a folder.'),
  'draft.md': post('title: Draft\ndate: 2020-01-03\ndraft: true'),
  'later.md': post('title: Later\ndate: 2999-01-01'),
};

/** Runs the loader once with a cache from `file` of `version`, saves it, and returns the index and how many posts the file answered. */
function run(dir: string, file: string, version = 'v1', options: Partial<LoadOptions> = {}) {
  const cache = openParseCache(file, version);
  const index = load(dir, cache, options);
  cache.save();
  return { index, reused: cache.reused };
}

describe('the parse cache', () => {
  it('answers every post the last run saw, drafts and scheduled posts too, with the index a parse gives', () => {
    const dir = writePosts(POSTS);
    const file = cacheFile();
    expect(run(dir, file).reused).toBe(0);
    const again = run(dir, file);
    expect(again.reused).toBe(4);
    expect(again.index).toEqual(load(dir, undefined));
    expect(again.index.posts.map((entry) => entry.title)).toEqual(['B', 'A']);
    expect(again.index.posts[1].excerpt).toBe('The starred lead of A');
  });

  it('parses again a post whose file changed, and only it', () => {
    const dir = writePosts(POSTS);
    const file = cacheFile();
    run(dir, file);
    fs.writeFileSync(path.join(dir, 'a.md'), post('title: A, retitled\ndate: 2020-01-01\nexcerpt: "A new lead"'));
    const edited = run(dir, file);
    expect(edited.reused).toBe(3);
    expect(edited.index.posts.find((entry) => entry.slug === 'a')).toMatchObject({ title: 'A, retitled', excerpt: 'A new lead', tags: [] });
    expect(edited.index).toEqual(load(dir, undefined));
  });

  it('parses everything again under another version: the parse code or the settings changed', () => {
    const dir = writePosts(POSTS);
    const file = cacheFile();
    run(dir, file, 'v1');
    expect(run(dir, file, 'v2').reused).toBe(0);
    expect(run(dir, file, 'v2').reused).toBe(4);
  });

  it('parses again when the parse is asked otherwise: drafts wanted, or another day, or another last commit for one post', () => {
    const dir = writePosts(POSTS);
    const file = cacheFile();
    run(dir, file);
    const withDrafts = run(dir, file, 'v1', { includeDrafts: true });
    expect(withDrafts.reused).toBe(0);
    expect(withDrafts.index.posts.map((entry) => entry.title)).toEqual(['Later', 'Draft', 'B', 'A']);
    const hold = { schedule: { timeZone: 'UTC', scheduledPosts: 'hold' as const } };
    run(dir, file, 'v1', hold);
    // In the year 3000, the post dated 2999 is no longer scheduled.
    jest.useFakeTimers({ now: new Date('3000-01-01T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const nextMillennium = run(dir, file, 'v1', hold);
      expect(nextMillennium.reused).toBe(0);
      expect(nextMillennium.index.posts.map((entry) => entry.title)).toContain('Later');
    } finally {
      jest.useRealTimers();
    }
    run(dir, file);
    const committed = run(dir, file, 'v1', { lastCommits: new Map([['posts/a.md', '2021-05-06']]) });
    expect(committed.reused).toBe(3);
    expect(committed.index.posts.find((entry) => entry.slug === 'a')?.updated).toBe('2021-05-06');
  });

  it('keeps a post as the loader parsed it, not as the prepare step changes it after', () => {
    const dir = writePosts(POSTS);
    const file = cacheFile();
    const cache = openParseCache(file, 'v1');
    const index = load(dir, cache);
    // The prepare step gives a post without an excerpt its body's first paragraph.
    index.posts.find((entry) => entry.slug === 'b')!.excerpt = 'B, in a folder.';
    cache.save();
    expect(run(dir, file).index.posts.find((entry) => entry.slug === 'b')?.excerpt).toBe('');
  });

  it('never keeps a post that cannot be read, so its error is found on every run', () => {
    const dir = writePosts({ ...POSTS, 'broken.md': post('title: Broken\ndate: 2020-13-45'), 'latin.md': Buffer.from('---\ntitle: Caf\xe9\ndate: 2020-01-01\n---\n\nBody.\n', 'latin1') });
    const file = cacheFile();
    const first = run(dir, file);
    const second = run(dir, file);
    expect(second.reused).toBe(4);
    expect(second.index.broken.map((entry) => entry.error.message)).toEqual([
      'posts/broken.md:3: date: "2020-13-45" is not a valid date (use YYYY-MM-DD)',
      'posts/latin.md:2: is not UTF-8 text: save it as UTF-8 (it may be Latin-1 or Windows-1252)',
    ]);
    expect(second.index.broken.map((entry) => entry.error.message)).toEqual(first.index.broken.map((entry) => entry.error.message));
  });

  it('starts empty from a file it cannot read, and parses every post', () => {
    const dir = writePosts(POSTS);
    const file = cacheFile();
    fs.writeFileSync(file, '{"version": "v1", "posts": {"trunc');
    const fromGarbage = run(dir, file);
    expect(fromGarbage.reused).toBe(0);
    expect(fromGarbage.index).toEqual(load(dir, undefined));
  });
});
