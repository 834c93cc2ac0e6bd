/**
 * @jest-environment node
 *
 * Several authors, built: two fixture sites with the real build (scripts/build-site.ts), their
 * `out/` read.
 * - A site with the sample settings' two authors, the second one's name and bio hostile: the
 *   authors' index and each author's pages (paginated), post bylines and author blocks, the
 *   JSON-LD, each feed's authors, the sitemap, and the avatars the image pipeline made.
 * - A site whose settings give one `author`, as before there were several: its single author
 *   block, and none of the author pages, byline or sitemap entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { site } from '../lib/config/site';
import { filesUnder } from '../lib/node/files';
import { post, writePosts } from './helpers/posts-dir';
import { copySite, rebuildSite, removeBuiltSites } from './helpers/build-site';

jest.setTimeout(600_000);
afterAll(removeBuiltSites);

const HOSTILE_NAME = 'Ada "<Reviewer>" </script><script>alert(1)</script> & Co';
const HOSTILE_BIO = 'Reviews <img src=x onerror=alert(2)> designs & </p>caches.';
/** Posts of the first (default) author: more than a page of them, so their list has a page 2. */
const DEFAULT_POSTS = 11;

const absolute = (pathname: string) => new URL(pathname, site.url).href;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['item', 'entry', 'author', 'dc:creator', 'url'].includes(name) });

/** Posts that name no author, dated in January 2020. */
function defaultPosts(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= DEFAULT_POSTS; n++) files[`default-${n}.md`] = post(`title: Default ${n}\ndate: 2020-01-${String(n).padStart(2, '0')}`);
  return files;
}

/** Those, and posts that name the sample settings' second author, alone and first of two. */
const twoAuthorPosts = () => ({
  ...defaultPosts(),
  'by-ada.md': post('title: By Ada\ndate: 2021-01-01\nauthor: ada-reviewer'),
  'by-both.md': post('title: By both\ndate: 2021-02-01\ntags: [pairs]\nauthors:\n  - ada-reviewer\n  - folio-author'),
});

