/**
 * @jest-environment node
 *
 * Old URLs of posts (front matter `aliases` / `redirect_from`, the `postAliasPatterns`
 * setting): the list the content index makes of them, the clashes that fail a load naming
 * both sides, the patterns the settings accept, and what the post-export step writes for each
 * host (lib/export/redirects.ts), under a base path too. The build of a fixture site
 * (build.test.ts, build-starters.test.ts) checks the same files in a real out/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { settingsSchema } from '../lib/config/schema';
import { settings } from '../lib/config/settings';
import { loadContent } from '../lib/content/load';
import { redirectCollisions, siteRedirects } from '../lib/content/redirects';
import type { BuildManifest } from '../lib/export/manifest-file';
import { aliasPageHtml, notFoundRules, redirectsFile, vercelRedirects, writeRedirects } from '../lib/export/redirects';
import { aliasPageFile, aliasPatternProblem, expandAliasPattern } from '../lib/routes/redirects';
import { loadErrors, production } from './helpers/load-posts';
import { post, writePosts } from './helpers/posts-dir';

describe('the redirects of a site', () => {
  const index = loadContent(
    production(
      writePosts({
        'renamed.md': post('title: Renamed\ndate: 2019-01-15\naliases:\n  - /old-name/\n  - /2019/01/old-name.html'),
        'moved/index.md': post('title: Moved\ndate: 2018-03-02\nredirect_from: /moved-from/'),
        'about.md': post('title: About\ndate: 2017-01-01\ntemplate: page\naliases: [/about-me/]'),
        'plain.md': post('title: Plain\ndate: 2020-01-01'),
      }),
    ),
  );

  it('lists each old URL of each post and page, in normal form, leading to its page', () => {
    expect(index.redirects.map(({ from, to, title }) => ({ from, to, title }))).toEqual([
      { from: '/old-name/', to: '/posts/renamed/', title: 'Renamed' },
      { from: '/2019/01/old-name.html', to: '/posts/renamed/', title: 'Renamed' },
      { from: '/moved-from/', to: '/posts/moved/', title: 'Moved' },
      { from: '/about-me/', to: '/about/', title: 'About' },
    ]);
  });

  it('adds, for posts alone, the URL each postAliasPatterns entry makes of its slug and date', () => {
    const redirects = siteRedirects(index.posts, index.pages, ['/:slug/', '/:year/:month/:day/:slug.html']);
    expect(redirects.filter((redirect) => redirect.pattern !== null).map(({ from, to }) => [from, to])).toEqual([
      ['/plain/', '/posts/plain/'],
      ['/2020/01/01/plain.html', '/posts/plain/'],
      ['/renamed/', '/posts/renamed/'],
      ['/2019/01/15/renamed.html', '/posts/renamed/'],
      ['/moved/', '/posts/moved/'],
      ['/2018/03/02/moved.html', '/posts/moved/'],
    ]);
  });
});

describe('old URLs that clash', () => {
  it('fail the load, each naming the file and line of the old URL and what it clashes with, all in one failure', () => {
    const errors = loadErrors(
      writePosts({
        'a.md': post('title: A\ndate: 2020-01-01\ntags: [aws]\naliases:\n  - /shared/\n  - /posts/b/\n  - /tags/aws/\n  - /rss.xml/\n  - /posts/a/'),
        'b.md': post('title: B\ndate: 2020-01-02\nredirect_from:\n  - /shared\n  - /_next/x/'),
        'c/index.md': post('title: C\ndate: 2020-01-03'),
        'd.md': post('title: D\ndate: 2020-01-04\naliases: [/posts/c/photo.png/, /about/, /404/]'),
        'about.md': post('title: About\ndate: 2020-01-01\ntemplate: page'),
      }),
    );
    expect(errors.sort()).toEqual(
      [
        'posts/a.md:7: aliases.1: old URL /posts/b/ is the URL of posts/b.md',
        "posts/a.md:8: aliases.2: old URL /tags/aws/ is the URL of one of the site's pages (/tags/aws/)",
        'posts/a.md:9: aliases.3: old URL /rss.xml/ is under /rss.xml, where the build writes its own files',
        'posts/a.md:10: aliases.4: old URL /posts/a/ is the URL the post has now; list only the URLs it used to have',
        // Two spellings of one path, told apart only by their trailing slash, are one URL.
        'posts/b.md:5: redirect_from.0: old URL /shared/ is also an old URL of posts/a.md:6',
        'posts/b.md:6: redirect_from.1: old URL /_next/x/ is under /_next, where the build writes its own files',
        "posts/d.md:4: aliases.0: old URL /posts/c/photo.png/ is inside the folder of posts/c/index.md's page (/posts/c/), where its files are",
        'posts/d.md:4: aliases.1: old URL /about/ is the URL of posts/about.md',
        "posts/d.md:4: aliases.2: old URL /404/ is the URL of one of the site's pages (/404/)",
      ].sort(),
    );
  });

  it('made by a pattern, name the setting', () => {
    const index = loadContent(production(writePosts({ 'archive.md': post('title: My archive\ndate: 2020-01-01'), 'old.md': post('title: Old\ndate: 2020-01-02\naliases: [/kept/]'), 'kept.md': post('title: Kept\ndate: 2020-01-03') })));
    const collisions = redirectCollisions({ ...index, redirects: siteRedirects(index.posts, index.pages, ['/:slug/']) });
    expect(collisions.map((collision) => collision.error.message).sort()).toEqual([
      'posts/archive.md: slug: old URL /archive/ (made by the postAliasPatterns entry "/:slug/" in lib/config/settings.ts) is the URL of one of the site\'s pages (/archive/)',
      'posts/old.md:4: aliases.0: old URL /kept/ is also an old URL of posts/kept.md (by the postAliasPatterns entry "/:slug/")',
    ]);
  });

  it('with a slash or without, or spelled with escapes, clash alike', () => {
    const errors = loadErrors(writePosts({ 'a.md': post('title: A\ndate: 2020-01-01\naliases: [/größe]'), 'b.md': post('title: B\ndate: 2020-01-02\naliases: [/gr%C3%B6%C3%9Fe/]') }));
    expect(errors).toEqual(['posts/b.md:4: aliases.0: old URL /gr%C3%B6%C3%9Fe/ is also an old URL of posts/a.md:4']);
  });

  it('a bad old URL names its line in the file', () => {
    expect(loadErrors(writePosts({ 'a.md': post('title: A\ndate: 2020-01-01\naliases:\n  - /fine/\n  - https://old.example.com/x/') }))).toEqual([
      'posts/a.md:6: aliases.1: "https://old.example.com/x/" is a URL; give only its path on this site, like /old-slug/',
    ]);
  });
});

describe('postAliasPatterns', () => {
  const check = (postAliasPatterns: string[]) => {
    const result = settingsSchema.safeParse({ ...settings, postAliasPatterns });
    return result.success ? null : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('accepts patterns of :slug, :year, :month and :day, and fills them in from a post', () => {
    expect(check(['/:slug/', '/blog/:year/:month/:day/:slug.html'])).toBeNull();
    expect(expandAliasPattern('/blog/:year/:month/:day/:slug.html', { slug: 'x', date: '2019-03-07' })).toBe('/blog/2019/03/07/x.html');
    // `:slugs` is not `:slug`.
    expect(expandAliasPattern('/:slugs/:slug/', { slug: 'x', date: '2019-03-07' })).toBe('/:slugs/x/');
  });

  it.each([
    ['/:year/', 'must hold :slug, else every post would have the same old URL'],
    ['/posts/:slug/', 'is where posts are already'],
    ['https://old.example.com/:slug/', 'is a URL; give only its path on this site, like /old-slug/'],
    ['/pagefind/:slug/', 'is under /pagefind, where the build writes its own files'],
    ['/:slug/?p=1', 'has a query or a fragment; static hosts redirect by the path alone'],
  ])('refuses %j: %s', (pattern, message) => {
    expect(aliasPatternProblem(pattern)).toBe(message);
    expect(check(['/:slug/', pattern])).toEqual([`postAliasPatterns.1: ${JSON.stringify(pattern)} ${message}`]);
  });
});

describe('what the post-export step writes', () => {
  const redirects = [
    { from: '/old/', to: '/my-repo/posts/new/', title: 'New & <improved>' },
    { from: '/2019/01/old.html', to: '/my-repo/posts/new/', title: 'New & <improved>' },
    { from: '/gr%C3%B6%C3%9Fe/', to: '/my-repo/posts/新/', title: '新' },
  ];

  it('_redirects: a forced and a plain 301 from each old URL, both ends under the base path and percent-encoded', () => {
    expect(redirectsFile(redirects, '/my-repo').split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([
      '/my-repo/old/ /my-repo/posts/new/ 301!',
      '/my-repo/old/ /my-repo/posts/new/ 301',
      '/my-repo/2019/01/old.html /my-repo/posts/new/ 301!',
      '/my-repo/2019/01/old.html /my-repo/posts/new/ 301',
      '/my-repo/gr%C3%B6%C3%9Fe/ /my-repo/posts/%E6%96%B0/ 301!',
      '/my-repo/gr%C3%B6%C3%9Fe/ /my-repo/posts/%E6%96%B0/ 301',
    ]);
  });

  it("_redirects: after every 301, each other language's folder serves its own 404 page with status 404, under the base path", () => {
    const lines = redirectsFile(redirects.slice(0, 1), '/my-repo', ['fr', 'ar']).split('\n').filter((line) => line && !line.startsWith('#'));
    expect(lines).toEqual(['/my-repo/old/ /my-repo/posts/new/ 301!', '/my-repo/old/ /my-repo/posts/new/ 301', '/my-repo/fr/* /my-repo/fr/404.html 404', '/my-repo/ar/* /my-repo/ar/404.html 404']);
    expect(notFoundRules(['fr'], '')).toEqual(['/fr/* /fr/404.html 404']);
  });

  it('_redirects of a site of one language: no 404 rule, the file as it was', () => {
    expect(redirectsFile(redirects, '/my-repo', [])).toBe(redirectsFile(redirects, '/my-repo'));
    expect(redirectsFile(redirects, '/my-repo')).not.toContain('404');
  });

  it('vercel.json: a 301 from each old URL', () => {
    expect(vercelRedirects(redirects.slice(0, 1), '/my-repo')).toEqual([{ source: '/my-repo/old/', destination: '/my-repo/posts/new/', statusCode: 301 }]);
  });

  it('the page at an old URL: a refresh to the post, its canonical URL, noindex, the icon under the base path, and a link with the title as text; no script', () => {
    const html = aliasPageHtml(redirects[0], { siteUrl: 'https://me.github.io', language: 'en', basePath: '/my-repo' });
    const tree = fromHtml(html);
    expect(select('meta[http-equiv="refresh"]', tree)?.properties.content).toBe('0; url=/my-repo/posts/new/');
    expect(select('link[rel="canonical"]', tree)?.properties.href).toBe('https://me.github.io/my-repo/posts/new/');
    expect(select('meta[name="robots"]', tree)?.properties.content).toBe('noindex');
    expect(select('link[rel="icon"]', tree)?.properties.href).toBe('/my-repo/favicon.ico');
    expect(hastToString(select('title', tree)!)).toBe('Moved: New & <improved>');
    expect(hastToString(select('body a', tree)!)).toBe('New & <improved>');
    expect(html).not.toContain('<improved>');
    expect(selectAll('script', tree)).toEqual([]);
  });

  it('writes _redirects and each page where a static host looks for it, and never over another file that is there: only over the same page, as a rebuild into its own out/ finds it', () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-redirects-'));
    const languages = [{ code: 'en', default: true }, { code: 'fr', default: false }];
    const manifest = { site: { url: 'https://me.github.io', language: 'en', languages }, basePath: '/my-repo', redirects } as BuildManifest;
    expect(writeRedirects(manifest, outDir)).toEqual(['_redirects', 'old/index.html', '2019/01/old.html', 'größe/index.html']);
    expect(fs.readFileSync(path.join(outDir, '_redirects'), 'utf8')).toBe(redirectsFile(redirects, '/my-repo', ['fr']));
    expect(aliasPageFile('/gr%C3%B6%C3%9Fe/')).toEqual(['größe', 'index.html']);
    expect(fs.readFileSync(path.join(outDir, 'größe', 'index.html'), 'utf8')).toContain('content="0; url=/my-repo/posts/%E6%96%B0/"');

    const taken = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-redirects-'));
    fs.mkdirSync(path.join(taken, 'old'));
    fs.writeFileSync(path.join(taken, 'old', 'index.html'), 'a page of public/');
    expect(() => writeRedirects(manifest, taken)).toThrow(`Cannot write the page at the old URL /old/ of /my-repo/posts/new/: ${path.join(taken, 'old', 'index.html')} is there already`);
    expect(fs.readFileSync(path.join(taken, 'old', 'index.html'), 'utf8')).toBe('a page of public/');

    // Run again on its own out/, as after a rebuild that rendered only changed pages into it: the pages it wrote are no obstacle.
    const before = fs.readFileSync(path.join(outDir, 'old', 'index.html'), 'utf8');
    expect(writeRedirects(manifest, outDir)).toEqual(['_redirects', 'old/index.html', '2019/01/old.html', 'größe/index.html']);
    expect(fs.readFileSync(path.join(outDir, 'old', 'index.html'), 'utf8')).toBe(before);
  });
});
