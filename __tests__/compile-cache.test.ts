/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compiledBodiesDir } from '../lib/build/folders.mjs';
import { assetListing, createCompileCache, getPipelineVersion, readCompiledPost } from '../lib/build/compile-cache';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cache-'));

describe('compile cache', () => {
  it('gives each entry the key a page reads it back by', async () => {
    const root = tempDir();
    const cache = createCompileCache(compiledBodiesDir(root), 'v1');
    const entry = { html: '<p>Hi</p>', headings: [], usesMath: false, images: [], warnings: [] };
    const { key } = await cache.get({ body: 'a' }, async () => entry);
    expect(readCompiledPost(root, key)).toEqual(entry);
    expect(() => readCompiledPost(root, 'f'.repeat(64))).toThrow(/^The compiled body \.next\/cache\/folio\/compiled\/ff\/f{64}\.json cannot be read/);
  });

  it('compiles once, then serves the entry until the input changes', async () => {
    const cache = createCompileCache(tempDir(), 'v1');
    let calls = 0;
    const compute = jest.fn(async () => ({ compiledSource: `compiled ${++calls}` }));
    expect((await cache.get({ body: 'a' }, compute)).value).toEqual({ compiledSource: 'compiled 1' });
    expect((await cache.get({ body: 'a' }, compute)).value).toEqual({ compiledSource: 'compiled 1' });
    expect(compute).toHaveBeenCalledTimes(1);
    expect((await cache.get({ body: 'b' }, compute)).value).toEqual({ compiledSource: 'compiled 2' });
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('never serves an entry of another pipeline version', async () => {
    const dir = tempDir();
    await createCompileCache(dir, 'v1').get({ body: 'a' }, async () => 'old pipeline');
    expect((await createCompileCache(dir, 'v2').get({ body: 'a' }, async () => 'new pipeline')).value).toBe('new pipeline');
    expect((await createCompileCache(dir, 'v1').get({ body: 'a' }, async () => 'recompiled')).value).toBe('old pipeline');
  });

  it('treats an unreadable entry as a miss, and a deleted cache as empty', async () => {
    const dir = tempDir();
    const cache = createCompileCache(dir, 'v1');
    await cache.get({ body: 'a' }, async () => 'first');
    const [entry] = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json'));
    fs.writeFileSync(path.join(dir, entry), '{ truncated');
    expect((await cache.get({ body: 'a' }, async () => 'again')).value).toBe('again');
    fs.rmSync(dir, { recursive: true, force: true });
    expect((await cache.get({ body: 'a' }, async () => 'after delete')).value).toBe('after delete');
  });

  it('computes again when the entry is no longer current, as when an image it shows has changed', async () => {
    const cache = createCompileCache(tempDir(), 'v1');
    await cache.get({ body: 'a' }, async () => ({ image: 'old' }));
    expect((await cache.get({ body: 'a' }, async () => ({ image: 'new' }), (cached) => cached.image === 'new')).value).toEqual({ image: 'new' });
    expect((await cache.get({ body: 'a' }, async () => ({ image: 'newer' }), (cached) => cached.image === 'new')).value).toEqual({ image: 'new' });
  });

  it('does not cache errors', async () => {
    const cache = createCompileCache(tempDir(), 'v1');
    await expect(cache.get({ body: 'bad' }, async () => Promise.reject(new Error('does not compile')))).rejects.toThrow('does not compile');
    expect((await cache.get({ body: 'bad' }, async () => 'fixed')).value).toBe('fixed');
  });

  it('lists a folder post\'s files, so adding a missing image changes the key', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.md'), '');
    expect(assetListing(dir)).toEqual(['index.md']);
    fs.writeFileSync(path.join(dir, 'diagram.png'), '');
    expect(assetListing(dir)).toEqual(['diagram.png', 'index.md']);
    expect(assetListing(null)).toBeNull();
  });
});

describe('getPipelineVersion', () => {
  function project(markdownSource: string, shikiVersion: string, imageWidths = '[480, 960, 1600]', callout = 'export const Callout = () => <aside className="callout" />;') {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'lib'));
    fs.mkdirSync(path.join(root, 'components', 'Callout'), { recursive: true });
    fs.writeFileSync(path.join(root, 'components', 'Callout', 'Callout.tsx'), callout);
    fs.writeFileSync(path.join(root, 'lib', 'markdown.ts'), markdownSource);
    fs.writeFileSync(path.join(root, 'lib', 'code-themes.ts'), 'export const themes = 1;');
    fs.writeFileSync(path.join(root, 'lib', 'images.ts'), 'export const sizes = "100vw";');
    fs.writeFileSync(path.join(root, 'lib', 'image-processing.ts'), `export const IMAGE_WIDTHS = ${imageWidths};`);
    fs.mkdirSync(path.join(root, 'node_modules', 'shiki'), { recursive: true });
    fs.writeFileSync(path.join(root, 'node_modules', 'shiki', 'package.json'), JSON.stringify({ version: shikiVersion }));
    return root;
  }

  it('changes with the pipeline\'s options, its image options and its packages\' versions', () => {
    const base = getPipelineVersion(project("const plugins = ['gfm'];", '4.6.0'));
    expect(getPipelineVersion(project("const plugins = ['gfm'];", '4.6.0'))).toBe(base);
    expect(getPipelineVersion(project("const plugins = ['gfm', 'math'];", '4.6.0'))).not.toBe(base);
    expect(getPipelineVersion(project("const plugins = ['gfm'];", '4.7.0'))).not.toBe(base);
    expect(getPipelineVersion(project("const plugins = ['gfm'];", '4.6.0', '[640, 1280]'))).not.toBe(base);
  });

  it('changes with the version of html-url-attributes, which says which attributes of a body hold URLs', () => {
    const withUrlAttributes = (version: string) => {
      const root = project("const plugins = ['gfm'];", '4.6.0');
      fs.mkdirSync(path.join(root, 'node_modules', 'html-url-attributes'), { recursive: true });
      fs.writeFileSync(path.join(root, 'node_modules', 'html-url-attributes', 'package.json'), JSON.stringify({ version }));
      return getPipelineVersion(root);
    };
    expect(withUrlAttributes('3.0.1')).toBe(withUrlAttributes('3.0.1'));
    expect(withUrlAttributes('3.1.0')).not.toBe(withUrlAttributes('3.0.1'));
  });

  it('changes with a component whose markup is in the rendered HTML', () => {
    const base = getPipelineVersion(project("const plugins = ['gfm'];", '4.6.0'));
    expect(getPipelineVersion(project("const plugins = ['gfm'];", '4.6.0', undefined, 'export const Callout = () => <aside className="callout note" />;'))).not.toBe(base);
  });

  it('is a real hash of this project\'s pipeline', () => {
    expect(getPipelineVersion()).toMatch(/^[0-9a-f]{64}$/);
  });
});
