/**
 * The feeds, the sitemap and robots.txt that the post-export step writes (lib/export/feeds.ts),
 * from a real content index and exported pages with real post bodies in them. Each feed is
 * parsed back and checked against its spec's required elements. It runs in jsdom for its
 * DOMParser, a strict XML parser (saxes): fast-xml-parser, which reads the values, forgives
 * XML that feed readers reject (its validator passes control characters, `<` in an attribute
 * and `&#1;`), so every XML file is first parsed with DOMParser, which refuses all three.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { buildManifest, type BuildManifest } from '../lib/build/manifest';
import { loadContent } from '../lib/content/load';
import { exportedPageFile, feedBodyCacheFile, postBodyHtml, robotsTxt, sitemapXml, writeFeedsAndSitemap } from '../lib/export/feeds';
import { exportedFile } from '../lib/export/exported-pages';
import { FEED_STYLE, FEED_STYLESHEET } from '../lib/export/feed-stylesheet';
import { post, writePosts } from './helpers/posts-dir';

const SITE = 'https://folio.example.com';
const HOSTILE_TITLE = 'Components & <Things> ]]> twice ]]>';
const DRAFT_MARKER = 'DRAFTMARKER-feeds-3c1e';

/** A post body as an exported page has it: relative links, a footnote link, images, `]]>` in code, React's comments. */
const body = (slug: string) => `<p>Post ${slug}. Read <a href="/posts/updated/">the update</a>, <a href="../folder/">a sibling</a>, <a href="#fn-1">a footnote</a> and <a href="https://example.org/x?a=1&amp;b=2">elsewhere</a>.</p>
<p><img src="/posts/folder/diagram.png" srcset="/posts/folder/diagram.png 1x, diagram@2x.png 2x" alt="Diagram"/></p>
<pre><code>&lt;![CDATA[ x ]]&gt; and ]]&gt; again</code></pre><p>Folio<!-- --> — <!-- -->end.</p>`;

const page = (slug: string, bodyHtml = body(slug)) =>
  `<!DOCTYPE html><html><head><title>${slug}</title></head><body><main><article><header><h1>${slug}</h1><p>The lead, not the body.</p></header><div data-post-body="">${bodyHtml}</div></article></main></body></html>`;

/**
 * A content index from real post files, and an out/ with an exported page for every post and
 * page; with `includeDrafts`, as `npm run dev` reads the posts, drafts and their pages too.
 */
function exportedSite(posts: Record<string, string>, { includeDrafts = false } = {}) {
  const dir = writePosts(posts);
  const manifest = buildManifest(loadContent({ dir, root: path.dirname(dir), includeDrafts, keepBroken: false }));
  const outDir = fs.mkdtempSync(path.join(path.dirname(dir), 'out-'));
  for (const entry of [...manifest.posts, ...manifest.pages]) {
    fs.mkdirSync(path.dirname(exportedPageFile(outDir, entry.url)), { recursive: true });
    fs.writeFileSync(exportedPageFile(outDir, entry.url), page(entry.slug));
  }
  return { manifest, outDir };
}

const samplePosts = {
  'newest.md': post(`title: "${HOSTILE_TITLE}"\ndate: 2021-08-01\nexcerpt: 'Uses <b> & "quotes" ]]> here'\ncategory: Notes\ntags: [mdx, writing]`),
  'updated.md': post('title: Updated post\ndate: 2020-05-15\nupdated: 2022-01-10\ntags: [writing]'),
  'folder/index.md': post('title: Folder post\ndate: 2019-01-01\ncover: ./cover.png\nsocialImage: /images/share.png'),
  'oldest.md': post('title: Oldest post\ndate: 2017-12-15\ncover: https://cdn.example.org/c.jpg'),
  'about.md': post('title: About\ndate: 2017-01-01\ntemplate: page'),
  'secret.md': post(`title: Secret ${DRAFT_MARKER}\ndate: 2030-01-01\ndraft: true\ntags: [writing]`, `Body ${DRAFT_MARKER}.`),
  // Scheduled (dated after today): in dev's manifest, like the draft, and in no feed.
  'scheduled.md': post(`title: Scheduled ${DRAFT_MARKER}\ndate: 2999-01-01\ncategory: Notes`, `Body ${DRAFT_MARKER}.`),
};

