/** @jest-environment node */
// Feeds (lib/export/feeds.ts) in the details feeds.test.ts leaves out: a site under a base path,
// entries with no terms, every URL attribute of a body made absolute, and the export files
// the feeds are read from. Each feed is read back with an XML parser or as JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { BuildManifest } from '../lib/build/manifest';
import { exportedPageFile, postBodyHtml, sitePathOf, writeFeedsAndSitemap } from '../lib/export/feeds';
import { site, siteFeeds } from '../lib/config/site';
import { category, postSummary, tag } from './helpers/post-summary';

const SITE = site.url;

/** An author whose name is hostile, as the settings may hold it: every feed must carry it as text. */
const HOSTILE_AUTHOR = { id: 'a', name: 'Ada </dc:creator><script>alert(1)</script> & "Co"', url: '/authors/a/' };
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['item', 'entry', 'category', 'atom:link'].includes(name) });

/** A manifest for `basePath` with the posts `posts` (their URLs under it), and an `out/` holding each post's page. */
function exportedSite(basePath: string, posts = [postSummary({ slug: 'plain', url: `${basePath}/posts/plain/` })]) {
  const manifest: BuildManifest = {
    site,
    integrations: {} as BuildManifest['integrations'],
    basePath,
    feeds: siteFeeds.map((link) => ({ ...link, href: `${basePath}${link.href}` })),
    termFeeds: [],
    authors: [{ id: 'folio-author', name: 'Folio Author', url: `${basePath}/authors/folio-author/` }],
    posts,
    pages: [],
    routes: [],
    redirects: [],
  };
  // out/ in a folder of its own: the feed bodies are cached beside it, in .next/cache/folio/.
  const outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-feeds-')), 'out');
  for (const post of posts) {
    const file = exportedPageFile(outDir, sitePathOf(manifest, post.url));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `<html><body><div data-post-body=""><p>${post.slug}</p></div></body></html>`);
  }
  return { manifest, outDir, read: (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8') };
}

describe('feeds of a site under a base path', () => {
  const { outDir, read, manifest } = exportedSite('/blog');
  beforeAll(() => writeFeedsAndSitemap(manifest, outDir));

  it('link the site\'s home page, with its trailing slash, in every format', () => {
    expect(xml.parse(read('rss.xml')).rss.channel.link).toBe(`${SITE}/blog/`);
    expect(xml.parse(read('atom.xml')).feed.id).toBe(`${SITE}/blog/`);
    expect(JSON.parse(read('feed.json')).home_page_url).toBe(`${SITE}/blog/`);
  });

  it('RSS names its own URL as the self link of an RSS document, and each guid as the permalink', () => {
    const { channel } = xml.parse(read('rss.xml')).rss;
    expect(channel['atom:link']).toEqual([{ href: `${SITE}/blog/rss.xml`, rel: 'self', type: 'application/rss+xml' }]);
    expect(channel.item[0].guid).toEqual({ isPermaLink: 'true', '#text': `${SITE}/blog/posts/plain/` });
  });
});

describe('feed entries', () => {
  const posts = [
    postSummary({ slug: 'bare', date: '2021-01-01' }),
    postSummary({ slug: 'tagged', date: '2020-01-01', tags: [tag('aws')] }),
    postSummary({ slug: 'filed', date: '2019-01-01', category: category('Notes'), authors: [HOSTILE_AUTHOR, { id: 'folio-author', name: 'Folio Author', url: '/authors/folio-author/' }] }),
  ];
  const { outDir, read, manifest } = exportedSite('', posts);
  beforeAll(() => writeFeedsAndSitemap(manifest, outDir));

  it('name each post\'s authors, in order, escaped: a dc:creator each in RSS, an author each in Atom, authors in JSON Feed', () => {
    const names = [['Folio Author'], ['Folio Author'], [HOSTILE_AUTHOR.name, 'Folio Author']];
    const pages = [['/authors/folio-author/'], ['/authors/folio-author/'], ['/authors/a/', '/authors/folio-author/']].map((urls) => urls.map((url) => `${SITE}${url}`));
    const rss = read('rss.xml');
    expect(rss).not.toContain('<script>');
    const items = xml.parse(rss).rss.channel.item;
    expect(items.map((item: { 'dc:creator': string | string[] }) => [item['dc:creator']].flat())).toEqual(names);
    const atom = xml.parse(read('atom.xml')).feed;
    expect(atom.author).toEqual({ name: 'Folio Author', uri: `${SITE}/authors/folio-author/` });
    const entryAuthors = atom.entry.map((entry: { author: { name: string; uri: string } | { name: string; uri: string }[] }) => [entry.author].flat());
    expect(entryAuthors.map((authors: { name: string }[]) => authors.map((author) => author.name))).toEqual(names);
    expect(entryAuthors.map((authors: { uri: string }[]) => authors.map((author) => author.uri))).toEqual(pages);
    const json = JSON.parse(read('feed.json'));
    expect(json.authors).toEqual([{ name: 'Folio Author', url: `${SITE}/authors/folio-author/` }]);
    expect(json.items.map((item: { authors: { name: string; url: string }[] }) => item.authors)).toEqual(names.map((list, i) => list.map((name, j) => ({ name, url: pages[i][j] }))));
  });

  it('carry their tags and category, and nothing for a post without either', () => {
    const items = xml.parse(read('rss.xml')).rss.channel.item;
    expect(items.map((item: { category?: string[] }) => item.category ?? [])).toEqual([[], ['aws'], ['Notes']]);
    const entries = xml.parse(read('atom.xml')).feed.entry;
    expect(entries.map((entry: { category?: { term: string }[] }) => (entry.category ?? []).map((term) => term.term))).toEqual([[], ['aws'], ['Notes']]);
    const json = JSON.parse(read('feed.json')).items;
    expect(json.map((item: { tags?: string[] }) => item.tags)).toEqual([undefined, ['aws'], ['Notes']]);
    expect(Object.keys(json[0])).not.toContain('tags');
  });
});

describe('writing the feeds', () => {
  it('fails naming the page when an exported post page has no post body', () => {
    const { outDir, manifest } = exportedSite('');
    const file = exportedPageFile(outDir, '/posts/plain/');
    fs.writeFileSync(file, '<html><body><p>No body here.</p></body></html>');
    expect(() => writeFeedsAndSitemap(manifest, outDir)).toThrow(`Cannot write the feeds: ${file} has no [data-post-body] element`);
  });

  it('fails when a post\'s URL is not under the base path the site was built with', () => {
    const { manifest } = exportedSite('/blog');
    expect(() => sitePathOf(manifest, '/posts/plain/')).toThrow('/posts/plain/ is not under the base path /blog the site was built with');
    expect(sitePathOf(manifest, '/blog/posts/plain/')).toBe('/posts/plain/');
  });
});

describe('exportedPageFile', () => {
  it('is the index.html of the page\'s folder, named with its decoded segments', () => {
    expect(exportedPageFile('/out', '/posts/caf%C3%A9/')).toBe(path.join('/out', 'posts', 'café', 'index.html'));
    expect(exportedPageFile('/out', '/')).toBe(path.join('/out', 'index.html'));
  });
});

describe('postBodyHtml', () => {
  const page = (body: string) => `<html><body><div data-post-body="">${body}</div></body></html>`;
  const URL_OF_POST = `${SITE}/posts/x/`;

  it('makes a video\'s poster, a quotation\'s cite and every srcset candidate absolute', () => {
    const html = postBodyHtml(page('<video src="v.mp4" poster="/p.jpg"></video><blockquote cite="source.html">Q</blockquote><img src="a.png" srcset="a-480.avif 480w, /b-960.avif 960w">'), URL_OF_POST);
    expect(html).toContain(`poster="${SITE}/p.jpg"`);
    expect(html).toContain(`cite="${URL_OF_POST}source.html"`);
    expect(html).toContain(`srcset="${URL_OF_POST}a-480.avif 480w, ${SITE}/b-960.avif 960w"`);
  });

  it('reads a srcset as browsers do: a comma inside a URL does not end its candidate', () => {
    const html = postBodyHtml(page('<img src="a.png" srcset="/img?w=480,h=320 1x,/img?w=960,h=640 2x">'), URL_OF_POST);
    expect(html).toContain(`srcset="${SITE}/img?w=480,h=320 1x, ${SITE}/img?w=960,h=640 2x"`);
  });

  it('resolves each srcset URL whole, dot segments and all', () => {
    const html = postBodyHtml(page('<img src="../shared/a.png" srcset="../shared/a.png 1x, ./b.png 2x">'), URL_OF_POST);
    expect(html).toBe(`<img src="${SITE}/posts/shared/a.png" srcset="${SITE}/posts/shared/a.png 1x, ${URL_OF_POST}b.png 2x">`);
  });

  it('keeps a URL it cannot resolve as written', () => {
    expect(postBodyHtml(page('<a href="http://[not-a-host/">x</a>'), URL_OF_POST)).toBe('<a href="http://[not-a-host/">x</a>');
  });
});
