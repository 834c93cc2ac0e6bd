/**
 * @jest-environment node
 *
 * Builds a site of 23 posts with the real `next build` and post-export step (see
 * scripts/build-site.ts), and checks what search engines, link previews and feed readers
 * get from `out/`: the sitemap against the exported pages, the feeds, and every page's head.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fromXml } from 'xast-util-from-xml';
import sharp from 'sharp';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { site, siteAuthors } from '../lib/config/site';
import { post, writePosts } from './helpers/posts-dir';
import { filesUnder } from '../lib/node/files';
import { buildSite, removeBuiltSites } from './helpers/build-site';
import { ADMIN_PATH } from '../lib/routes/table';

jest.setTimeout(300_000);

const root = path.resolve(__dirname, '..');
afterAll(removeBuiltSites);
const POSTS = 23;
const HOSTILE_TITLE = 'Ends </script><script>alert(1)</script> or <!-- <script> & "quotes"';
const DRAFT_MARKER = 'DRAFTMARKER-seo-91b2';
const absolute = (pathname: string) => new URL(pathname, site.url).href;

/** Post `n` (1 is the oldest) is dated `n` days into 2020; some have tags, a category, an update or images. */
const dateOf = (n: number) => new Date(Date.UTC(2020, 0, n)).toISOString().slice(0, 10);

function fixturePosts(): string {
  const files: Record<string, string | Buffer> = {
    'about.md': post('title: About\ndate: 2019-01-01\ntemplate: page\nupdated: 2019-02-02', 'About this site.'),
    'draft.md': post(`title: Draft ${DRAFT_MARKER}\ndate: 2030-01-01\ndraft: true\ntags: [drafty]`, `Draft body ${DRAFT_MARKER}.`),
    'post-5/index.md': post(`title: Post 5\ndate: ${dateOf(5)}\ncover: ./cover.png`, 'A post with a cover. ![Cover](./cover.png)'),
    'post-5/cover.png': fs.readFileSync(path.join(root, 'public', 'social-default.png')),
  };
  for (let n = 1; n <= POSTS; n++) {
    if (n === 5) continue;
    const frontMatter = [`title: Post ${n}`, `date: ${dateOf(n)}`, `tags: ${JSON.stringify(['common', ...(n % 2 ? ['中文'] : [])])}`, n % 4 ? '' : 'category: Notes'];
    if (n === POSTS) frontMatter.splice(0, 1, `title: ${JSON.stringify(HOSTILE_TITLE)}`, 'updated: 2021-03-04', 'excerpt: A post with a hostile title.');
    if (n === 7) frontMatter.push('socialImage: https://cdn.example.org/share.png', 'cover: /social-default.png');
    if (n === 9) frontMatter.push('slug: 中文博客');
    files[`post-${n}.md`] = post(frontMatter.filter(Boolean).join('\n'), `The body of post ${n}, with [a link](/posts/post-1/).`);
  }
  return writePosts(files);
}

/** The feeds a page links besides the site's: a tag's or category's pages (the first and the later ones) link that list's. */
const termFeedsOf = (page: string) => {
  const list = /^\/(tags|categories)\/[^/]+\//.exec(page)?.[0];
  return list ? ['rss.xml', 'atom.xml', 'feed.json'].map((file) => `/feeds${encodeURI(list)}${file}`) : [];
};

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (_name, jpath) => ['urlset.url', 'rss.channel.item', 'feed.entry'].includes(String(jpath)) });

