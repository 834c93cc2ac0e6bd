/**
 * @jest-environment node
 *
 * Posts from gatsby-starter-lumen, gatsby-starter-blog and Next's blog-starter work unchanged:
 * each starter's sample posts, verbatim (__tests__/fixtures/starters/, whose README names
 * their sources), are built as a site of their own with the real build, the media they
 * reference put where they point as a migrating author would (a folder post's own files
 * beside it, root paths in public/), and their pages checked: URL, title, date, taxonomy,
 * description, body, images made from the files they name, and the shared image.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import sharp from 'sharp';
import { copySite, rebuildSite, removeBuiltSites } from './helpers/build-site';

jest.setTimeout(300_000);
afterAll(removeBuiltSites);

const STARTERS = path.join(__dirname, 'fixtures', 'starters');
const SITE_URL = 'https://folio.example.com';

/** A plain JPEG of `width` × `height`, standing in for a starter's photo. */
const jpeg = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 120, g: 90, b: 60 } } }).jpeg().toBuffer();

/**
 * Builds the posts of `starter` as an author migrating from it would: its posts copied
 * unchanged into `posts/`, and a JPEG of the given size at each path of `media` (relative to
 * the site: `posts/…` beside a folder post, `public/…` for a root path). Returns its out/.
 */
async function buildStarter(starter: string, media: Record<string, [number, number]>, { postAliasPatterns = [] }: { postAliasPatterns?: string[] } = {}): Promise<string> {
  const siteDir = copySite(path.join(STARTERS, starter, 'posts'), `build-starter-${starter}`);
  // The URLs its posts had there, which now redirect to them.
  const settingsFile = path.join(siteDir, 'lib', 'config', 'settings.ts');
  fs.writeFileSync(settingsFile, fs.readFileSync(settingsFile, 'utf8').replace('postAliasPatterns: [],', `postAliasPatterns: ${JSON.stringify(postAliasPatterns)},`));
  for (const [file, [width, height]] of Object.entries(media)) {
    fs.mkdirSync(path.dirname(path.join(siteDir, file)), { recursive: true });
    fs.writeFileSync(path.join(siteDir, file), await jpeg(width, height));
  }
  return rebuildSite(siteDir);
}

/** The front matter of a fixture post, as its author wrote it. */
const frontMatterOf = (file: string) => matter(fs.readFileSync(path.join(STARTERS, file), 'utf8')).data;

/** What a post page shows of its post. */
function postPage(out: string, sitePath: string) {
  const file = path.join(out, sitePath, 'index.html');
  expect({ sitePath, exported: fs.existsSync(file) }).toEqual({ sitePath, exported: true });
  // React separates adjacent text with <!-- -->; it is not part of what a reader sees.
  const tree: Root = fromHtml(fs.readFileSync(file, 'utf8').replaceAll('<!-- -->', ''));
  const meta = (selector: string) => select(`head > meta${selector}`, tree)?.properties.content;
  const body = select('[data-post-body]', tree)!;
  /** The URLs a srcset or src names. */
  const urlsOf = (element: Element) => String(element.properties.srcSet ?? element.properties.src).split(', ').map((candidate) => candidate.split(' ')[0]);
  /** The files each picture's <source>s name, by its <img>. */
  const sourcesOf = new Map(selectAll('picture', body).map((picture) => [select('img', picture), selectAll('source', picture).flatMap(urlsOf)]));
  // An image's zoom overlay holds a larger copy of an image the body shows already.
  const zoomCopies = new Set(selectAll('.image-zoom-overlay img', body));
  return {
    tree,
    body,
    title: hastToString(select('h1', tree)!),
    dates: selectAll('article > header time', tree).map((time) => [time.properties.dateTime, hastToString(time)]),
    category: selectAll('article > header a[href^="/categories/"]', tree).map((link) => [hastToString(link), link.properties.href]),
    tags: selectAll('article > header a[href^="/tags/"]', tree).map((link) => hastToString(link)),
    description: meta('[name="description"]'),
    ogImage: { url: meta('[property="og:image"]'), width: meta('[property="og:image:width"]'), height: meta('[property="og:image:height"]') },
    text: hastToString(body).replace(/\s+/g, ' '),
    /** Each image of the body: its alt text, its size, and the files its sources name. */
    images: selectAll('img', body).filter((img) => !zoomCopies.has(img)).map((img) => ({
      alt: img.properties.alt,
      width: img.properties.width,
      height: img.properties.height,
      files: [...(sourcesOf.get(img) ?? []), ...urlsOf(img)],
    })),
  };
}

