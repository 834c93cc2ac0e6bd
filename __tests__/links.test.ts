/**
 * @jest-environment node
 *
 * The link check (lib/content/links.ts): how a link of a post resolves against the URLs the
 * site exports (lib/content/site-urls.ts), and what the compile collects of a body for it
 * (lib/markdown/links.ts): its links into the site with their lines, and its ids.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brokenLinks, linkProblem, linkTarget, type LinkContext, type LinkedPost } from '../lib/content/links';
import { loadContent } from '../lib/content/load';
import { reachedUrl, siteUrlSet, type SiteUrlSet } from '../lib/content/site-urls';
import { compileBody } from '../lib/markdown/compile';
import { scratchImageStore } from './helpers/images';
import { production } from './helpers/load-posts';
import { post, writePosts } from './helpers/posts-dir';

jest.setTimeout(60_000);

const SITE = 'https://folio.example.com';
const ROOT: LinkContext = { basePath: '', siteUrl: SITE };
const UNDER_REPO: LinkContext = { basePath: '/my-repo', siteUrl: SITE };

/** A small site: two posts, a page, a tag with a space and a plus, a folder post's image, a feed. */
const urls: SiteUrlSet = {
  pages: new Set(['/', '/posts/hello/', '/posts/trip/', '/about/', '/tags/', '/tags/c++ tips/', '/tags/c++ tips/page/2/', '/archive/']),
  files: new Set(['/rss.xml', '/posts/trip/lake photo.png', '/images/a.png']),
};
/** The ids of each post's and page's body. */
const ids = new Map([
  ['/posts/hello/', new Set(['setup', 'user-content-raw', 'café'])],
  ['/posts/trip/', new Set(['day-1'])],
  ['/about/', new Set<string>()],
]);

/** The problem of `url` written on the page at `page` (an href), in `context`. */
const problem = (url: string, page = '/posts/hello/', context = ROOT) => linkProblem(url, page, urls, ids, context);

describe('a link resolved against the site', () => {
  it('reaches a page, a post, a tag, a list\'s later page, a file, with nothing to say', () => {
    for (const url of ['/', '/about/', '/posts/trip/', '/tags/c%2B%2B%20tips/', '/tags/c++%20tips/page/2/', '/rss.xml', '/images/a.png', '/posts/trip/lake%20photo.png']) {
      expect([url, problem(url)]).toEqual([url, null]);
    }
  });

  it('names the path of a page or file the site does not have', () => {
    expect(problem('/posts/nope/')).toBe('this site has no page or file at /posts/nope/');
    expect(problem('/tags/c++tips/')).toBe('this site has no page or file at /tags/c++tips/');
    expect(problem('/images/b.png')).toBe('this site has no page or file at /images/b.png');
    // The site has 2 pages of the tag, not 3.
    expect(problem('/tags/c++%20tips/page/3/')).toBe('this site has no page or file at /tags/c++ tips/page/3/');
  });

  it('reads %20 and other escapes as the characters they are, on both sides', () => {
    expect(problem('/posts/trip/lake photo.png')).toBeNull();
    expect(problem('/tags/c%2b%2b%20tips/')).toBeNull();
    expect(problem('/posts/trip/lake%2520photo.png')).toBe('this site has no page or file at /posts/trip/lake%20photo.png');
  });

  it('ignores the query string', () => {
    expect(problem('/about/?ref=hello')).toBeNull();
    expect(problem('/rss.xml?v=2')).toBeNull();
    expect(problem('?page=2')).toBeNull();
    expect(problem('/nope/?x')).toBe('this site has no page or file at /nope/');
  });

  it('reaches a page with or without its trailing slash, and as its index.html; a file only by its exact path', () => {
    expect(problem('/about')).toBeNull();
    expect(problem('/about/index.html')).toBeNull();
    expect(problem('/posts/trip#day-1')).toBeNull();
    expect(problem('/rss.xml/')).toBe('this site has no page or file at /rss.xml/');
    expect(problem('/about.html')).toBe('this site has no page or file at /about.html');
  });

  it('resolves a relative link against the post\'s page, dot segments and all', () => {
    expect(problem('../trip/')).toBeNull();
    expect(problem('../trip/lake%20photo.png')).toBeNull();
    expect(problem('../../about/')).toBeNull();
    expect(problem('./')).toBeNull();
    expect(problem('../nope/')).toBe('this site has no page or file at /posts/nope/');
    expect(problem('lake photo.png', '/posts/trip/')).toBeNull();
  });

  it('checks an anchor against the ids of the same post: its headings, and the ids the sanitizer prefixed as the page has them', () => {
    expect(problem('#setup')).toBeNull();
    expect(problem('#user-content-raw')).toBeNull();
    expect(problem('#caf%C3%A9')).toBeNull();
    expect(problem('#café')).toBeNull();
    expect(problem('#nope')).toBe('this post has no heading or element with id "nope"');
    expect(problem('#Setup')).toBe('this post has no heading or element with id "Setup"');
    // A page always has its top.
    expect(problem('#')).toBeNull();
    expect(problem('#top')).toBeNull();
  });

  it('checks an anchor on another post against that post\'s ids, and leaves other pages\' anchors alone', () => {
    expect(problem('/posts/trip/#day-1')).toBeNull();
    expect(problem('/posts/trip/?x=1#day-1')).toBeNull();
    expect(problem('../trip/#day-1')).toBeNull();
    expect(problem('/posts/trip/#setup')).toBe('/posts/trip/ has no heading or element with id "setup"');
    expect(problem('/about/#team')).toBe('/about/ has no heading or element with id "team"');
    expect(problem('/posts/hello/#nope', '/about/')).toBe('/posts/hello/ has no heading or element with id "nope"');
    // A list's or a file's ids are not the body's: not checked.
    expect(problem('/tags/#x')).toBeNull();
    expect(problem('/rss.xml#x')).toBeNull();
  });

  it('checks an absolute link to the site\'s own host as a path, and never looks at another site\'s', () => {
    expect(problem(`${SITE}/about/`)).toBeNull();
    expect(problem('http://folio.example.com/about/')).toBeNull();
    expect(problem('//folio.example.com/about/')).toBeNull();
    expect(problem(`${SITE}/nope/`)).toBe('this site has no page or file at /nope/');
    expect(problem(`${SITE}/posts/trip/#nope`)).toBe('/posts/trip/ has no heading or element with id "nope"');
    for (const url of ['https://example.com/nope/', '//cdn.example.com/nope.png', 'https://folio.example.com.evil.test/nope/', 'mailto:a@example.com']) {
      expect([url, problem(url)]).toEqual([url, null]);
      expect(linkTarget(url, '/posts/hello/', ROOT)).toBeNull();
    }
  });

  it('under a base path, resolves the hrefs a body has (the base path before each root-relative one) and tells a link written with the base path', () => {
    const page = '/my-repo/posts/hello/';
    expect(problem('/my-repo/about/', page, UNDER_REPO)).toBeNull();
    expect(problem('/my-repo/posts/trip/#day-1', page, UNDER_REPO)).toBeNull();
    expect(problem('../trip/', page, UNDER_REPO)).toBeNull();
    expect(problem('#setup', page, UNDER_REPO)).toBeNull();
    expect(problem('#nope', page, UNDER_REPO)).toBe('this post has no heading or element with id "nope"');
    expect(problem('/my-repo/nope/', page, UNDER_REPO)).toBe('this site has no page or file at /nope/');
    // The author wrote /my-repo/about/; the compile put the base path before it again.
    expect(problem('/my-repo/my-repo/about/', page, UNDER_REPO)).toBe('this site has no page or file at /my-repo/about/ (write it without the base path: /about/)');
    // The site's host outside its base path is another site.
    expect(problem(`${SITE}/other-repo/`, page, UNDER_REPO)).toBeNull();
  });
});