const NEWEST_FIRST = ['/posts/newest/', '/posts/updated/', '/posts/folder/', '/posts/oldest/'].map((url) => SITE + url);

const LISTS = ['rss.channel.item', 'rss.channel.item.category', 'rss.channel.atom:link', 'feed.link', 'feed.entry', 'feed.entry.link', 'feed.entry.category', 'urlset.url'];
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (_name, jpath) => LISTS.includes(String(jpath)) });
/** Parses `text` as strict XML 1.0 and returns it, or fails with the parser's message. */
function wellFormed(text: string): string {
  xmlDocument(text);
  return text;
}
/** `text` parsed as strict XML 1.0, or a failure with the parser's message. */
function xmlDocument(text: string): Document {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  expect(document.querySelector('parsererror')?.textContent ?? null).toBeNull();
  return document;
}
/** What a reader shows of an HTML field: its text. */
const htmlText = (html: string) => toString(fromHtml(html, { fragment: true }));
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The absolute URLs a post's content must hold, resolved against the post's own URL. */
function expectAbsoluteContent(html: string, postUrl: string) {
  expect(html).toContain(`<a href="${SITE}/posts/updated/">the update</a>`);
  expect(html).toContain(`<a href="${SITE}/posts/folder/">a sibling</a>`);
  expect(html).toContain(`<a href="${postUrl}#fn-1">a footnote</a>`);
  expect(html).toContain('<a href="https://example.org/x?a=1&#x26;b=2">elsewhere</a>');
  expect(html).toContain(`src="${SITE}/posts/folder/diagram.png"`);
  expect(html).toContain(`srcset="${SITE}/posts/folder/diagram.png 1x, ${postUrl}diagram@2x.png 2x"`);
  // No root-relative or relative URL is left, nor the page around the body.
  expect(html).not.toMatch(/(href|src)="(?!https?:)/);
  expect(html).not.toContain('The lead, not the body.');
  expect(html).not.toContain('<!--');
}

describe('feeds written from the build manifest and the exported pages', () => {
  let manifest: BuildManifest;
  let outDir: string;
  let written: string[];
  const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');

  beforeAll(() => {
    // The manifest holds the draft, the newest post, with its exported page: the feeds must leave it out themselves.
    ({ manifest, outDir } = exportedSite(samplePosts, { includeDrafts: true }));
    written = writeFeedsAndSitemap(manifest, outDir);
  });

  it('writes every feed at its link, the sitemap and robots.txt', () => {
    const termFeeds = ['tags/mdx', 'tags/writing', 'categories/notes'].flatMap((list) => ['rss.xml', 'atom.xml', 'feed.json'].map((file) => `feeds/${list}/${file}`));
    expect(written).toEqual(['rss.xml', 'atom.xml', 'feed.json', ...termFeeds, 'feed.xsl', 'sitemap.xml', 'robots.txt']);
    expect(manifest.feeds.map((feed) => feed.href)).toEqual(['/rss.xml', '/atom.xml', '/feed.json']);
  });

  it('RSS 2.0: channel title, link and description; items newest first with title, link, guid, RFC 822 pubDate and full content', () => {
    const { rss } = xml.parse(wellFormed(read('rss.xml')));
    expect(rss.version).toBe('2.0');
    const { channel } = rss;
    expect(channel.title).toBe('Folio');
    expect(channel.link).toBe(`${SITE}/`);
    expect(channel.description).toBe(manifest.site.description);
    expect(channel.language).toBe('en');
    expect(channel['atom:link'][0].href).toBe(`${SITE}/rss.xml`);
    expect(channel.item.map((item: { link: string }) => item.link)).toEqual(NEWEST_FIRST);

    const [newest, updated] = channel.item;
    expect(newest.title).toBe(HOSTILE_TITLE);
    expect(newest.guid['#text']).toBe(`${SITE}/posts/newest/`);
    expect(newest.pubDate).toMatch(RFC_822);
    expect(newest.pubDate).toBe('Sun, 01 Aug 2021 00:00:00 GMT');
    // The description is HTML: the excerpt's text is escaped in it.
    expect(htmlText(newest.description)).toBe('Uses <b> & "quotes" ]]> here');
    expect(newest['dc:creator']).toBe('Folio Author');
    expect(newest.category.map((category: { '#text': string } | string) => (typeof category === 'string' ? category : category['#text']))).toEqual(['Notes', 'mdx', 'writing']);
    expectAbsoluteContent(newest['content:encoded'], `${SITE}/posts/newest/`);
    // RSS has one date, the publication date; `updated` does not move it.
    expect(updated.pubDate).toBe('Fri, 15 May 2020 00:00:00 GMT');
  });

  it('Atom: feed id, title and updated; entries with id, title, updated, link and HTML content', () => {
    const { feed } = xml.parse(wellFormed(read('atom.xml')));
    expect(feed.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${SITE}/`);
    expect(feed.title).toBe('Folio');
    // The feed changed when its newest change did: the update of 2022-01-10.
    expect(feed.updated).toBe('2022-01-10T00:00:00.000Z');
    expect(feed.link.map((link: { rel: string; href: string }) => [link.rel, link.href])).toEqual([
      ['alternate', `${SITE}/`],
      ['self', `${SITE}/atom.xml`],
    ]);
    expect(feed.author.name).toBe('Folio Author');
    expect(feed.entry.map((entry: { id: string }) => entry.id)).toEqual(NEWEST_FIRST);
    for (const entry of feed.entry) {
      expect(entry.link[0].href).toBe(entry.id);
      expect(entry.updated).toMatch(RFC_3339);
      expect(entry.content.type).toBe('html');
    }
    const [newest, updated, folder] = feed.entry;
    // Atom's title and summary are text, as written.
    expect(newest.title).toBe(HOSTILE_TITLE);
    expect(newest.summary).toBe('Uses <b> & "quotes" ]]> here');
    expect(newest.category.map((category: { term: string; label: string }) => [category.term, category.label])).toEqual([
      ['Notes', 'Notes'],
      ['mdx', 'mdx'],
      ['writing', 'writing'],
    ]);
    expectAbsoluteContent(newest.content['#text'], `${SITE}/posts/newest/`);
    expect([updated.published, updated.updated]).toEqual(['2020-05-15T00:00:00.000Z', '2022-01-10T00:00:00.000Z']);
    expect([folder.published, folder.updated]).toEqual(['2019-01-01T00:00:00.000Z', '2019-01-01T00:00:00.000Z']);
  });

  it('JSON Feed 1.1: version, title, items with id, url, content_html and RFC 3339 dates', () => {
    const feed = JSON.parse(read('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Folio');
    expect(feed.home_page_url).toBe(`${SITE}/`);
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.language).toBe('en');
    // The site's first author, with their page (the sample settings have two authors).
    expect(feed.authors).toEqual([{ name: 'Folio Author', url: `${SITE}/authors/folio-author/` }]);
    expect(feed).not.toHaveProperty('author');
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual(NEWEST_FIRST);
    for (const item of feed.items) {
      expect(item.url).toBe(item.id);
      expect(item.date_published).toMatch(RFC_3339);
      expect(item.authors).toEqual([{ name: 'Folio Author', url: `${SITE}/authors/folio-author/` }]);
      expect(item).not.toHaveProperty('author');
    }
    const [newest, updated, folder, oldest] = feed.items;
    // JSON strings are text: the title and summary as written.
    expect(newest.title).toBe(HOSTILE_TITLE);
    expect(newest.summary).toBe('Uses <b> & "quotes" ]]> here');
    expect(newest.tags).toEqual(['Notes', 'mdx', 'writing']);
    expectAbsoluteContent(newest.content_html, `${SITE}/posts/newest/`);
    expect([updated.date_published, updated.date_modified]).toEqual(['2020-05-15T00:00:00.000Z', '2022-01-10T00:00:00.000Z']);
    // The image shown for a post: its social image, else its cover, as absolute URLs.
    expect(folder.image).toBe(`${SITE}/images/share.png`);
    expect(oldest.image).toBe('https://cdn.example.org/c.jpg');
    expect(newest).not.toHaveProperty('image');
  });

  it('leaves pages, drafts and scheduled posts out of every feed', () => {
    expect(manifest.posts.filter((entry) => entry.draft).map((entry) => entry.url)).toEqual(['/posts/secret/']);
    expect(manifest.posts.filter((entry) => entry.scheduled && !entry.draft).map((entry) => entry.url)).toEqual(['/posts/scheduled/']);
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      expect(read(file)).not.toContain('/about/');
      expect(read(file)).not.toContain('/posts/secret/');
      expect(read(file)).not.toContain('/posts/scheduled/');
      expect(read(file)).not.toContain(DRAFT_MARKER);
    }
  });

  it('holds the newest `feedSize` posts', () => {
    const small = { ...manifest, site: { ...manifest.site, feedSize: 2 } };
    writeFeedsAndSitemap(small, outDir);
    expect(JSON.parse(read('feed.json')).items.map((item: { id: string }) => item.id)).toEqual(NEWEST_FIRST.slice(0, 2));
    expect(xml.parse(read('rss.xml')).rss.channel.item).toHaveLength(2);
    expect(xml.parse(read('atom.xml')).feed.entry).toHaveLength(2);
    writeFeedsAndSitemap(manifest, outDir);
  });

  it('reuses the feed body of a page whose HTML is unchanged, and makes it again from a changed page, or from every page after the version changes', () => {
    const cacheFile = feedBodyCacheFile(outDir);
    expect(cacheFile).toBe(path.join(path.dirname(outDir), '.next', 'cache', 'folio', 'feed-bodies.json'));
    const saved = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    const [newest] = NEWEST_FIRST;
    expect(Object.keys(saved.pages).sort()).toEqual([...NEWEST_FIRST].sort());
    const contentOf = (url: string) => JSON.parse(read('feed.json')).items.find((item: { id: string }) => item.id === url).content_html;
    const made = contentOf(newest);
    expect(saved.pages[newest].value).toBe(made);

    // A cached body that no page holds shows that the rebuild read the cache, not the page.
    const planted = (version: string) => ({ version, pages: { ...saved.pages, [newest]: { ...saved.pages[newest], value: '<p>Planted zeppelin words.</p>' } } });
    fs.writeFileSync(cacheFile, JSON.stringify(planted(saved.version)));
    writeFeedsAndSitemap(manifest, outDir);
    expect(contentOf(newest)).toBe('<p>Planted zeppelin words.</p>');

    // The same entry under another version is never used.
    fs.writeFileSync(cacheFile, JSON.stringify(planted('another pipeline')));
    writeFeedsAndSitemap(manifest, outDir);
    expect(contentOf(newest)).toBe(made);

    // Nor is it once the page has changed.
    const pageFile = exportedPageFile(outDir, '/posts/newest/');
    const original = fs.readFileSync(pageFile, 'utf8');
    fs.writeFileSync(cacheFile, JSON.stringify(planted(saved.version)));
    fs.writeFileSync(pageFile, page('newest', '<p>The newest body, edited.</p>'));
    writeFeedsAndSitemap(manifest, outDir);
    expect(contentOf(newest)).toBe('<p>The newest body, edited.</p>');
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).pages[newest].value).toBe('<p>The newest body, edited.</p>');

    fs.writeFileSync(pageFile, original);
    writeFeedsAndSitemap(manifest, outDir);
    expect(contentOf(newest)).toBe(made);
  });

  it('fails, naming the page, when a post was not exported', () => {
    fs.rmSync(exportedPageFile(outDir, '/posts/oldest/'));
    expect(() => writeFeedsAndSitemap(manifest, outDir)).toThrow(/\/posts\/oldest\/ was not exported/);
  });
});

describe('each tag\'s and category\'s feeds', () => {
  let manifest: BuildManifest;
  let outDir: string;
  const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');
  /** Each list's feeds' folder, and the posts it lists (the draft is tagged `writing`, the scheduled post filed in Notes). */
  const LISTS: Record<string, string[]> = {
    'feeds/tags/mdx/': ['/posts/newest/'],
    'feeds/tags/writing/': ['/posts/newest/', '/posts/updated/'],
    'feeds/categories/notes/': ['/posts/newest/'],
  };
  /** The entries of the three feeds in `folder`, by format, as their URLs. */
  const entriesIn = (folder: string) => ({
    rss: xml.parse(wellFormed(read(`${folder}rss.xml`))).rss.channel.item.map((item: { link: string }) => item.link),
    atom: xml.parse(wellFormed(read(`${folder}atom.xml`))).feed.entry.map((entry: { id: string }) => entry.id),
    json: JSON.parse(read(`${folder}feed.json`)).items.map((item: { id: string }) => item.id),
  });

  beforeAll(() => {
    ({ manifest, outDir } = exportedSite(samplePosts, { includeDrafts: true }));
    writeFeedsAndSitemap(manifest, outDir);
  });

  it('lists, in all three formats, exactly the published posts of that tag or category, newest first', () => {
    expect(manifest.termFeeds.map((list) => list.url)).toEqual(['/tags/mdx/', '/tags/writing/', '/categories/notes/']);
    for (const [folder, urls] of Object.entries(LISTS)) {
      const expected = urls.map((url) => SITE + url);
      expect({ folder, ...entriesIn(folder) }).toEqual({ folder, rss: expected, atom: expected, json: expected });
      for (const file of ['rss.xml', 'atom.xml', 'feed.json']) expect(read(folder + file)).not.toContain(DRAFT_MARKER);
    }
  });

  it('titles each feed as its list page, links that page, and names its own URL', () => {
    const { channel } = xml.parse(read('feeds/tags/writing/rss.xml')).rss;
    expect([channel.title, channel.link, channel.description]).toEqual(['Posts tagged “writing” | Folio', `${SITE}/tags/writing/`, 'Every post tagged “writing”, newest first.']);
    expect(channel['atom:link'][0].href).toBe(`${SITE}/feeds/tags/writing/rss.xml`);
    const { feed } = xml.parse(read('feeds/categories/notes/atom.xml'));
    expect([feed.id, feed.title, feed.subtitle]).toEqual([`${SITE}/categories/notes/`, 'Posts in Notes | Folio', 'Every post in the category Notes, newest first.']);
    expect(feed.link.map((link: { rel: string; href: string }) => [link.rel, link.href])).toEqual([
      ['alternate', `${SITE}/categories/notes/`],
      ['self', `${SITE}/feeds/categories/notes/atom.xml`],
    ]);
    // The feed's author is the site's first, at their page (the sample settings have two authors).
    expect(feed.author).toEqual({ name: 'Folio Author', uri: `${SITE}/authors/folio-author/` });
    const json = JSON.parse(read('feeds/tags/mdx/feed.json'));
    expect([json.title, json.home_page_url, json.feed_url]).toEqual(['Posts tagged “mdx” | Folio', `${SITE}/tags/mdx/`, `${SITE}/feeds/tags/mdx/feed.json`]);
    // An entry is the same in every feed that carries it.
    expect(json.items[0]).toEqual(JSON.parse(read('feed.json')).items[0]);
  });

  it('holds the newest `feedSize` posts of its list', () => {
    writeFeedsAndSitemap({ ...manifest, site: { ...manifest.site, feedSize: 1 } }, outDir);
    expect(entriesIn('feeds/tags/writing/')).toEqual({ rss: [`${SITE}/posts/newest/`], atom: [`${SITE}/posts/newest/`], json: [`${SITE}/posts/newest/`] });
    writeFeedsAndSitemap(manifest, outDir);
  });

  it('names the XSL stylesheet in every RSS and Atom feed, right after the XML declaration, and publishes it', () => {
    for (const file of ['rss.xml', 'atom.xml', 'feeds/tags/writing/rss.xml', 'feeds/categories/notes/atom.xml']) {
      expect({ file, start: read(file).split('\n').slice(0, 2) }).toEqual({ file, start: ['<?xml version="1.0" encoding="utf-8"?>', '<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>'] });
    }
    expect(read('feed.json')).not.toContain('feed.xsl');
    expect(read('feed.xsl')).toBe(FEED_STYLESHEET);
    const stylesheet = xmlDocument(read('feed.xsl'));
    expect(stylesheet.documentElement.localName).toBe('stylesheet');
    expect(stylesheet.documentElement.namespaceURI).toBe('http://www.w3.org/1999/XSL/Transform');
    // The page it makes has one inline style, the one the feeds' policy allows by its hash, and no script.
    expect([...stylesheet.getElementsByTagName('style')].map((style) => style.textContent)).toEqual([FEED_STYLE]);
    expect(stylesheet.getElementsByTagName('script')).toHaveLength(0);
  });
});

describe('the feeds of a site whose front matter and bodies hold what XML cannot', () => {
  /**
   * As hostile as YAML lets front matter be: characters XML 1.0 cannot hold (U+0001, a form
   * feed, ESC, U+FFFE), markup, a literal `&amp;`, `]]>` and both quotes. As YAML escapes:
   */
  const HOSTILE_YAML = String.raw`Ctl\x01\e\f<b>bold</b> &amp; & ]]> \"dq\" 'sq' \uFFFE end`;
  const HOSTILE = 'Ctl\u0001\u001b\f<b>bold</b> &amp; & ]]> "dq" \'sq\' \uFFFE end';
  /** What a page shows of `text` that XML can hold: HTML reads a form feed as a space, and shows no other control character. */
  const shown = (text: string) => text.replaceAll('\f', ' ').replace(/[\u0001\u001b\uFFFE]/g, '');
  /** The body as React writes it into the exported page: the control characters as they are, the rest escaped. */
  const HOSTILE_BODY = '<p>Body \u0001\u001b\f\uFFFE ]]&gt; &amp;amp; &lt;/p&gt; &quot;end&quot;</p>';

  let manifest: BuildManifest;
  let outDir: string;
  const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');
  const text = (element: Element | null | undefined) => element?.textContent ?? null;

  beforeAll(() => {
    ({ manifest, outDir } = exportedSite({
      'hostile.md': post(`title: "${HOSTILE_YAML}"\ndate: 2022-02-02\nexcerpt: "${HOSTILE_YAML}"\ncategory: "Cat ${HOSTILE_YAML}"\ntags: ["Tag ${HOSTILE_YAML}", "a < b"]`),
      'plain.md': post('title: Plain\ndate: 2020-01-01'),
    }));
    fs.writeFileSync(exportedPageFile(outDir, '/posts/hostile/'), page('hostile', HOSTILE_BODY));
    writeFeedsAndSitemap(manifest, outDir);
  });

  it('reads the hostile front matter as written (what the feeds get)', () => {
    const [hostile] = manifest.posts;
    expect(hostile.title).toBe(HOSTILE);
    expect(hostile.category?.name).toBe(`Cat ${HOSTILE}`);
    expect(hostile.tags.map((tag) => tag.name)).toEqual([`Tag ${HOSTILE}`, 'a < b']);
    // The excerpt is the front matter's Markdown as plain text; U+FFFE, which XML cannot hold, is still in it.
    expect(hostile.excerpt).toContain('\uFFFE');
  });

  it('RSS is well-formed and says what the page says: the title keeps its literal &amp;', () => {
    const document = xmlDocument(read('rss.xml'));
    const item = document.querySelector('item')!;
    expect(text(item.querySelector('title'))).toBe(shown(HOSTILE));
    expect(text(item.querySelector('title'))).toContain('&amp; &');
    expect(htmlText(text(item.querySelector('description'))!)).toBe(shown(manifest.posts[0].excerpt));
    expect([...item.querySelectorAll('category')].map(text)).toEqual([`Cat ${shown(HOSTILE)}`, `Tag ${shown(HOSTILE)}`, 'a < b']);
    expect(htmlText(text(item.getElementsByTagName('content:encoded')[0])!)).toBe('Body   ]]> &amp; </p> "end"');
  });

  it('Atom is well-formed, with every category name in its term and label', () => {
    const document = xmlDocument(read('atom.xml'));
    const entry = document.querySelector('entry')!;
    expect(text(entry.querySelector('title'))).toBe(shown(HOSTILE));
    expect(text(entry.querySelector('summary'))).toBe(shown(manifest.posts[0].excerpt));
    expect([...entry.querySelectorAll('category')].map((category) => [category.getAttribute('term'), category.getAttribute('label')])).toEqual(
      [`Cat ${shown(HOSTILE)}`, `Tag ${shown(HOSTILE)}`, 'a < b'].map((name) => [name, name]),
    );
    expect(htmlText(text(entry.querySelector('content'))!)).toBe('Body   ]]> &amp; </p> "end"');
  });

  it('gives the hostile tag and category feeds of their own: well-formed, titled with the name as written', () => {
    const lists = manifest.termFeeds.filter((list) => list.title.includes('Ctl'));
    expect(lists.map((list) => list.title)).toEqual([`Posts tagged “Tag ${HOSTILE}” | Folio`, `Posts in Cat ${HOSTILE} | Folio`]);
    for (const list of lists) {
      const [rss, atom, json] = list.feeds.map((feed) => fs.readFileSync(exportedFile(outDir, feed.href), 'utf8'));
      expect(text(xmlDocument(rss).querySelector('channel > title'))).toBe(shown(list.title));
      expect(text(xmlDocument(atom).querySelector('feed > title'))).toBe(shown(list.title));
      expect(JSON.parse(json).title).toBe(list.title);
      expect(text(xmlDocument(rss).querySelector('item > title'))).toBe(shown(HOSTILE));
    }
  });

  it('JSON Feed holds every character as written', () => {
    const [item] = JSON.parse(read('feed.json')).items;
    expect(item.title).toBe(HOSTILE);
    expect(item.summary).toBe(manifest.posts[0].excerpt);
    expect(item.tags).toEqual([`Cat ${HOSTILE}`, `Tag ${HOSTILE}`, 'a < b']);
    expect(htmlText(item.content_html)).toBe('Body \u0001\u001b\f\uFFFE ]]> &amp; </p> "end"');
  });
});

