/**
 * @jest-environment node
 *
 * The build manifest that the prepare step leaves for the post-export step: the routes the
 * sitemap lists, the summaries the feeds carry, and when and how it is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildManifest, siteRoutes, writeBuildManifest } from '../lib/build/manifest';
import { manifestFileFor, readBuildManifest } from '../lib/export/manifest-file';
import { loadContent } from '../lib/content/load';
import { type ContentIndex } from '../lib/content/types';
import { site } from '../lib/config/site';
import { post, writePosts } from './helpers/posts-dir';

const load = (dir: string): ContentIndex => loadContent({ dir, root: path.dirname(dir), includeDrafts: false, keepBroken: false });

/** 23 posts, one a day from 2020-01-01 (post-23 the newest); the first 12 are tagged "Long", every third is in "Notes". */
function blog(): Record<string, string> {
  const files: Record<string, string> = {
    'about.md': post('title: About\ndate: 2017-01-01\nupdated: 2018-02-03\ntemplate: page'),
    'draft.md': post('title: Draft\ndate: 2030-01-01\ndraft: true\ntags: [Long, Secret]'),
    'chinese.md': post('title: Chinese\ndate: 2019-05-05\ntags: [中文]'),
  };
  for (let n = 1; n <= 23; n++) {
    const date = new Date(Date.UTC(2020, 0, n)).toISOString().slice(0, 10);
    const frontMatter = [`title: Post ${n}`, `date: ${date}`, n <= 12 ? 'tags: [Long]' : '', n % 3 === 0 ? 'category: Notes' : '', n === 2 ? 'updated: 2021-06-01' : ''];
    files[`post-${n}.md`] = post(frontMatter.filter(Boolean).join('\n'));
  }
  return files;
}

describe('siteRoutes', () => {
  const index = load(writePosts(blog()));
  const routes = siteRoutes(index);
  const lastmod = Object.fromEntries(routes.map((route) => [route.url, route.lastmod]));

  it('lists every page the site generates, paginated lists included, once each', () => {
    // 24 posts at 10 a page: 3 home pages; 12 posts tagged Long: 2 pages.
    expect(site.postsPerPage).toBe(10);
    const posts = [...Array.from({ length: 23 }, (_, i) => `/posts/post-${23 - i}/`), '/posts/chinese/'];
    expect(routes.map((route) => route.url).sort()).toEqual(
      [
        '/',
        '/page/2/',
        '/page/3/',
        ...posts,
        '/about/',
        '/tags/',
        '/tags/long/',
        '/tags/long/page/2/',
        '/tags/%E4%B8%AD%E6%96%87/',
        '/categories/',
        '/categories/notes/',
        // The sample settings have two authors: every post is the first's, 24 at 10 a page.
        '/authors/',
        '/authors/folio-author/',
        '/authors/folio-author/page/2/',
        '/authors/folio-author/page/3/',
        '/authors/ada-reviewer/',
        '/archive/',
        '/search/',
      ].sort(),
    );
    expect(new Set(routes.map((route) => route.url)).size).toBe(routes.length);
  });

  it('leaves out drafts and their tags, and the 404 page', () => {
    expect(routes.map((route) => route.url).filter((url) => /draft|secret|404/.test(url))).toEqual([]);
  });

  it('dates each post and page by its last change, and each list by the newest change among its posts', () => {
    expect(lastmod['/posts/post-1/']).toBe('2020-01-01');
    expect(lastmod['/posts/post-2/']).toBe('2021-06-01');
    expect(lastmod['/about/']).toBe('2018-02-03');
    // post-2's update is the newest change of all, and post-2 is tagged Long.
    for (const url of ['/', '/page/2/', '/page/3/', '/archive/', '/tags/', '/tags/long/', '/tags/long/page/2/']) expect([url, lastmod[url]]).toEqual([url, '2021-06-01']);
    expect(lastmod['/tags/%E4%B8%AD%E6%96%87/']).toBe('2019-05-05');
    expect(lastmod['/categories/notes/']).toBe('2020-01-21');
  });

  it('gives lists of no posts no lastmod', () => {
    const empty = siteRoutes(load(writePosts({ 'about.md': post('title: About\ndate: 2017-01-01\ntemplate: page') })));
    expect(empty).toEqual([
      { url: '/', lastmod: null },
      { url: '/about/', lastmod: '2017-01-01' },
      { url: '/tags/', lastmod: null },
      { url: '/categories/', lastmod: null },
      { url: '/authors/', lastmod: null },
      { url: '/authors/folio-author/', lastmod: null },
      { url: '/authors/ada-reviewer/', lastmod: null },
      { url: '/archive/', lastmod: null },
      { url: '/search/', lastmod: null },
    ]);
  });
});

