/**
 * lib/build/changed-posts.ts: `npm run dev` builds a post again only when its entry, its body
 * or a file of its folder changed, or after `forget`. Posts are loaded from real files as the
 * prepare step loads them; the builder it wraps is a stand-in that counts what it is asked to
 * build (the real one is a worker process: e2e/dev.test.ts and bench/preview.ts drive it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { changedPostBuilder } from '../lib/build/changed-posts';
import type { PostResult } from '../lib/build/post-output';
import { loadContent } from '../lib/content/load';
import type { Post } from '../lib/content/types';
import { post, writePosts } from './helpers/posts-dir';

let postsDir: string;
const load = () => {
  const index = loadContent({ dir: postsDir, root: path.dirname(postsDir), includeDrafts: true, keepBroken: true });
  return [...index.posts, ...index.pages];
};

/** A builder that records each build and answers with a result naming the post and the build's number. */
function countingBuilder(fail: (entry: Post) => boolean = () => false) {
  const built: string[] = [];
  const build = async (entry: Post): Promise<PostResult> => {
    built.push(entry.slug);
    if (fail(entry)) return { error: { file: entry.sourcePath, detail: 'ran out of time' } };
    return { output: { bodyKey: `${entry.slug}-${built.length}`, socialImage: { url: '/card.png', width: 1200, height: 630 }, usesMath: false, imageFiles: [], warnings: [], bodyExcerpt: '', links: [], ids: [] } };
  };
  return { built, build };
}

/** Builds every loaded post through `builder`, as one run of the prepare step does; returns the results' body keys. */
const run = async (builder: ReturnType<typeof changedPostBuilder>) =>
  Object.fromEntries(await Promise.all(load().map(async (entry) => [entry.slug, await builder.build(entry)] as const)));

beforeEach(() => {
  postsDir = writePosts({
    'plain.md': post('title: Plain\ndate: 2020-01-02', 'The plain body.'),
    'other.md': post('title: Other\ndate: 2020-01-03', 'Another body.'),
    'trip/index.md': post('title: Trip\ndate: 2020-01-04', '![The lake](./lake.png)'),
    'trip/lake.png': Buffer.from('first bytes'),
  });
});
afterEach(() => fs.rmSync(path.dirname(postsDir), { recursive: true, force: true }));

describe('changedPostBuilder', () => {
  it('builds every post on the first run, and none on a run where nothing changed, giving their last results', async () => {
    const counting = countingBuilder();
    const builder = changedPostBuilder(counting.build);
    const first = await run(builder);
    expect(counting.built.sort()).toEqual(['other', 'plain', 'trip']);
    const second = await run(builder);
    expect(counting.built).toHaveLength(3);
    expect(second).toEqual(first);
  });

  it('builds again the post whose body, front matter or folder file changed, and only it', async () => {
    const counting = countingBuilder();
    const builder = changedPostBuilder(counting.build);
    await run(builder);
    counting.built.length = 0;

    fs.writeFileSync(path.join(postsDir, 'plain.md'), post('title: Plain\ndate: 2020-01-02', 'An edited body.'));
    await run(builder);
    expect(counting.built).toEqual(['plain']);

    fs.writeFileSync(path.join(postsDir, 'other.md'), post('title: Other, renamed\ndate: 2020-01-03', 'Another body.'));
    await run(builder);
    expect(counting.built).toEqual(['plain', 'other']);

    // Same name, new bytes of another length: the compile cache would see the old listing.
    fs.writeFileSync(path.join(postsDir, 'trip', 'lake.png'), Buffer.from('the second, longer bytes'));
    const results = await run(builder);
    expect(counting.built).toEqual(['plain', 'other', 'trip']);
    expect(results.trip).toEqual({ output: expect.objectContaining({ bodyKey: 'trip-3' }) });
  });

  it('builds every post again after forget (code, settings or public/ changed)', async () => {
    const counting = countingBuilder();
    const builder = changedPostBuilder(counting.build);
    await run(builder);
    builder.forget();
    await run(builder);
    expect(counting.built.sort()).toEqual(['other', 'other', 'plain', 'plain', 'trip', 'trip']);
  });

  it('keeps no failed build: a post that failed is built again on the next run', async () => {
    let failing = true;
    const counting = countingBuilder((entry) => entry.slug === 'other' && failing);
    const builder = changedPostBuilder(counting.build);
    expect((await run(builder)).other).toEqual({ error: expect.objectContaining({ detail: 'ran out of time' }) });
    failing = false;
    expect((await run(builder)).other).toEqual({ output: expect.objectContaining({ bodyKey: expect.stringMatching(/^other-/) }) });
    expect(counting.built.filter((slug) => slug === 'other')).toHaveLength(2);
  });
});