describe('postBodyHtml', () => {
  it('returns only the post body, with every URL absolute against the post', () => {
    const html = postBodyHtml(page('newest'), `${SITE}/posts/newest/`);
    expectAbsoluteContent(html!, `${SITE}/posts/newest/`);
    expect(html).toMatch(/^<p>Post newest\./);
  });

  it('keeps a formula\'s MathML and drops KaTeX\'s visual copy, which needs its stylesheet', () => {
    const pageHtml = '<html><body><div data-post-body=""><p>Energy: <span class="katex"><span class="katex-mathml"><math><mi>E</mi></math></span><span class="katex-html" aria-hidden="true">E</span></span></p></div></body></html>';
    const html = postBodyHtml(pageHtml, `${SITE}/posts/math/`)!;
    expect(html).toContain('<math><mi>E</mi></math>');
    expect(html).not.toContain('katex-html');
  });

  it('drops the copy script that follows a body with code: a feed carries no script', () => {
    const pageHtml = '<html><body><div data-post-body=""><div><figure data-rehype-pretty-code-figure=""><pre><code>x\n</code></pre></figure></div><script id="copy-code-script">document.currentScript</script></div></body></html>';
    const html = postBodyHtml(pageHtml, `${SITE}/posts/code/`)!;
    expect(html).toBe('<div><figure data-rehype-pretty-code-figure=""><pre><code>x\n</code></pre></figure></div>');
  });

  it('keeps of a zoomable image its picture alone: no buttons, no second copy in an overlay', () => {
    const pageHtml = '<html><body><div data-post-body=""><p>See <span class="image-zoom"><button type="button" class="image-zoom-open" popovertarget="image-zoom-1" aria-label="Enlarge image: A"><picture><img src="/_img/a-960.jpg" alt="A"></picture></button><span popover="auto" id="image-zoom-1" class="image-zoom-overlay"><picture><img src="/_img/a-1600.jpg" alt="A"></picture><button type="button">Close</button></span></span> here.</p></div></body></html>';
    expect(postBodyHtml(pageHtml, `${SITE}/posts/photo/`)).toBe(`<p>See <picture><img src="${SITE}/_img/a-960.jpg" alt="A"></picture> here.</p>`);
  });

  it('returns null for a page with no post body', () => {
    expect(postBodyHtml('<html><body><main><p>Not a post</p></main></body></html>', `${SITE}/x/`)).toBeNull();
  });
});