/** The files of the site that a list of URLs names, and whether each is in out/. */
const missingFiles = (out: string, urls: string[]) => urls.filter((url) => url.startsWith('/') && !fs.existsSync(path.join(out, url)));

describe('gatsby-starter-lumen', () => {
  const POST = 'lumen/posts/2016-01-10---perfecting-the-art-of-perfection/index.md';
  let out: string;

  beforeAll(async () => {
    out = await buildStarter('lumen', {
      // socialImage: "./image.jpg", beside the post.
      'posts/2016-01-10---perfecting-the-art-of-perfection/image.jpg': [800, 500],
      // ![…](/image.jpg): Lumen serves root paths from its static/ folder.
      'public/image.jpg': [640, 400],
    });
  });

  it('builds its post at its slug, with its date, category, tags and description', () => {
    const page = postPage(out, 'posts/perfecting-the-art-of-perfection');
    expect(page.title).toBe('Perfecting the Art of Perfection');
    expect(page.dates).toEqual([['2016-10-01', '1 October 2016']]);
    expect(page.category).toEqual([['Design Inspiration', '/categories/design-inspiration/']]);
    expect(page.tags).toEqual(['#Handwriting', '#Learning to write']);
    expect(page.description).toBe(frontMatterOf(POST).description);
    expect(page.text).toContain('Quisque cursus, metus vitae pharetra auctor');
    expect(page.text).toContain('Nam dui mi, tincidunt quis, accumsan porttitor, facilisis luctus, metus.');
    expect(fs.existsSync(path.join(out, 'categories', 'design-inspiration', 'index.html'))).toBe(true);
  });

  it('shows the body\'s /image.jpg from public/, and shares the ./image.jpg beside the post', () => {
    const page = postPage(out, 'posts/perfecting-the-art-of-perfection');
    expect(page.images).toEqual([{ alt: 'Nulla faucibus vestibulum eros in tempus. Vestibulum tempor imperdiet velit nec dapibus', width: 640, height: 400, files: expect.any(Array) }]);
    expect(page.images[0].files).toEqual(expect.arrayContaining([expect.stringMatching(/^\/_img\/image-\w{12}-640\.(avif|webp|jpg)$/)]));
    expect(missingFiles(out, page.images[0].files)).toEqual([]);
    expect(page.ogImage).toEqual({ url: expect.stringMatching(new RegExp(`^${SITE_URL}/_img/image-\\w{12}-800\\.jpg$`)), width: '800', height: '500' });
    expect(missingFiles(out, [new URL(String(page.ogImage.url)).pathname])).toEqual([]);
  });
});

