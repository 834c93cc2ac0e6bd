/**
 * @jest-environment node
 *
 * Posts built in worker processes (lib/build/post-builders.ts): a post that would take a build
 * worker past its memory or its time fails alone, naming itself, and the others are built.
 * The limits here are lower than a build's, so that each post hits them in seconds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildInWorker, startPostBuilders, type PostBuilders } from '../lib/build/post-builders';
import { loadContent } from '../lib/content/load';
import { type Post } from '../lib/content/types';
import { makeSiteCopy, removeSiteCopy } from '../scripts/build-site';
import { folioCacheDir } from '../lib/node/folders';

jest.setTimeout(180_000);

const frontMatter = (title: string) => `---\ntitle: ${title}\ndate: 2020-01-01\n---\n\n`;
const row = (cells: number) => `|${' x |'.repeat(cells)}\n`;
const POSTS = {
  'definitions.md': `${frontMatter('Definitions')}Text [a].\n\n${Array.from({ length: 50_000 }, (_, i) => `[r${i}]: https://example.com/${i}\n`).join('')}`,
  'table.md': `${frontMatter('Table')}${row(300)}|${' - |'.repeat(300)}\n${row(300).repeat(1000)}`,
  'staircase.md': `${frontMatter('Staircase')}${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item\n`).join('')}`,
  'fine.md': `${frontMatter('Fine')}A post like any other.\n`,
};

let builders: PostBuilders;
let posts: Record<string, Post>;
let site: string;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-costly-'));
  for (const [name, source] of Object.entries(POSTS)) fs.writeFileSync(path.join(dir, name), source);
  // A scratch copy of the site, whose caches the workers write.
  site = makeSiteCopy(dir, 'post-builders-test');
  const index = loadContent({ dir: path.join(site, 'posts'), root: site, includeDrafts: false, keepBroken: false });
  posts = Object.fromEntries(index.posts.map((post) => [path.basename(post.sourcePath), post]));
  builders = startPostBuilders(site, { limits: { memoryMb: 256, timeoutMs: 15_000 } });
});
afterAll(() => {
  builders.close();
  removeSiteCopy(site);
});

it('fails each post too costly to build, naming it and what it ran out of, and builds the others', async () => {
  const results = await Promise.all(Object.keys(POSTS).map((name) => buildInWorker(builders, posts[name])));
  const byName = Object.fromEntries(Object.keys(POSTS).map((name, i) => [name, results[i]]));
  for (const name of ['definitions.md', 'table.md', 'staircase.md']) {
    const result = byName[name];
    expect('error' in result && result.error).toEqual({
      file: posts[name].sourcePath,
      detail: expect.stringMatching(/^building this post (takes more than 15 s|needs more than 256 MB of memory): it is too large or too complex to build \(split it, or shorten what is repeated\)$/),
    });
  }
  expect('output' in byName['fine.md'] && byName['fine.md'].output.bodyExcerpt).toBe('A post like any other.');
});

it('runs its worker module bundled into one file: the project\'s code inlined, only packages left for Node to load', () => {
  const bundle = fs.readFileSync(path.join(folioCacheDir(site), 'post-worker.mjs'), 'utf8');
  const imported = [...bundle.matchAll(/^import\b[^'"]*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm)].map((match) => match[1] ?? match[2]);
  expect(imported).toEqual(expect.arrayContaining(['unified', 'react-dom/server']));
  expect(imported.filter((specifier) => /^[./]/.test(specifier))).toEqual([]);
  expect(bundle).toContain('serveJobs');
});
