/**
 * @jest-environment node
 *
 * Builds a generated site of 23 posts with the real `next build` (see scripts/build-site.ts)
 * and checks the list pages in `out/`: pagination, tags and categories (with non-ASCII names),
 * the archive, and the chrome of post pages. Then serves `out/` as a static host does and
 * follows every link of every page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { start } from '../scripts/serve';
import { site } from '../lib/config/site';
import { post, writePosts } from './helpers/posts-dir';
import { filesUnder } from '../lib/node/files';
import { buildSite, removeBuiltSites } from './helpers/build-site';
import { ADMIN_PATH } from '../lib/routes/table';

jest.setTimeout(300_000);

afterAll(removeBuiltSites);
const POSTS = 23;

/** Post `n` (1 is the oldest) is dated 40 days after post n-1, from 2019-01-05 into 2021. */
const dateOf = (n: number) => new Date(Date.UTC(2019, 0, 5 + 40 * (n - 1))).toISOString().slice(0, 10);
const tagsOf = (n: number) => ['common', ...(n % 2 ? ['中文'] : []), ...(n % 3 ? [] : ['Tiếng Việt']), ...(n % 5 ? [] : ['Größe'])];
const categoryOf = (n: number) => (n % 2 ? '技术' : 'Über Reisen');

function fixturePosts(): string {
  const files: Record<string, string> = {
    'about.md': post('title: About\ndate: 2019-01-01\ntemplate: page', '## One\n\nText.\n\n## Two\n\nText.\n\n## Three\n\nText.'),
  };
  for (let n = 1; n <= POSTS; n++) {
    const body = n === POSTS ? '## First part\n\nText.\n\n## Second part\n\nText.\n\n### A detail\n\nText.' : n === POSTS - 1 ? '## Only\n\nText.\n\n## Two headings\n\nText.' : `The body of post ${n}.`;
    files[`post-${n}.md`] = post(`title: Post ${n}\ndate: ${dateOf(n)}\ncategory: ${categoryOf(n)}\ntags: ${JSON.stringify(tagsOf(n))}`, body);
  }
  return writePosts(files);
}