describe('next build of a site with 23 posts: sitemap, feeds and page heads', () => {
  let out: string;
  /** Every exported page but the 404 page, as its root-relative path (decoded, as the folder names are). */
  let pages: string[];
  const head = (page: string): Root => fromHtml(fs.readFileSync(path.join(out, ...page.split('/'), 'index.html'), 'utf8'));
  const attribute = (tree: Root, selector: string, name: string) => select(selector, tree)?.properties[name] ?? null;
  const meta = (tree: Root, property: string) => selectAll(`head meta[property="${property}"]`, tree).map((element) => element.properties.content);

  beforeAll(async () => {
    out = await buildSite(fixturePosts(), 'seo-build-test');
    pages = filesUnder(out)
      .filter((file) => path.basename(file) === 'index.html')
      .map((file) => `/${path.relative(out, path.dirname(file)).split(path.sep).join('/')}/`.replace('//', '/'))
      .filter((page) => page !== '/404/' && page !== ADMIN_PATH);
  });

  it('lists every exported page in the sitemap, and only those', () => {
    const { urlset } = xml.parse(fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8'));
    const listed = urlset.url.map((url: { loc: string }) => decodeURIComponent(new URL(url.loc).pathname));
    expect([...listed].sort()).toEqual([...pages].sort());
    // The lists of 23 posts have later pages, and non-ASCII tags are percent-encoded.
    expect(listed).toEqual(expect.arrayContaining(['/page/2/', '/page/3/', '/tags/common/page/2/', '/tags/中文/', '/categories/notes/', '/posts/中文博客/']));
    const locs = urlset.url.map((url: { loc: string }) => url.loc);
    expect(locs).toContain(`${site.url}/tags/%E4%B8%AD%E6%96%87/`);
    const lastmod = Object.fromEntries(urlset.url.map((url: { loc: string; lastmod: string }) => [url.loc, url.lastmod]));
    expect(lastmod[absolute(`/posts/post-${POSTS}/`)]).toBe('2021-03-04');
    expect(lastmod[absolute('/posts/post-1/')]).toBe('2020-01-01');
    expect(lastmod[absolute('/about/')]).toBe('2019-02-02');
    expect(lastmod[absolute('/page/3/')]).toBe('2021-03-04');
    expect(fs.readFileSync(path.join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${site.url}/sitemap.xml`);
  });

  it('puts the newest `feedSize` posts in each feed, and no page or draft', () => {
    expect(site.feedSize).toBe(20);
    const newest = Array.from({ length: 20 }, (_, i) => absolute(POSTS - i === 9 ? '/posts/中文博客/' : `/posts/post-${POSTS - i}/`));
    const json = JSON.parse(fs.readFileSync(path.join(out, 'feed.json'), 'utf8'));
    expect(json.items.map((item: { url: string }) => item.url)).toEqual(newest);
    expect(json.items[0].title).toBe(HOSTILE_TITLE);
    expect(json.items[0].date_modified).toBe('2021-03-04T00:00:00.000Z');
    expect(xml.parse(fs.readFileSync(path.join(out, 'rss.xml'), 'utf8')).rss.channel.item.map((item: { link: string }) => item.link)).toEqual(newest);
    expect(xml.parse(fs.readFileSync(path.join(out, 'atom.xml'), 'utf8')).feed.entry.map((entry: { id: string }) => entry.id)).toEqual(newest);
    // The folder post's image, in the feed as absolute URLs of files the site has.
    const withCover = json.items.find((item: { url: string }) => item.url === absolute('/posts/post-5/'));
    const imageUrls = [...withCover.content_html.matchAll(/(?:src|srcset)="([^"]+)"/g)].flatMap(([, value]: string[]) => value.split(', ').map((candidate) => candidate.split(' ')[0]));
    expect(imageUrls.length).toBe(1 + 3 * 3);
    for (const url of imageUrls) {
      expect(url).toMatch(new RegExp(`^${site.url}/_img/cover-\\w{12}-\\d+\\.(avif|webp|png)$`));
      expect(fs.existsSync(path.join(out, new URL(url).pathname))).toBe(true);
    }
    expect(withCover.image).toBe(absolute('/posts/post-5/cover.png'));
    for (const feed of ['rss.xml', 'atom.xml', 'feed.json']) {
      const text = fs.readFileSync(path.join(out, feed), 'utf8');
      expect({ feed, draft: text.includes(DRAFT_MARKER), about: text.includes(absolute('/about/')) }).toEqual({ feed, draft: false, about: false });
    }
  });

  it('writes the three feeds of every tag and category, each with exactly its published posts, newest first, the hostile title well-formed', () => {
    const lists = pages.filter((page) => /^\/(tags|categories)\/[^/]+\/$/.test(page));
    expect(lists.sort()).toEqual(['/categories/notes/', '/tags/common/', '/tags/中文/']);
    const all = Array.from({ length: POSTS }, (_, i) => POSTS - i);
    const listed: Record<string, number[]> = { '/tags/common/': all, '/tags/中文/': all.filter((n) => n % 2), '/categories/notes/': all.filter((n) => n % 4 === 0) };
    for (const list of lists) {
      const urls = listed[list]
        .filter((n) => n !== 5)
        .slice(0, site.feedSize)
        .map((n) => absolute(n === 9 ? '/posts/中文博客/' : `/posts/post-${n}/`));
      const feed = (file: string) => fs.readFileSync(path.join(out, 'feeds', ...list.split('/').filter(Boolean), file), 'utf8');
      const json = JSON.parse(feed('feed.json'));
      expect({ list, json: json.items.map((item: { url: string }) => item.url) }).toEqual({ list, json: urls });
      expect({ list, rss: xml.parse(feed('rss.xml')).rss.channel.item.map((item: { link: string }) => item.link) }).toEqual({ list, rss: urls });
      expect({ list, atom: xml.parse(feed('atom.xml')).feed.entry.map((entry: { id: string }) => entry.id) }).toEqual({ list, atom: urls });
      expect(json.home_page_url).toBe(new URL(encodeURI(list), site.url).href);
      for (const file of ['rss.xml', 'atom.xml', 'feed.json']) expect(feed(file)).not.toContain(DRAFT_MARKER);
      for (const file of ['rss.xml', 'atom.xml']) expect(feed(file)).toContain('<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>');
    }
    // The hostile title, in the feed of a tag it has, reads back exactly from well-formed XML.
    const atom = fs.readFileSync(path.join(out, 'feeds', 'tags', '中文', 'atom.xml'), 'utf8');
    expect(() => fromXml(atom)).not.toThrow();
    expect(xml.parse(atom).feed.entry[0].title).toBe(HOSTILE_TITLE);
    expect(fs.existsSync(path.join(out, 'feed.xsl'))).toBe(true);
    expect(fs.readFileSync(path.join(out, 'llms.txt'), 'utf8')).toMatch(new RegExp(`^# ${site.title}\n`));
  });

  it('gives every page a title, description, canonical URL, Open Graph and Twitter tags and the feed links', () => {
    expect(pages.length).toBeGreaterThan(POSTS + 8);
    for (const page of pages) {
      const tree = head(page);
      const canonical = attribute(tree, 'head link[rel="canonical"]', 'href');
      const summary = {
        page,
        title: Boolean(hastToString(select('head title', tree)!)),
        description: Boolean(attribute(tree, 'head meta[name="description"]', 'content')),
        canonical,
        ogUrl: meta(tree, 'og:url'),
        ogType: meta(tree, 'og:type'),
        ogImage: meta(tree, 'og:image').every((url) => /^https?:\/\//.test(String(url))) && meta(tree, 'og:image').length === 1,
        twitter: attribute(tree, 'head meta[name="twitter:card"]', 'content'),
        // X reads og:image: a twitter:image would repeat it on every page.
        twitterImage: select('head meta[name="twitter:image"]', tree) === undefined,
        feeds: selectAll('head link[rel="alternate"]', tree).map((link) => link.properties.href),
        jsonLd: selectAll('script[type="application/ld+json"]', tree).length,
      };
      const isPost = page.startsWith('/posts/');
      expect(summary).toEqual({
        page,
        title: true,
        description: true,
        canonical: new URL(page, site.url).href,
        ogUrl: [canonical],
        ogType: [isPost ? 'article' : 'website'],
        ogImage: true,
        twitter: 'summary_large_image',
        twitterImage: true,
        feeds: ['/rss.xml', '/atom.xml', '/feed.json', ...termFeedsOf(page)],
        jsonLd: isPost ? 1 : 0,
      });
    }
  });

  it('shares a post with its social image, else its cover made into one file, else a card drawn for it; list pages with the site image', async () => {
    expect(meta(head('/posts/post-7'), 'og:image')).toEqual(['https://cdn.example.org/share.png']);
    expect(meta(head('/posts/post-7'), 'og:image:width')).toEqual([]);
    const cover = String(meta(head('/posts/post-5'), 'og:image')[0]);
    expect(cover).toMatch(new RegExp(`^${site.url}/_img/cover-\\w{12}-1200\\.png$`));
    expect([meta(head('/posts/post-5'), 'og:image:width'), meta(head('/posts/post-5'), 'og:image:height')]).toEqual([['1200'], ['630']]);
    // Posts and pages without an image of their own each get a card, the hostile title too.
    const cards = ['/posts/post-1', `/posts/post-${POSTS}`, '/about'].map((page) => String(meta(head(page), 'og:image')[0]));
    expect(new Set(cards).size).toBe(3);
    for (const card of [cover, ...cards]) {
      expect(card).toMatch(new RegExp(`^${site.url}/_img/(card|cover)-\\w{12}(-1200)?\\.png$`));
      const metadata = await sharp(path.join(out, new URL(card).pathname)).metadata();
      expect([card, metadata.format, metadata.width, metadata.height]).toEqual([card, 'png', 1200, 630]);
    }
    expect(meta(head(''), 'og:image')).toEqual([absolute(site.socialImage)]);
    expect(fs.existsSync(path.join(out, ...site.socialImage.split('/')))).toBe(true);
  });

  it('marks a post up as an article with its dates and tags, and keeps a hostile title inside its JSON-LD', () => {
    const html = fs.readFileSync(path.join(out, 'posts', `post-${POSTS}`, 'index.html'), 'utf8');
    const tree = fromHtml(html);
    expect(meta(tree, 'article:published_time')).toEqual([dateOf(POSTS)]);
    expect(meta(tree, 'article:modified_time')).toEqual(['2021-03-04']);
    expect(meta(tree, 'article:tag')).toEqual(['common', '中文']);
    expect(meta(head('/posts/post-2'), 'article:modified_time')).toEqual([]);

    // The HTML parser sees the one JSON-LD script, whose JSON reads back as the exact title.
    const scripts = selectAll('script[type="application/ld+json"]', tree);
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(hastToString(scripts[0]));
    expect(data).toMatchObject({
      '@type': 'BlogPosting',
      headline: HOSTILE_TITLE,
      datePublished: dateOf(POSTS),
      dateModified: '2021-03-04',
      url: absolute(`/posts/post-${POSTS}/`),
      description: 'A post with a hostile title.',
      author: [{ '@type': 'Person', name: siteAuthors[0].name, url: absolute(`/authors/${siteAuthors[0].id}/`) }],
      image: meta(tree, 'og:image')[0],
    });
    expect(selectAll('script', tree).filter((script) => script.properties.type !== 'application/ld+json' && !script.properties.id)).toEqual([]);
    expect(html).not.toContain('<script>alert(1)');
  });
});