describe('brokenLinks', () => {
  it('lists every broken link of every post, each naming the file and the line, as the author wrote it', () => {
    const posts: LinkedPost[] = [
      {
        sourcePath: 'posts/hello.md',
        url: '/my-repo/posts/hello/',
        ids: ['setup'],
        links: [
          { url: '/my-repo/posts/trip/', line: 5, what: 'link' },
          { url: '/my-repo/posts/gone/', line: 7, what: 'link' },
          { url: '#setup', line: 8, what: 'link' },
          { url: '#nope', line: 9, what: 'link' },
        ],
      },
      { sourcePath: 'posts/trip/index.md', url: '/my-repo/posts/trip/', ids: ['day-1'], links: [{ url: '/my-repo/posts/trip/lake.png', line: 12, what: 'image' }, { url: '/my-repo/posts/hello/#setup', line: 13, what: 'link' }] },
    ];
    expect(brokenLinks(posts, urls, UNDER_REPO).map((error) => error.message)).toEqual([
      'posts/hello.md:7: link "/posts/gone/" is broken: this site has no page or file at /posts/gone/',
      'posts/hello.md:9: link "#nope" is broken: this post has no heading or element with id "nope"',
      'posts/trip/index.md:12: image "/posts/trip/lake.png" is broken: this site has no page or file at /posts/trip/lake.png',
    ]);
  });
});

