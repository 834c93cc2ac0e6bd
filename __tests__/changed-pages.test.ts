/**
 * @jest-environment node
 *
 * Which pages a rebuild renders again (lib/build/changed-pages.ts), where Next rendered them
 * (`pageRoutesOf`, lib/build/render-pages.ts), and the copy of files into the last build's
 * `out/` (`copyNewer`, lib/node/files.ts). `__tests__/build-changed-pages.test.ts` runs them in builds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { changedPageUrls, pagesSourceOf } from '../lib/build/changed-pages';
import { pageRoutesOf } from '../lib/build/render-pages';
import { copyNewer } from '../lib/node/files';
import type { SiteData } from '../lib/page-props/site-data';
import type { Post } from '../lib/content/types';

/** A post of the project at `root`: `b` is a folder post with a photo. */
const entry = (slug: string, url: string, title: string, root = '/home/author/blog') => {
  const folder = slug === 'b' ? `${root}/posts/b` : null;
  return {
    slug,
    url,
    title,
    sourcePath: folder ? 'posts/b/index.md' : `posts/${slug}.md`,
    file: folder ? `${folder}/index.md` : `${root}/posts/${slug}.md`,
    assetDir: folder,
    assets: folder ? [{ name: 'photo.jpg', file: `${folder}/photo.jpg`, sourcePath: 'posts/b/photo.jpg' }] : [],
  } as Post;
};

/** A prepared site of two posts and a page, each with its body key, in the project at `root`. */
function siteData(change: { bodies?: Record<string, string>; title?: string; card?: string; root?: string } = {}): SiteData {
  const posts = [entry('a', '/posts/a/', change.title ?? 'A', change.root), entry('b', '/posts/b/', 'B', change.root)];
  const pages = [entry('about', '/about/', 'About', change.root)];
  const outputs = Object.fromEntries(
    [...posts, ...pages].map((post) => [post.sourcePath, { bodyKey: change.bodies?.[post.slug] ?? `body of ${post.slug}`, socialImage: { url: change.card && post.slug === 'a' ? change.card : `/_img/card-${post.slug}.png`, width: 1200, height: 630 } }]),
  );
  return { mode: 'production', basePath: '', siteUrl: 'https://folio.example.com', posts, pages, broken: [], outputs, avatars: {} };
}

describe('the pages whose body changed', () => {
  const before = pagesSourceOf(siteData());

  it('are none for the same site data, and exactly those of the bodies that changed, a page\'s too', () => {
    expect(changedPageUrls(before, pagesSourceOf(siteData()))).toEqual([]);
    expect(changedPageUrls(before, pagesSourceOf(siteData({ bodies: { b: 'b, edited' } })))).toEqual(['/posts/b/']);
    expect(changedPageUrls(before, pagesSourceOf(siteData({ bodies: { b: 'b, edited', about: 'about, edited' } })))).toEqual(['/about/', '/posts/b/']);
  });

  it('are not enough when anything else of the site data changed: a title, a card, a post added', () => {
    expect(changedPageUrls(before, pagesSourceOf(siteData({ title: 'A, renamed' })))).toBeNull();
    expect(changedPageUrls(before, pagesSourceOf(siteData({ card: '/_img/card-new.png' })))).toBeNull();
    const added = siteData();
    added.posts.push(entry('c', '/posts/c/', 'C'));
    expect(changedPageUrls(before, pagesSourceOf(added))).toBeNull();
  });

  it('are named by their site path, without the base path that their URLs hold', () => {
    const under = (data: SiteData): SiteData => ({
      ...data,
      basePath: '/blog',
      posts: data.posts.map((post) => ({ ...post, url: `/blog${post.url}` })),
      pages: data.pages.map((post) => ({ ...post, url: `/blog${post.url}` })),
    });
    expect(changedPageUrls(pagesSourceOf(under(siteData())), pagesSourceOf(under(siteData({ bodies: { a: 'a, edited' } }))))).toEqual(['/posts/a/']);
  });

  it("are only the edited body's in a clone of the project elsewhere (a deploy's, with the last build restored): where files are shows on no page", () => {
    expect(changedPageUrls(before, pagesSourceOf(siteData({ root: '/home/runner/work/blog/blog', bodies: { a: 'a, edited' } })))).toEqual(['/posts/a/']);
  });

  it('are found the same in the site data as written and as read back', () => {
    const data = siteData({ bodies: { a: 'a, edited' } });
    expect(pagesSourceOf(JSON.parse(JSON.stringify(data)) as SiteData)).toEqual(pagesSourceOf(data));
  });
});

describe('where Next rendered a page', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-routes-'));
  fs.mkdirSync(path.join(root, '.next'));
  const routes = { '/': { srcRoute: null }, '/posts/a': { srcRoute: '/posts/[slug]' }, '/posts/größe': { srcRoute: '/posts/[slug]' }, '/about': { srcRoute: '/[root]' } };
  fs.writeFileSync(path.join(root, '.next', 'prerender-manifest.json'), JSON.stringify({ routes }));

  it('is its path without the trailing slash, decoded, and the page file that rendered it', () => {
    expect(pageRoutesOf(root, ['/posts/a/', '/about/', '/', '/posts/gr%C3%B6%C3%9Fe/'])).toEqual([
      { url: '/posts/a/', route: '/posts/a', page: '/posts/[slug]' },
      { url: '/about/', route: '/about', page: '/[root]' },
      { url: '/', route: '/', page: '/' },
      { url: '/posts/gr%C3%B6%C3%9Fe/', route: '/posts/größe', page: '/posts/[slug]' },
    ]);
  });

  it('is unknown for a page Next did not render, or without its manifest', () => {
    expect(pageRoutesOf(root, ['/posts/a/', '/posts/new/'])).toBeNull();
    expect(pageRoutesOf(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-routes-')), ['/posts/a/'])).toBeNull();
  });
});

describe('copyNewer', () => {
  it('copies what is missing or changed, and leaves a copy that is as new as its file', () => {
    const from = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-copy-from-'));
    const to = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-copy-to-'));
    const write = (dir: string, file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write(from, 'kept.txt', 'kept');
    write(from, 'img/card.png', 'a card');
    expect(copyNewer(from, to)).toBe(2);
    expect(fs.readFileSync(path.join(to, 'img', 'card.png'), 'utf8')).toBe('a card');
    expect(copyNewer(from, to)).toBe(0);

    // Removed from out/ (pruned), rewritten since with the same size, or with another size: each is copied again.
    fs.rmSync(path.join(to, 'kept.txt'));
    write(from, 'img/card.png', 'b card');
    // Its copy was made before the file was rewritten.
    fs.utimesSync(path.join(to, 'img', 'card.png'), new Date(0), new Date(0));
    expect(copyNewer(from, to)).toBe(2);
    expect(fs.readFileSync(path.join(to, 'kept.txt'), 'utf8')).toBe('kept');
    expect(fs.readFileSync(path.join(to, 'img', 'card.png'), 'utf8')).toBe('b card');
    write(from, 'kept.txt', 'kept, and longer');
    fs.utimesSync(path.join(from, 'kept.txt'), new Date(0), new Date(0));
    expect(copyNewer(from, to)).toBe(1);
    expect(fs.readFileSync(path.join(to, 'kept.txt'), 'utf8')).toBe('kept, and longer');
  });
});