describe('buildManifest', () => {
  it('holds the site settings, the feeds and the published summaries, newest first, without bodies', () => {
    const manifest = buildManifest(load(writePosts(blog())));
    expect(manifest.site).toEqual(site);
    expect(manifest.integrations).toEqual({ comments: null, analytics: null });
    expect(manifest.feeds.map((feed) => feed.format)).toEqual(['rss', 'atom', 'json']);
    expect(manifest.posts.map((entry) => entry.slug).slice(0, 3)).toEqual(['post-23', 'post-22', 'post-21']);
    expect(manifest.posts).toHaveLength(24);
    expect(manifest.pages.map((entry) => [entry.url, entry.template])).toEqual([['/about/', 'page']]);
    expect(manifest.posts.find((entry) => entry.slug === 'post-2')).toMatchObject({ url: '/posts/post-2/', date: '2020-01-02', updated: '2021-06-01', tags: [{ name: 'Long' }] });
    expect(Object.keys(manifest.posts[0])).not.toContain('body');
    expect(JSON.stringify(manifest)).not.toContain('Draft');
  });
});

describe('writeBuildManifest', () => {
  it('writes the manifest where the post-export step reads it, through a complete file renamed into place', () => {
    const index = load(writePosts(blog()));
    const root = fs.mkdtempSync(path.join(path.dirname(writePosts({})), 'root-'));
    const renames = jest.spyOn(fs, 'renameSync');
    const file = writeBuildManifest(index, root);
    expect(file).toBe(manifestFileFor(path.join(root, 'out')));
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(buildManifest(index));
    // Written to a file of its own, then renamed: a reader never sees a partial one.
    expect(renames).toHaveBeenCalledTimes(1);
    expect(renames.mock.calls[0][1]).toBe(file);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['content-manifest.json']);
    renames.mockRestore();
  });
});

describe('readBuildManifest', () => {
  const written = () => {
    const root = fs.mkdtempSync(path.join(path.dirname(writePosts({})), 'root-'));
    return writeBuildManifest(load(writePosts(blog())), root);
  };

  it('reads back the manifest the prepare step wrote, as it was made', () => {
    const file = written();
    expect(readBuildManifest(file)).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
  });

  it('fails naming every field that is not what the prepare step writes, and how to get a good one', () => {
    const file = written();
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    manifest.posts[1].date = 20200102;
    delete manifest.basePath;
    manifest.routes.push({ url: '/x/', lastmod: null, extra: true });
    fs.writeFileSync(file, JSON.stringify(manifest));
    expect(() => readBuildManifest(file)).toThrow(`The build manifest ${file} is not one this build writes: run \`npm run build\` again.`);
    const message = (() => {
      try {
        readBuildManifest(file);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^ {2}basePath: /m);
    expect(message).toMatch(/^ {2}posts\.1\.date: /m);
    expect(message).toMatch(/^ {2}routes\.\d+: .*extra/m);
  });

  it('says how to get a manifest when there is none, and when the file is not JSON', () => {
    const dir = fs.mkdtempSync(path.join(path.dirname(writePosts({})), 'root-'));
    expect(() => readBuildManifest(path.join(dir, 'missing.json'))).toThrow(/^No build manifest at .*missing\.json: run `npm run build`/);
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"site": ');
    expect(() => readBuildManifest(path.join(dir, 'broken.json'))).toThrow(/^The build manifest .*broken\.json is not JSON/);
  });
});
