/**
 * @jest-environment node
 *
 * The base path (`BASE_PATH`, for sites served under a sub-path): how it is read and
 * checked, and that every URL Folio builds (site settings, content, compiled bodies, the
 * build manifest) carries it. The real build under a base path is e2e/base-path.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBasePath, parseSiteUrl, prefixBasePath, stripBasePath } from '../lib/routes/base-path';
import { scratchImageStore, writeImage } from './helpers/images';
import { post, writePosts } from './helpers/posts-dir';

describe('parseBasePath', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['/', ''],
    ['  ', ''],
    ['/my-repo', '/my-repo'],
    ['my-repo', '/my-repo'],
    ['/my-repo/', '/my-repo'],
    ['/blog/v2.1_~x', '/blog/v2.1_~x'],
  ])('reads %j as %j', (raw, expected) => {
    expect(parseBasePath(raw)).toBe(expected);
  });

  it.each([
    ['https://example.com/my-repo', 'it is a URL'],
    ['/a//b', 'empty segment'],
    ['/a/../b', 'a ".." segment'],
    ['/my repo', '"my repo" may only hold'],
    ['/a?b', '"a?b" may only hold'],
    ['/%20', '"%20" may only hold'],
  ])('refuses %j, saying why', (raw, reason) => {
    expect(() => parseBasePath(raw)).toThrow(`BASE_PATH ${JSON.stringify(raw)} is not a base path like /my-repo: `);
    expect(() => parseBasePath(raw)).toThrow(reason);
  });
});

describe('parseSiteUrl', () => {
  it('keeps the origin of an address without a path', () => {
    expect(parseSiteUrl('https://blog.example.com', 'site.url')).toBe('https://blog.example.com');
    expect(parseSiteUrl('https://blog.example.com/', 'site.url')).toBe('https://blog.example.com');
    expect(parseSiteUrl('http://localhost:8080', 'SITE_URL')).toBe('http://localhost:8080');
  });

  it('refuses a path (which belongs in BASE_PATH), other schemes and non-URLs, naming the setting', () => {
    expect(() => parseSiteUrl('https://me.github.io/my-repo/', 'SITE_URL')).toThrow('SITE_URL "https://me.github.io/my-repo/" must be an origin only, like https://me.github.io; a sub-path goes in BASE_PATH (/my-repo)');
    expect(() => parseSiteUrl('ftp://example.com', 'site.url')).toThrow('must be an http(s) URL');
    expect(() => parseSiteUrl('example.com', 'site.url in lib/config/settings.ts')).toThrow('site.url in lib/config/settings.ts "example.com" is not a URL');
  });
});

describe('prefixBasePath and stripBasePath', () => {
  it('puts root-relative paths under the base path and leaves every other URL alone', () => {
    expect(prefixBasePath('/my-repo', '/')).toBe('/my-repo/');
    expect(prefixBasePath('/my-repo', '/posts/x/')).toBe('/my-repo/posts/x/');
    for (const url of ['https://example.com/x', '//cdn.example.com/x', '#top', '?q=1', 'img/a.png', 'mailto:a@example.com']) expect(prefixBasePath('/my-repo', url)).toBe(url);
    expect(prefixBasePath('', '/posts/x/')).toBe('/posts/x/');
  });

  it('finds the site path of an href, and nothing outside the base path', () => {
    expect(stripBasePath('/my-repo', '/my-repo/posts/x/')).toBe('/posts/x/');
    expect(stripBasePath('/my-repo', '/my-repo')).toBe('/');
    expect(stripBasePath('/my-repo', '/my-repo/')).toBe('/');
    expect(stripBasePath('/my-repo', '/my-repository/')).toBeNull();
    expect(stripBasePath('/my-repo', '/posts/x/')).toBeNull();
    expect(stripBasePath('/my-repo', 'https://example.com/my-repo/')).toBeNull();
    expect(stripBasePath('', '/posts/x/')).toBe('/posts/x/');
  });
});

describe('a site built with BASE_PATH=/my-repo', () => {
  const saved = { BASE_PATH: process.env.BASE_PATH, SITE_URL: process.env.SITE_URL };
  beforeEach(() => {
    process.env.BASE_PATH = '/my-repo/';
    process.env.SITE_URL = 'https://me.github.io';
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  /** Loads `module` afresh, so lib/config/site.ts reads the environment set above. */
  async function fresh<T>(module: string): Promise<T> {
    let loaded: T | undefined;
    await jest.isolateModulesAsync(async () => {
      loaded = await import(module);
    });
    return loaded!;
  }

  it('builds the menu, the feeds, canonical and social image URLs under it', async () => {
    const site = await fresh<typeof import('../lib/config/site')>('../lib/config/site');
    expect(site.basePath).toBe('/my-repo');
    expect(site.site.url).toBe('https://me.github.io');
    expect(site.withBasePath('/tags/')).toBe('/my-repo/tags/');
    expect(site.absoluteUrl(site.withBasePath('/archive/'))).toBe('https://me.github.io/my-repo/archive/');
    expect(site.siteFeeds.map((feed) => feed.href)).toEqual(['/my-repo/rss.xml', '/my-repo/atom.xml', '/my-repo/feed.json']);
    expect(site.socialImageUrl()).toBe('https://me.github.io/my-repo/social-default.png');
    // A page whose href is a configured entry's is not listed twice.
    expect(site.siteMenu([{ title: 'About', url: '/my-repo/about/' }, { title: 'Archive again', url: '/my-repo/archive/' }])).toEqual([
      { label: 'Posts', href: '/my-repo/' },
      { label: 'Tags', href: '/my-repo/tags/' },
      { label: 'Archive', href: '/my-repo/archive/' },
      { label: 'Search', href: '/my-repo/search/' },
      { label: 'About', href: '/my-repo/about/' },
    ]);
  });

  it('fails to load with a bad BASE_PATH, saying which setting is wrong', async () => {
    process.env.BASE_PATH = '/my repo';
    await expect(fresh('../lib/config/site')).rejects.toThrow('BASE_PATH "/my repo" is not a base path like /my-repo');
  });

  it('gives posts, pages, terms and images hrefs under it, and the manifest keeps it', async () => {
    const dir = writePosts({
      'first.md': post('title: First\ndate: 2020-01-01\ntags: [caching]\ncategory: Notes\ncover: /covers/first.png'),
      'about.md': post('title: About\ndate: 2020-01-01\ntemplate: page'),
      'folder/index.md': post('title: Folder\ndate: 2020-02-02\ncover: ./cover.png'),
      'folder/cover.png': 'png',
    });
    const { loadContent } = await fresh<typeof import('../lib/content/load')>('../lib/content/load');
    const { buildManifest } = await fresh<typeof import('../lib/build/manifest')>('../lib/build/manifest');
    const index = loadContent({ dir, root: path.dirname(dir), includeDrafts: false, keepBroken: false });
    const first = index.posts.find((entry) => entry.slug === 'first')!;
    expect(first.url).toBe('/my-repo/posts/first/');
    expect(first.tags[0].url).toBe('/my-repo/tags/caching/');
    expect(first.category?.url).toBe('/my-repo/categories/notes/');
    expect(first.cover).toBe('/my-repo/covers/first.png');
    expect(index.posts.find((entry) => entry.slug === 'folder')!.cover).toBe('/my-repo/posts/folder/cover.png');
    expect(index.pages[0].url).toBe('/my-repo/about/');
    const manifest = buildManifest(index);
    expect(manifest.basePath).toBe('/my-repo');
    expect(manifest.routes.map((route) => route.url)).toEqual(expect.arrayContaining(['/my-repo/', '/my-repo/tags/', '/my-repo/archive/', '/my-repo/posts/first/', '/my-repo/tags/caching/']));
    expect(manifest.routes.every((route) => route.url.startsWith('/my-repo/'))).toBe(true);
  });

  it('puts links and images in compiled bodies under it: root-relative ones, folder assets and the images the build makes', async () => {
    const assetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-assets-'));
    const images = scratchImageStore();
    await writeImage(path.join(assetDir, 'diagram.png'), 64, 32, 'png');
    await writeImage(path.join(images.publicDir, 'images', 'b.png'), 48, 24, 'png');
    const { compileBody } = await fresh<typeof import('../lib/markdown/compile')>('../lib/markdown/compile');
    const { renderBodyHtml } = await fresh<typeof import('../components/MdxBody/renderBody')>('../components/MdxBody/renderBody');
    const render = async (body: Parameters<typeof compileBody>[0]) => renderBodyHtml((await compileBody(body, { imageStore: images.store })).content, 'https://folio.example.com');
    const source = { bodyStartLine: 1, sourcePath: 'posts/test.mdx', slug: 'test' };
    const md = await render({ ...source, format: 'md', assetDir, body: '[Other](/posts/other/) ![A](./diagram.png) ![B](/images/b.png) [Out](https://example.com/x) [Top](#top) [File](./diagram.png)\n\n<video src="/clips/a.mp4" poster="/clips/a.png"></video>' });
    for (const href of ['"/my-repo/posts/other/"', '"/my-repo/posts/test/diagram.png"', '"https://example.com/x"', '"#top"', '"/my-repo/clips/a.mp4"', '"/my-repo/clips/a.png"']) {
      expect(md).toContain(href);
    }
    // Both images become pictures of files the build made, every candidate under the base path.
    const imageUrls = [...md.matchAll(/(?:src|srcSet|srcset)="([^"]+)"/g)].flatMap(([, value]) => value.split(',').map((candidate) => candidate.trim().split(' ')[0])).filter((url) => url.includes('_img'));
    expect(imageUrls.some((url) => /\/diagram-[0-9a-f]+-64\.avif$/.test(url))).toBe(true);
    expect(imageUrls.some((url) => /\/b-[0-9a-f]+-48\.webp$/.test(url))).toBe(true);
    expect(imageUrls.every((url) => url.startsWith('/my-repo/_img/'))).toBe(true);
    const mdx = await render({ ...source, format: 'mdx', assetDir: null, body: '[Diagram](/posts/cache-layers/diagram.png)' });
    expect(mdx).toContain('"/my-repo/posts/cache-layers/diagram.png"');
  });
});