describe('next build of a site with 23 posts: list pages', () => {
  let out: string;
  // React separates adjacent text with <!-- -->; it is not part of what a reader sees.
  const html = (page: string) => fs.readFileSync(path.join(out, page, 'index.html'), 'utf8').replaceAll('<!-- -->', '');
  /** The hrefs of the post titles a list page shows. */
  const listed = (page: string) => [...html(page).matchAll(/<h2[^>]*><a href="([^"]+)">/g)].map((match) => match[1]);
  const headLink = (page: string, rel: string) => html(page).match(new RegExp(`<link rel="${rel}" href="([^"]+)"`))?.[1] ?? null;
  const pagination = (page: string) => html(page).match(/<nav[^>]*aria-label="Pagination"[^>]*>(.*?)<\/nav>/)?.[1] ?? null;
  const posts = (...numbers: number[]) => numbers.map((n) => `/posts/post-${n}/`);

  beforeAll(async () => {
    out = await buildSite(fixturePosts(), 'lists-build-test');
  });

  it('pages the home list 10 posts at a time, newest first, at /, /page/2/ and /page/3/', () => {
    expect(site.postsPerPage).toBe(10);
    expect(listed('')).toEqual(posts(23, 22, 21, 20, 19, 18, 17, 16, 15, 14));
    expect(listed('page/2')).toEqual(posts(13, 12, 11, 10, 9, 8, 7, 6, 5, 4));
    expect(listed('page/3')).toEqual(posts(3, 2, 1));
    expect(fs.readdirSync(path.join(out, 'page')).sort()).toEqual(['2', '3']);
  });

  it('links each page to its neighbours with rel="prev" and rel="next", on the links and in the head', () => {
    expect(pagination('')).toMatch(/^<p[^>]*>Page 1 of 3<\/p><a[^>]*href="\/page\/2\/" rel="next">Older posts/);
    expect(headLink('', 'prev')).toBeNull();
    expect(headLink('', 'next')).toBe(`${site.url}/page/2/`);

    expect(pagination('page/2')).toMatch(/<a[^>]*href="\/" rel="prev">.*Newer posts<\/a>.*Page 2 of 3.*<a[^>]*href="\/page\/3\/" rel="next">Older posts/);
    expect(headLink('page/2', 'prev')).toBe(`${site.url}/`);
    expect(headLink('page/2', 'next')).toBe(`${site.url}/page/3/`);
    expect(html('page/2')).toContain(`<link rel="canonical" href="${site.url}/page/2/"`);
    expect(html('page/2')).toMatch(/<title[^>]*>Latest posts, page 2 of 3 \| Folio<\/title>/);

    expect(pagination('page/3')).not.toContain('rel="next"');
    expect(headLink('page/3', 'next')).toBeNull();
  });

  it('lists every tag and category with its number of posts, linking percent-encoded URLs', () => {
    const tags = [...html('tags').matchAll(/<li[^>]*><a href="([^"]+)">([^<]+)<\/a> <span[^>]*>([^<]+)<\/span><\/li>/g)].map((match) => match.slice(1));
    expect(tags).toEqual([
      ['/tags/common/', 'common', '23 posts'],
      ['/tags/grosse/', 'Größe', '4 posts'],
      ['/tags/tieng-viet/', 'Tiếng Việt', '7 posts'],
      ['/tags/%E4%B8%AD%E6%96%87/', '中文', '12 posts'],
    ]);
    expect(html('categories')).toContain('<a href="/categories/%E6%8A%80%E6%9C%AF/">技术</a> <span');
    expect(html('categories')).toContain('<a href="/categories/uber-reisen/">Über Reisen</a> <span');
  });

  it('writes a non-ASCII term page under its own name in out/, paginated', () => {
    // Next writes the slug itself as the folder name; links percent-encode it.
    expect(fs.readdirSync(path.join(out, 'tags')).sort()).toEqual(['common', 'grosse', 'index.html', 'tieng-viet', '中文']);
    expect(html('tags/中文')).toMatch(/<h1>Posts tagged “中文”<\/h1>/);
    expect(listed('tags/中文')).toEqual(posts(23, 21, 19, 17, 15, 13, 11, 9, 7, 5));
    expect(listed('tags/中文/page/2')).toEqual(posts(3, 1));
    expect(headLink('tags/中文', 'next')).toBe(`${site.url}/tags/%E4%B8%AD%E6%96%87/page/2/`);
    expect(headLink('tags/中文/page/2', 'prev')).toBe(`${site.url}/tags/%E4%B8%AD%E6%96%87/`);
    expect(html('tags/中文/page/2')).toContain(`<link rel="canonical" href="${site.url}/tags/%E4%B8%AD%E6%96%87/page/2/"`);

    expect(listed('tags/common/page/3')).toEqual(posts(3, 2, 1));
    expect(fs.existsSync(path.join(out, 'tags', 'grosse', 'page'))).toBe(false);
    expect(listed('categories/技术')).toHaveLength(10);
    expect(listed('categories/技术/page/2')).toEqual(posts(3, 1));
    expect(html('categories/uber-reisen')).toMatch(/<h1>Posts in Über Reisen<\/h1>/);
  });

  it('keeps every list page but the archive to the page size', () => {
    const listPages = filesUnder(out)
      .filter((file) => file.endsWith('index.html'))
      .map((file) => path.relative(out, path.dirname(file)).split(path.sep).join('/'))
      .filter((page) => !page.startsWith('posts/') && !['about', '404', 'archive', 'search', 'tags', 'categories', 'authors', 'admin'].includes(page));
    expect(listPages.sort()).toEqual(
      [
        '',
        'page/2',
        'page/3',
        'tags/common',
        'tags/common/page/2',
        'tags/common/page/3',
        'tags/中文',
        'tags/中文/page/2',
        'tags/tieng-viet',
        'tags/grosse',
        'categories/技术',
        'categories/技术/page/2',
        'categories/uber-reisen',
        'categories/uber-reisen/page/2',
        // The sample settings' two authors: every post is the first's; the second has written none yet.
        'authors/folio-author',
        'authors/folio-author/page/2',
        'authors/folio-author/page/3',
        'authors/ada-reviewer',
      ].sort(),
    );
    expect(html('authors/ada-reviewer')).toContain('No posts yet.');
    const sizes = listPages.filter((page) => page !== 'authors/ada-reviewer').map((page) => [page, listed(page).length] as const);
    expect(sizes.filter(([, count]) => count === 0 || count > site.postsPerPage)).toEqual([]);
    expect(filesUnder(out).filter((file) => file.includes(`${path.sep}_next${path.sep}data`))).toEqual([]);
  });

  it('lists every post by year in the archive, newest year first, as a dated title link', () => {
    const archive = html('archive');
    expect([...archive.matchAll(/<h2[^>]*>(\d{4})<\/h2>/g)].map((match) => match[1])).toEqual(['2021', '2020', '2019']);
    const entries = [...archive.matchAll(/<li><time dateTime="([\d-]+)">[^<]+<\/time> <a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((match) => match.slice(1));
    expect(entries).toHaveLength(POSTS);
    expect(entries.map(([date]) => date)).toEqual(Array.from({ length: POSTS }, (_, i) => dateOf(POSTS - i)));
    expect(entries[0]).toEqual([dateOf(23), '/posts/post-23/', 'Post 23']);
  });

  it('gives a post previous and next links, related posts, the author and, from three headings, a table of contents', () => {
    const newest = html('posts/post-23');
    expect(newest).toMatch(/<nav[^>]*aria-labelledby="[^"]+"><h2[^>]*>Contents<\/h2><ol[^>]*><li><a href="#first-part">First part<\/a><\/li><li><a href="#second-part">Second part<\/a><ol[^>]*><li><a href="#a-detail">A detail<\/a>/);
    expect(newest).toMatch(/<nav[^>]*aria-label="Previous and next posts"[^>]*><a[^>]*href="\/posts\/post-22\/">.*Previous post.*Post 22.*<\/a><\/nav>/);
    expect(newest).not.toContain('Next post');
    // Post 23 shares "common" and "中文" with the odd posts: the newest of those first.
    const related = newest.match(/Related posts<\/h2><ul[^>]*>(.*?)<\/ul>/)?.[1] ?? '';
    expect([...related.matchAll(/href="([^"]+)"/g)].map((match) => match[1])).toEqual(posts(21, 19, 17));
    // The sample settings have two authors: the default one's name links their page.
    expect(newest).toMatch(/About the author<\/h2>.*?<p[^>]*><a href="\/authors\/folio-author\/">Folio Author<\/a><\/p>/);
    expect(newest).toContain('1 min read');

    const middle = html('posts/post-12');
    expect(middle).toMatch(/href="\/posts\/post-11\/">.*Previous post.*href="\/posts\/post-13\/">.*Next post/);
    expect(middle).not.toContain('>Contents</h2>');
    expect(html('posts/post-22')).not.toContain('>Contents</h2>');
  });

  it('gives a page no post chrome', () => {
    const about = html('about');
    for (const chrome of ['>Contents</h2>', 'Previous and next posts', 'Related posts', 'About the author', 'min read']) expect(about).not.toContain(chrome);
    expect(about).toContain('id="three"');
  });

  it('has one h1 on every page and links Tags and Archive from the menu', () => {
    for (const file of filesUnder(out).filter((name) => name.endsWith('.html') && !name.startsWith(path.join(out, ADMIN_PATH)))) {
      expect({ file, h1: fs.readFileSync(file, 'utf8').match(/<h1[\s>]/g)?.length }).toEqual({ file, h1: 1 });
    }
    expect(html('')).toMatch(/<nav[^>]*aria-label="Main">.*<a href="\/tags\/">Tags<\/a>.*<a href="\/archive\/">Archive<\/a>.*<\/nav>/);
  });

  it('serves every page a link points to, as a static host does', async () => {
    const server = await start(out);
    try {
      const links = new Set<string>();
      for (const file of filesUnder(out).filter((name) => name.endsWith('.html'))) {
        for (const [, href] of fs.readFileSync(file, 'utf8').matchAll(/<a[^>]* href="(\/[^"#]*)"/g)) links.add(href);
      }
      expect(links).toContain('/tags/%E4%B8%AD%E6%96%87/');
      expect(links).toContain('/tags/%E4%B8%AD%E6%96%87/page/2/');
      expect(links).toContain('/categories/%E6%8A%80%E6%9C%AF/page/2/');
      const statuses: Record<string, number> = {};
      for (const href of links) statuses[href] = (await fetch(new URL(href, server.url))).status;
      expect(Object.entries(statuses).filter(([, status]) => status !== 200)).toEqual([]);
      // And each link's file is where a decoding server looks for it.
      for (const href of links) expect({ href, exists: fs.existsSync(path.join(out, decodeURIComponent(href), 'index.html')) }).toEqual({ href, exists: true });
    } finally {
      await server.close();
    }
  });
});
