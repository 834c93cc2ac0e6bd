/**
 * @jest-environment node
 *
 * The sizes the docs give for the two script files a site may publish (docs/search.md,
 * docs/comments-and-analytics.md), read from the docs themselves so that the claim and the file
 * cannot drift apart: each file gzipped (zlib's default level, as CDNs and `npm run serve`
 * compress) must be what its page says, to its
 * one decimal, or under its limit. The header's "Search" link is checked on built pages, in
 * __tests__/build.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(__dirname, '..');
const doc = (name: string) => fs.readFileSync(path.join(root, 'docs', name), 'utf8');
/** A public/ file's size gzipped, in KB of 1024 bytes. */
const gzippedKb = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(root, 'public', file))).length / 1024;

describe('the sizes the docs give', () => {
  it('the search script is as many KB gzipped as docs/search.md says, to one decimal', () => {
    const claimed = doc('search.md').match(/`public\/search\.js`, a ([\d.]+) KB \(gzipped\) module script/)?.[1];
    expect(claimed).toBeDefined();
    expect(gzippedKb('search.js').toFixed(1)).toBe(claimed);
  });

  it('the comments loader is under the limit docs/comments-and-analytics.md gives, gzipped', () => {
    const limit = doc('comments-and-analytics.md').match(/`public\/comments\.js`, under ([\d.]+) KB gzipped/)?.[1];
    expect(limit).toBeDefined();
    expect(gzippedKb('comments.js')).toBeLessThan(Number(limit));
  });
});