/** Builds `posts` with the sample settings changed by `edit` (settings.ts's text in, text out); returns its out/. */
async function buildWithSettings(name: string, posts: Record<string, string>, edit: (settings: string) => string): Promise<string> {
  const siteDir = copySite(writePosts(posts), name);
  const settingsFile = path.join(siteDir, 'lib', 'config', 'settings.ts');
  const before = fs.readFileSync(settingsFile, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  fs.writeFileSync(settingsFile, after);
  return rebuildSite(siteDir);
}

/** A page of `out` as a tree, React's `<!-- -->` text separators dropped; null when it was not exported. */
function pageOf(out: string, sitePath: string): Root | null {
  const file = path.join(out, sitePath, 'index.html');
  return fs.existsSync(file) ? fromHtml(fs.readFileSync(file, 'utf8').replaceAll('<!-- -->', '')) : null;
}

const textOf = (element: Element | Root | undefined) => (element ? hastToString(element).replace(/\s+/g, ' ').trim() : null);
/** The text of each heading, paragraph and list item link of `element`, as a reader reads them one after the other. */
const piecesOf = (element: Element | Root) => selectAll('h1, h2, p, ul ul a', element).map((piece) => textOf(piece));
const linksOf = (element: Element | undefined) => (element ? selectAll('a', element).map((link) => [textOf(link), link.properties.href]) : []);
const jsonLdOf = (tree: Root) => JSON.parse(hastToString(select('script[type="application/ld+json"]', tree)!));
/** Scripts a page carries other than the theme script every page has and its JSON-LD. */
const otherScripts = (tree: Root) => selectAll('script', tree).filter((script) => script.properties.id !== 'theme-script' && script.properties.type !== 'application/ld+json');

describe('a site with two authors', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildWithSettings('build-authors', twoAuthorPosts(), (settings) =>
      settings.replace("name: 'Ada Reviewer'", `name: ${JSON.stringify(HOSTILE_NAME)}`).replace(/bio: 'Reviews designs[^']*'/, `bio: ${JSON.stringify(HOSTILE_BIO)}`),
    );
  });

  it('lists every author at /authors/, in the settings\' order, each linking their page with their number of posts', () => {
    const tree = pageOf(out, '/authors/')!;
    const main = select('main', tree)!;
    expect(textOf(select('h1', main))).toBe('Authors');
    expect(selectAll('main > ul > li', tree).map((item) => [linksOf(item)[0], textOf(item)!.match(/\d+ posts?/)?.[0]])).toEqual([
      [['Folio Author', '/authors/folio-author/'], '12 posts'],
      [[HOSTILE_NAME, '/authors/ada-reviewer/'], '2 posts'],
    ]);
    expect(otherScripts(tree)).toEqual([]);
  });

  it('gives each author a page of their posts, newest first, under who they are, paginated like a tag', () => {
    const ada = pageOf(out, '/authors/ada-reviewer/')!;
    expect(textOf(select('h1', ada))).toBe(`Posts by ${HOSTILE_NAME}`);
    expect(textOf(select('title', ada))).toBe(`Posts by ${HOSTILE_NAME} | ${site.title}`);
    // Under the heading, before the list: who they are, the bio as written.
    expect(piecesOf(select('main', ada)!).slice(0, 4)).toEqual([`Posts by ${HOSTILE_NAME}`, HOSTILE_NAME, HOSTILE_BIO, 'By both']);
    expect(selectAll('main ol > li h2 a', ada).map((link) => [textOf(link), link.properties.href])).toEqual([
      ['By both', '/posts/by-both/'],
      ['By Ada', '/posts/by-ada/'],
    ]);
    expect(otherScripts(ada)).toEqual([]);
    // The hostile name and bio are text: no element came of them.
    expect(selectAll('main img[onerror], main script', ada)).toEqual([]);

    const folio = pageOf(out, '/authors/folio-author/')!;
    expect(selectAll('main ol > li h2 a', folio)).toHaveLength(site.postsPerPage);
    const second = pageOf(out, '/authors/folio-author/page/2/')!;
    expect(selectAll('main ol > li h2 a', second).map((link) => textOf(link))).toEqual(['Default 2', 'Default 1']);
    expect(pageOf(out, '/authors/ada-reviewer/page/2/')).toBeNull();
  });

  it('names a post\'s authors under its title, linking their pages, and after its body with their bios', () => {
    const tree = pageOf(out, '/posts/by-both/')!;
    const byline = selectAll('article > header p', tree).find((paragraph) => textOf(paragraph)!.startsWith('By '));
    expect(textOf(byline)).toBe(`By ${HOSTILE_NAME} and Folio Author`);
    expect(linksOf(byline)).toEqual([
      [HOSTILE_NAME, '/authors/ada-reviewer/'],
      ['Folio Author', '/authors/folio-author/'],
    ]);
    const block = select('section[aria-labelledby]', tree)!;
    expect(textOf(select('h2', block))).toBe('About the authors');
    expect(piecesOf(block)).toEqual(['About the authors', HOSTILE_NAME, HOSTILE_BIO, 'Mastodon', 'Folio Author', site.authors![0].bio, 'GitHub']);
    expect(selectAll('article img[onerror], article script', tree)).toEqual([]);

    const byDefault = pageOf(out, '/posts/default-3/')!;
    const defaultByline = selectAll('article > header p', byDefault).find((paragraph) => textOf(paragraph)!.startsWith('By '));
    expect(linksOf(defaultByline)).toEqual([['Folio Author', '/authors/folio-author/']]);
    expect(textOf(select('section[aria-labelledby] h2', byDefault)!)).toBe('About the author');
  });

  it('shows each author\'s avatar as the pipeline made it: square, 64 and 128 px, in AVIF, WebP and PNG, files the site has', async () => {
    const tree = pageOf(out, '/posts/by-both/')!;
    const pictures = selectAll('section[aria-labelledby] picture', tree);
    expect(pictures).toHaveLength(2);
    const filesOf = (picture: Element) => [...selectAll('source', picture).map((source) => String(source.properties.srcSet)), String(select('img', picture)!.properties.srcSet)].flatMap((srcSet) => srcSet.split(', ').map((candidate) => candidate.split(' ')[0]));
    for (const [picture, name] of [[pictures[0], 'ada-reviewer'], [pictures[1], 'folio-author']] as const) {
      const files = filesOf(picture);
      expect(files.map((file) => file.replace(/-[0-9a-f]{12}-/, '-#-')).sort()).toEqual(['64.avif', '128.avif', '64.webp', '128.webp', '64.png', '128.png'].map((end) => `/_img/${name}-#-${end}`).sort());
      for (const file of files) {
        const { width, height } = await sharp(path.join(out, file)).metadata();
        const expected = Number(file.match(/-(\d+)\.\w+$/)![1]);
        expect({ file, width, height }).toEqual({ file, width: expected, height: expected });
      }
      const img = select('img', picture)!;
      expect([img.properties.width, img.properties.height, img.properties.alt]).toEqual([64, 64, '']);
    }
  });

  it('gives the JSON-LD author as the list of the post\'s authors, each a Person with their page, names exactly as written', () => {
    const html = fs.readFileSync(path.join(out, 'posts', 'by-both', 'index.html'), 'utf8');
    expect(html).not.toContain('</script><script>alert(1)');
    expect(jsonLdOf(pageOf(out, '/posts/by-both/')!).author).toEqual([
      { '@type': 'Person', name: HOSTILE_NAME, url: absolute('/authors/ada-reviewer/') },
      { '@type': 'Person', name: 'Folio Author', url: absolute('/authors/folio-author/') },
    ]);
  });

  it('names each post\'s authors in every feed: a dc:creator each in RSS, an author each in Atom, authors in JSON Feed', () => {
    const both = [HOSTILE_NAME, 'Folio Author'];
    const pages = [absolute('/authors/ada-reviewer/'), absolute('/authors/folio-author/')];
    const rss = fs.readFileSync(path.join(out, 'rss.xml'), 'utf8');
    expect(rss).not.toContain('<script>');
    const items = xml.parse(rss).rss.channel.item;
    expect(items.slice(0, 2).map((item: { title: string; 'dc:creator': string[] }) => [item.title, item['dc:creator']])).toEqual([
      ['By both', both],
      ['By Ada', [HOSTILE_NAME]],
    ]);
    const atom = xml.parse(fs.readFileSync(path.join(out, 'atom.xml'), 'utf8')).feed;
    expect(atom.entry[0].author).toEqual(both.map((name, i) => ({ name, uri: pages[i] })));
    expect(atom.entry[2].author).toEqual([{ name: 'Folio Author', uri: pages[1] }]);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'feed.json'), 'utf8'));
    expect(json.items[0].authors).toEqual(both.map((name, i) => ({ name, url: pages[i] })));
    expect(json.items[1].authors).toEqual([{ name: HOSTILE_NAME, url: pages[0] }]);
  });

  it('lists the authors\' index and each author\'s pages in the sitemap', () => {
    const locs: string[] = xml.parse(fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8')).urlset.url.map((entry: { loc: string }) => entry.loc);
    expect(locs.filter((loc) => loc.includes('/authors/')).sort()).toEqual(
      ['/authors/', '/authors/ada-reviewer/', '/authors/folio-author/', '/authors/folio-author/page/2/'].map(absolute).sort(),
    );
  });
});