describe('sitemap and robots.txt', () => {
  const { manifest } = exportedSite(samplePosts);

  it('lists every route as an absolute URL with its lastmod', () => {
    const { urlset } = xml.parse(wellFormed(sitemapXml(manifest)));
    expect(urlset.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset.url.map((url: { loc: string }) => url.loc)).toEqual(manifest.routes.map((route) => SITE + route.url));
    const lastmod = Object.fromEntries(urlset.url.map((url: { loc: string; lastmod?: string }) => [url.loc, url.lastmod]));
    expect(lastmod[`${SITE}/posts/updated/`]).toBe('2022-01-10');
    expect(lastmod[`${SITE}/posts/oldest/`]).toBe('2017-12-15');
    expect(lastmod[`${SITE}/about/`]).toBe('2017-01-01');
    expect(lastmod[`${SITE}/`]).toBe('2022-01-10');
  });

  it('escapes and percent-encodes URLs', () => {
    const routes = [{ url: '/tags/%E4%B8%AD%E6%96%87/', lastmod: null }, { url: '/posts/中文/', lastmod: '2020-01-01' }, { url: "/a&b'/", lastmod: null }];
    const sitemap = wellFormed(sitemapXml({ ...manifest, routes }));
    expect(xml.parse(sitemap).urlset.url).toEqual([
      { loc: `${SITE}/tags/%E4%B8%AD%E6%96%87/` },
      { loc: `${SITE}/posts/%E4%B8%AD%E6%96%87/`, lastmod: '2020-01-01' },
      { loc: `${SITE}/a&b'/` },
    ]);
    expect(sitemap).toContain('<loc>https://folio.example.com/a&amp;b&apos;/</loc>');
  });

  it('robots.txt allows everything and points to the sitemap', () => {
    expect(robotsTxt(manifest)).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
  });
});
