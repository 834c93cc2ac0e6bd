/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compiledBodiesDir } from '../lib/node/folders';
import { assetListing, createCompileCache, getPipelineVersion, installedPackages, pipelineModules } from '../lib/build/compile-cache';
import { site } from '../lib/config/site';
import { parseCodeVersion } from '../lib/build/parse-cache';
import { packageDir } from '../lib/node/packages';
import { readCompiledPost } from '../lib/page-props/site-data';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cache-'));

describe('compile cache', () => {
  it('gives each entry the key a page reads it back by', async () => {
    const root = tempDir();
    const cache = createCompileCache(compiledBodiesDir(root), 'v1');
    const entry = { html: '<p>Hi</p>', headings: [], usesMath: false, hasCodeBlocks: false, images: [], warnings: [], excerpt: 'Hi' };
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
  const root = path.resolve(__dirname, '..');

  const copies: string[] = [];
  afterAll(() => copies.forEach((copyRoot) => fs.rmSync(copyRoot, { recursive: true, force: true })));

  /** A copy of the project's code (inside it, so that its packages resolve), changed by `edit`; returns its root. */
  function copy(edit: (copyRoot: string) => void = () => {}): string {
    const copyRoot = fs.mkdtempSync(path.join(root, '.tmp', 'pipeline-'));
    copies.push(copyRoot);
    for (const folder of ['lib', 'components']) fs.cpSync(path.join(root, folder), path.join(copyRoot, folder), { recursive: true });
    fs.copyFileSync(path.join(root, 'tsconfig.json'), path.join(copyRoot, 'tsconfig.json'));
    edit(copyRoot);
    return copyRoot;
  }
  const append = (copyRoot: string, file: string, text: string) => fs.appendFileSync(path.join(copyRoot, file), text);
  let base: string;
  beforeAll(async () => {
    fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
    base = await getPipelineVersion(copy());
  });

  it('finds the pipeline\'s modules from its imports, deep ones and components included, and the packages they use', async () => {
    const { files, packages } = await pipelineModules(root);
    for (const file of ['lib/markdown/compile.ts', 'lib/markdown/sanitize.ts', 'lib/markdown/embeds.ts', 'lib/markdown/code-themes.ts', 'lib/images/body-images.ts', 'lib/images/process.ts', 'lib/integrations/youtube-frame.ts', 'components/MdxBody/renderBody.tsx', 'components/YouTube/YouTube.tsx', 'components/Callout/Callout.tsx']) {
      expect(files).toContain(file);
    }
    expect(files).not.toContain('pages/_document.tsx');
    for (const name of ['shiki', 'rehype-pretty-code', 'rehype-sanitize', 'html-url-attributes', 'react-dom', 'next-mdx-remote', 'sharp']) expect(packages).toContain(name);
    // And what those packages run: rehype-katex's KaTeX, at the version installed for it.
    const katex = JSON.parse(fs.readFileSync(path.join(packageDir('katex', packageDir('rehype-katex', root)!)!, 'package.json'), 'utf8')).version;
    expect(installedPackages(packages, root)).toContain(`katex@${katex}`);
  });

  it('is the same for the same code', async () => {
    expect(await getPipelineVersion(copy())).toBe(base);
  });

  it('changes with any module the pipeline imports, however deep, and with a component whose markup is in the HTML', async () => {
    for (const file of ['lib/markdown/code-themes.ts', 'lib/integrations/youtube-frame.ts', 'lib/images/body-images.ts', 'components/Callout/Callout.tsx']) {
      expect({ file, version: await getPipelineVersion(copy((copyRoot) => append(copyRoot, file, '\n// edited\n'))) }).toEqual({ file, version: expect.not.stringMatching(base) });
    }
  });

  it('does not change when settings no body shows change, like the author\'s bio', async () => {
    const edited = copy((copyRoot) => {
      const file = path.join(copyRoot, 'lib', 'config', 'settings.ts');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/bio: '[^']*'/, "bio: 'Now writes about gardening.'"));
    });
    expect(fs.readFileSync(path.join(edited, 'lib', 'config', 'settings.ts'), 'utf8')).toContain('gardening');
    expect(await getPipelineVersion(edited)).toBe(base);
  });

  it('changes with the settings a body shows: the excerpt\'s length and the image widths', async () => {
    for (const [name, value] of [['excerptLength', 100], ['imageWidths', [640, 1280]]] as const) {
      const saved = site[name];
      Object.assign(site, { [name]: value });
      try {
        expect({ name, version: await getPipelineVersion(copy()) }).toEqual({ name, version: expect.not.stringMatching(base) });
      } finally {
        Object.assign(site, { [name]: saved });
      }
    }
  });

  it('changes with the version of a package the pipeline runs', async () => {
    const withShiki = copy((copyRoot) => {
      fs.mkdirSync(path.join(copyRoot, 'node_modules', 'shiki'), { recursive: true });
      fs.writeFileSync(path.join(copyRoot, 'node_modules', 'shiki', 'package.json'), JSON.stringify({ version: '0.0.1-test' }));
    });
    expect(await getPipelineVersion(withShiki)).not.toBe(base);
  });

  it('has a counterpart for the parse cache: the version of the content loader\'s modules and of every setting', async () => {
    const parseBase = await parseCodeVersion(copy());
    expect(await parseCodeVersion(copy())).toBe(parseBase);
    for (const file of ['lib/content/schema.ts', 'lib/content/plain-text.ts', 'lib/routes/table.ts', 'lib/config/settings.ts']) {
      expect({ file, version: await parseCodeVersion(copy((copyRoot) => append(copyRoot, file, '\n// edited\n'))) }).toEqual({ file, version: expect.not.stringMatching(parseBase) });
    }
    // Code that only compiles bodies is not the loader's.
    expect(await parseCodeVersion(copy((copyRoot) => append(copyRoot, 'lib/markdown/code-themes.ts', '\n// edited\n')))).toBe(parseBase);
    const saved = site.wordsPerMinute;
    Object.assign(site, { wordsPerMinute: saved + 1 });
    try {
      expect(await parseCodeVersion(copy())).not.toBe(parseBase);
    } finally {
      Object.assign(site, { wordsPerMinute: saved });
    }
  });
});