describe('gatsby-starter-blog', () => {
  let out: string;

  beforeAll(async () => {
    // gatsby-starter-blog put each post at /<folder>/; Folio puts it at /posts/<folder>/.
    out = await buildStarter('gatsby-starter-blog', { 'posts/hello-world/salty_egg.jpg': [720, 480] }, { postAliasPatterns: ['/:slug/'] });
  });

  it('keeps the URLs its posts had there working: a 301 in _redirects and a page at each that sends readers on, out of the sitemap', () => {
    const rules = fs.readFileSync(path.join(out, '_redirects'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#') && !line.endsWith('!'));
    expect(rules.sort()).toEqual(['/hello-world/ /posts/hello-world/ 301', '/my-second-post/ /posts/my-second-post/ 301']);
    for (const slug of ['hello-world', 'my-second-post']) {
      const page = fromHtml(fs.readFileSync(path.join(out, slug, 'index.html'), 'utf8'));
      expect(select('meta[http-equiv="refresh"]', page)?.properties.content).toBe(`0; url=/posts/${slug}/`);
      expect(select('link[rel="canonical"]', page)?.properties.href).toBe(`${SITE_URL}/posts/${slug}/`);
    }
    const sitemap = fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE_URL}/posts/hello-world/</loc>`);
    expect(sitemap).not.toContain(`<loc>${SITE_URL}/hello-world/</loc>`);
  });

  it('builds its posts at their folder names, with their dates and descriptions, newest first', () => {
    const hello = postPage(out, 'posts/hello-world');
    expect([hello.title, hello.dates, hello.description]).toEqual(['Hello World', [['2015-05-01', '1 May 2015']], 'Hello World']);
    const second = postPage(out, 'posts/my-second-post');
    // No description: the first paragraph is the excerpt.
    expect([second.title, second.dates, second.description]).toEqual(['My Second Post!', [['2015-05-06', '6 May 2015']], 'Wow! I love blogging so much already.']);
    const home = fromHtml(fs.readFileSync(path.join(out, 'index.html'), 'utf8'));
    expect(selectAll('main ol > li h2 a', home).map((link) => link.properties.href)).toEqual(['/posts/my-second-post/', '/posts/hello-world/']);
  });

  it('renders the kitchen sink of its first post: the quote, the code, the table, its links and both images', () => {
    const page = postPage(out, 'posts/hello-world');
    expect(hastToString(select('blockquote', page.body)!)).toMatch(/^\s*A salted duck egg is a Chinese preserved food product/);
    expect(selectAll('pre', page.body).map((pre) => hastToString(pre))).toContain('const saltyDuckEgg = "chinese preserved food product"\n');
    expect(selectAll('table td', page.body).map((cell) => hastToString(cell))).toContain('Harry Potter and the Chamber of Secrets');
    expect(select('a[href="https://en.wikipedia.org/wiki/Salted_duck_egg"]', page.body)).toBeDefined();
    const [egg, placeholder] = page.images;
    expect({ ...egg, files: undefined }).toEqual({ alt: 'Chinese Salty Egg', width: 720, height: 480, files: undefined });
    expect(egg.files).toEqual(expect.arrayContaining([expect.stringMatching(/^\/_img\/salty-egg-\w{12}-720\.(avif|webp|jpg)$/)]));
    expect(missingFiles(out, egg.files)).toEqual([]);
    // An image on another host is shown from there, as written.
    expect(placeholder).toEqual({ alt: 'Alt Text', width: undefined, height: undefined, files: ['https://via.placeholder.com/200x50'] });
    // No cover: the post is shared with a card drawn at build time.
    expect(page.ogImage).toEqual({ url: expect.stringMatching(new RegExp(`^${SITE_URL}/_img/card-\\w{12}\\.png$`)), width: '1200', height: '630' });
  });
});

describe('Next.js blog-starter', () => {
  const POST = 'blog-starter/posts/hello-world.md';
  let out: string;

  beforeAll(async () => {
    out = await buildStarter('blog-starter', {
      // coverImage, ogImage.url and author.picture are root paths into its public/.
      'public/assets/blog/hello-world/cover.jpg': [1300, 700],
      'public/assets/blog/authors/tim.jpeg': [96, 96],
    });
  });

  it('builds its post with its date, excerpt and body, and shares its coverImage', () => {
    const page = postPage(out, 'posts/hello-world');
    expect(page.title).toBe('Learn How to Pre-render Pages Using Static Generation with Next.js');
    expect(page.dates).toEqual([['2020-03-16', '16 March 2020']]);
    expect(page.description).toBe(frontMatterOf(POST).excerpt);
    expect(selectAll('h2', page.body).map((heading) => hastToString(heading))).toContain('Lorem Ipsum');
    expect(page.text).toContain('Venenatis cras sed felis eget velit.');
    expect(page.ogImage).toEqual({ url: expect.stringMatching(new RegExp(`^${SITE_URL}/_img/cover-\\w{12}-1200\\.jpg$`)), width: '1200', height: expect.any(String) });
    expect(missingFiles(out, [new URL(String(page.ogImage.url)).pathname])).toEqual([]);
  });
});