describe('a site whose settings give one author', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildWithSettings('build-one-author', defaultPosts(), (settings) =>
      settings.replace(/\n {2}authors: \[[\s\S]*?\n {2}\],/, "\n  author: { name: 'Solo Writer', bio: 'Writes <b>alone</b>.' },"),
    );
  }, 600_000);

  it('keeps its single author block, with no link, no byline and no author pages', () => {
    const tree = pageOf(out, '/posts/default-1/')!;
    const block = select('section[aria-labelledby]', tree)!;
    expect(textOf(select('h2', block))).toBe('About the author');
    expect(piecesOf(block)).toEqual(['About the author', 'Solo Writer', 'Writes <b>alone</b>.']);
    expect(selectAll('a, picture, ul', block)).toEqual([]);
    expect(selectAll('article > header p', tree).filter((paragraph) => textOf(paragraph)!.startsWith('By '))).toEqual([]);
    expect(textOf(select('footer p', tree))).toBe('Solo Writer — Writes <b>alone</b>.');
    // No page at /authors/ or under it (Next leaves the folder of the page it did not export, empty).
    expect(filesUnder(out).filter((file) => path.relative(out, file).split(path.sep)[0] === 'authors')).toEqual([]);
  });

  it('names the author in the JSON-LD, with the home page as their URL, and in every feed', () => {
    expect(jsonLdOf(pageOf(out, '/posts/default-1/')!).author).toEqual([{ '@type': 'Person', name: 'Solo Writer', url: absolute('/') }]);
    const rss = xml.parse(fs.readFileSync(path.join(out, 'rss.xml'), 'utf8')).rss.channel.item;
    expect(rss.map((item: { 'dc:creator': string[] }) => item['dc:creator'])).toEqual(rss.map(() => ['Solo Writer']));
    const atom = xml.parse(fs.readFileSync(path.join(out, 'atom.xml'), 'utf8')).feed;
    expect(atom.author).toEqual([{ name: 'Solo Writer', uri: absolute('/') }]);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'feed.json'), 'utf8'));
    expect(json.items[0].authors).toEqual([{ name: 'Solo Writer', url: absolute('/') }]);
    expect(fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8')).not.toContain('/authors/');
  });
});