describe('siteUrlSet', () => {
  const dir = writePosts({
    'hello.md': post('title: Hello\ndate: 2020-01-02\ntags: [C++ tips]\ncategory: Notes\naliases: [/2020/01/hello.html, /old/hello/]'),
    'draft.md': post('title: Draft\ndate: 2020-01-03\ndraft: true\ntags: [Secret]'),
    'about.md': post('title: About\ndate: 2020-01-01\ntemplate: page'),
    ...Object.fromEntries(Array.from({ length: 11 }, (_, n) => [`p${n}.md`, post(`title: P${n}\ndate: 2021-01-${String(n + 1).padStart(2, '0')}`)])),
  });
  const known = siteUrlSet(loadContent(production(dir)), { files: ['/images/a b.png', '/posts/trip/lake.png', '/admin/index.html'] });

  it('has every page of the route table: posts, pages, lists and their later pages, terms, archive, search, the 404 page', () => {
    for (const page of ['/', '/page/2/', '/posts/hello/', '/posts/p0/', '/about/', '/tags/', '/tags/c-plus-plus-tips/', '/categories/', '/categories/notes/', '/archive/', '/search/', '/404/']) {
      expect([page, known.pages.has(page)]).toEqual([page, true]);
    }
    expect([...known.pages].filter((page) => /draft|secret|page\/3/.test(page))).toEqual([]);
  });

  it('has the feeds, the sitemap, robots.txt, 404.html, the published files (decoded) and the posts\' old URLs', () => {
    for (const file of ['/rss.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/robots.txt', '/404.html', '/images/a b.png', '/posts/trip/lake.png']) {
      expect([file, known.files.has(file)]).toEqual([file, true]);
    }
    // Each tag's and category's feeds, the feeds' stylesheet and llms.txt; no feed for the draft's tag.
    for (const file of ['/feeds/tags/c-plus-plus-tips/rss.xml', '/feeds/tags/c-plus-plus-tips/atom.xml', '/feeds/categories/notes/feed.json', '/feed.xsl', '/llms.txt']) {
      expect([file, known.files.has(file)]).toEqual([file, true]);
    }
    expect([...known.files].filter((file) => file.includes('secret'))).toEqual([]);
    expect(reachedUrl(known, '/old/hello/')).toEqual({ page: '/old/hello/' });
    expect(reachedUrl(known, '/2020/01/hello.html')).toEqual({ page: '/2020/01/hello.html' });
    expect(reachedUrl(known, '/old/gone/')).toBeNull();
    // A published index.html is served at its folder too.
    expect(reachedUrl(known, '/admin/')).toEqual({ page: '/admin/' });
  });

  it('has the series index and each series page only when a published post is in a series', () => {
    expect(reachedUrl(known, '/series/')).toBeNull();
    const withSeries = writePosts({
      'part.md': post('title: Part\ndate: 2020-01-02\nseries: Caching at scale'),
      'draft.md': post('title: Draft\ndate: 2020-01-03\ndraft: true\nseries: Secret plans'),
    });
    const pages = [...siteUrlSet(loadContent(production(withSeries)), { files: [] }).pages].filter((page) => page.startsWith('/series/'));
    expect(pages.sort()).toEqual(['/series/', '/series/caching-at-scale/']);
  });
});

describe('what the compile collects for the check', () => {
  const compile = (body: string, format: 'md' | 'mdx', assetDir: string | null = null) =>
    compileBody({ body, format, bodyStartLine: 5, assetDir, sourcePath: `posts/test.${format}`, slug: 'test' }, { imageStore: scratchImageStore().store });

  it('in .md: each link into the site with its line in the file, raw HTML\'s too, and no other site\'s; every id as the page has it', async () => {
    const body = [
      '## Set up',
      '',
      '[a](/posts/a/) [out](https://example.com/x) [mail](mailto:a@example.com) [self](https://folio.example.com/about/)',
      '',
      '<a id="raw" href="#raw">raw</a> <a name="old"></a> [fn](#setup)[^1]',
      '',
      '<img src="/images/missing-on-purpose.png" alt="">',
      '',
      '[^1]: A note.',
    ].join('\n');
    const compiled = compileBody({ body, format: 'md', bodyStartLine: 5, assetDir: null, sourcePath: 'posts/test.md', slug: 'test' }, { imageStore: scratchImageStore().store });
    // A missing image is the image check's error already (lib/images/body-images.ts).
    await expect(compiled).rejects.toThrow('image "/images/missing-on-purpose.png" points to a file that does not exist in public/');
    const { links, ids } = await compile(body.replace(/<img[^>]*>/, ''), 'md');
    expect(links.filter((link) => !link.url.startsWith('#user-content-fn'))).toEqual([
      { url: '/posts/a/', line: 7, what: 'link' },
      { url: 'https://folio.example.com/about/', line: 7, what: 'link' },
      { url: '#user-content-raw', line: 9, what: 'link' },
      { url: '#setup', line: 9, what: 'link' },
    ]);
    expect(ids).toEqual(expect.arrayContaining(['set-up', 'user-content-raw', 'user-content-old', 'user-content-fn-1', 'user-content-fnref-1']));
    expect(ids).not.toContain('raw');
  });

  it('in .mdx: links of Markdown and of elements, and ids written as strings', async () => {
    const { links, ids } = await compile('# Intro\n\n<a id="box" href="/tags/">tags</a>\n\n[x](#intro)', 'mdx');
    expect(links).toEqual([
      { url: '/tags/', line: 7, what: 'link' },
      { url: '#intro', line: 9, what: 'link' },
    ]);
    expect(ids).toEqual(expect.arrayContaining(['intro', 'box']));
  });

  it('in a folder post: a relative link as the page has it, under the post\'s folder', async () => {
    const assetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-links-'));
    fs.writeFileSync(path.join(assetDir, 'notes.txt'), 'notes');
    const { links } = await compile('[notes](./notes.txt) [section](./#intro)', 'md', assetDir);
    expect(links.map((link) => link.url)).toEqual(['/posts/test/notes.txt', '/posts/test/#intro']);
  });
});
