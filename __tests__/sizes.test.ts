/**
 * @jest-environment node
 *
 * The sizes the README gives for the two script files a site may publish, read from the
 * README itself so that the claim and the file cannot drift apart: each file gzipped (zlib's
 * default level, as CDNs and `npm run serve` compress) must be what the README says, to its
 * one decimal, or under its limit. The header's "Search" link is checked on built pages, in
 * __tests__/build.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
/** A public/ file's size gzipped, in KB of 1024 bytes. */
const gzippedKb = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(root, 'public', file))).length / 1024;

describe('the README\'s sizes', () => {
  it('the search script is as many KB gzipped as the README says, to one decimal', () => {
    const claimed = readme.match(/`public\/search\.js`, a ([\d.]+) KB \(gzipped\) module script/)?.[1];
    expect(claimed).toBeDefined();
    expect(gzippedKb('search.js').toFixed(1)).toBe(claimed);
  });

  it('the comments loader is under the README\'s limit gzipped', () => {
    const limit = readme.match(/`public\/comments\.js`, under ([\d.]+) KB gzipped/)?.[1];
    expect(limit).toBeDefined();
    expect(gzippedKb('comments.js')).toBeLessThan(Number(limit));
  });
});
