/**
 * @jest-environment node
 *
 * Builds a fixture site with the real `next build` (in a scratch copy, see
 * scripts/build-site.mjs) and checks what lands in `out/`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { THEME_SCRIPT_ID, THEME_SCRIPT_MAX_BYTES, isAllowedScript, type ScriptTag } from '../lib/routes/page-scripts.mjs';
import { SEARCH_INDEX_DIR, SEARCH_PAGE_PATH, SEARCH_SCRIPT_PATH } from '../lib/routes/table.mjs';
import { readPagefindFile } from './helpers/pagefind';
import { compiledBodiesDir, madeImagesDir } from '../lib/node/folders.mjs';
import { filesUnder } from '../lib/node/files.mjs';

jest.setTimeout(240_000);

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const fixturePosts = path.join(__dirname, 'fixtures', 'site', 'posts');

/** Builds a site from `postsDir`; resolves with its out/ path, or rejects with the build's output. */
async function build(postsDir: string, name: string): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(root, 'scripts', 'build-site.mjs'), postsDir, name], { cwd: root, maxBuffer: 32 * 1024 * 1024 });
  return stdout.trim();
}

/** What a file holds, as text: a Pagefind index file unzipped, since a plain scan would miss anything in it. */
const contentOf = (file: string) => (/\.pf_(meta|index|fragment|filter)$/.test(file) ? readPagefindFile(file) : fs.readFileSync(file, 'utf8'));

/** The root-relative path of the page an exported HTML file is: `index.html` → `/`, `posts/x/index.html` → `/posts/x/`. */
const pagePathOf = (out: string, file: string) => `/${path.relative(out, path.dirname(file)).split(path.sep).filter(Boolean).map((segment) => `${segment}/`).join('')}`;

describe('next build of a fixture site', () => {
  let out: string;
  // React separates adjacent text with <!-- -->; it is not part of what a reader sees.
  const html = (page: string) => fs.readFileSync(path.join(out, page, 'index.html'), 'utf8').replaceAll('<!-- -->', '');

  beforeAll(async () => {
    out = await build(fixturePosts, 'build-test');
  });

  it('exports a page for every non-draft post and page, as <slug>/index.html', () => {
    for (const page of ['', 'posts/hello-world', 'posts/components', 'posts/gallery', 'about', '404']) {
      expect(fs.existsSync(path.join(out, page, 'index.html'))).toBe(true);
    }
    const postPages = fs.readdirSync(path.join(out, 'posts'));
    expect(postPages.sort()).toEqual(['components', 'gallery', 'hello-world']);
  });

  it('puts the title, the calendar date and the body on each post page', () => {
    const hello = html('posts/hello-world');
    expect(hello).toContain('<h1');
    expect(hello.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(hello).toMatch(/<h1[^>]*>Hello, world<\/h1>/);
    expect(hello).toMatch(/<time dateTime="2020-05-15">15 May 2020<\/time>/);
    expect(hello).toMatch(/<div[^>]*data-post-body=""[^>]*><div[^>]*><p>The first paragraph of the hello world post.<\/p>/);
    expect(hello).toContain('<meta name="description" content="The first paragraph of the hello world post."');

    const mdx = html('posts/components');
    expect(mdx).toMatch(/<h1[^>]*>Components &amp; &lt;Things&gt;<\/h1>/);
    expect(mdx).toMatch(/<time dateTime="2021-08-01">1 August 2021<\/time>/);
    expect(mdx).toContain('The callout body.');
    expect(mdx).toContain('Computed at build time: 42.');
  });

  it('publishes a folder post\'s image next to its page', () => {
    expect(fs.readFileSync(path.join(out, 'posts', 'gallery', 'photo.png'))).toEqual(fs.readFileSync(path.join(fixturePosts, 'gallery', 'photo.png')));
  });

  it('shows images as responsive <picture>s of files in /_img/, the first eagerly, with their sizes', () => {
    const tree = fromHtml(html('posts/gallery'));
    const pictures = selectAll('[data-post-body] picture', tree);
    expect(pictures).toHaveLength(2);
    const shown = pictures.map((picture) => {
      const img = select('img', picture)!;
      const srcSets = [...selectAll('source', picture), img].map((element) => String(element.properties.srcSet));
      // Every file a srcset names is in out/.
      for (const url of srcSets.flatMap((srcSet) => srcSet.split(', ').map((candidate) => candidate.split(' ')[0]))) {
        expect({ url, exists: fs.existsSync(path.join(out, url)) }).toEqual({ url, exists: true });
      }
      const { alt, width, height, loading, fetchPriority } = img.properties;
      return { alt, width, height, loading, fetchPriority, types: selectAll('source', picture).map((source) => source.properties.type), srcSets };
    });
    expect(shown).toEqual([
      {
        alt: 'A photo of the gallery',
        width: 640,
        height: 240,
        loading: 'eager',
        fetchPriority: 'high',
        types: ['image/avif', 'image/webp'],
        srcSets: [expect.stringMatching(/^\/_img\/photo-\w{12}-480\.avif 480w, \/_img\/photo-\w{12}-640\.avif 640w$/), expect.stringMatching(/-480\.webp 480w, .*-640\.webp 640w$/), expect.stringMatching(/-480\.png 480w, .*-640\.png 640w$/)],
      },
      {
        alt: 'The site\'s default social image',
        width: 1200,
        height: 630,
        loading: 'lazy',
        fetchPriority: undefined,
        types: ['image/avif', 'image/webp'],
        srcSets: [expect.stringMatching(/^\/_img\/social-default-\w{12}-480\.avif 480w, .*-960\.avif 960w, .*-1200\.avif 1200w$/), expect.any(String), expect.any(String)],
      },
    ]);
  });

  it('shares each post with a 1200×630 card drawn at build time', async () => {
    const tree = fromHtml(html('posts/hello-world'));
    const ogImage = String(select('meta[property="og:image"]', tree)?.properties.content);
    expect(ogImage).toMatch(/^https:\/\/folio\.example\.com\/_img\/card-\w{12}\.png$/);
    expect(select('meta[name="twitter:image"]', tree)?.properties.content).toBe(ogImage);
    const card = await sharp(path.join(out, new URL(ogImage).pathname)).metadata();
    expect([card.format, card.width, card.height]).toEqual(['png', 1200, 630]);
    expect(String(select('meta[property="og:image"]', fromHtml(html('posts/components')))?.properties.content)).not.toBe(ogImage);
  });

  it('lists posts newest first on the home page and links pages from the menu', () => {
    const home = html('');
    const titles = [...home.matchAll(/<h2[^>]*><a href="([^"]+)">/g)].map((match) => match[1]);
    expect(titles).toEqual(['/posts/components/', '/posts/hello-world/', '/posts/gallery/']);
    expect(home).toMatch(/<nav aria-label="Main">.*<a href="\/about\/">About the fixture<\/a>.*<\/nav>/);
    expect(titles).not.toContain('/about/');
  });

  it('leaves no trace of drafts anywhere in out/', () => {
    expect(fs.existsSync(path.join(out, 'posts', 'secret-draft'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'posts', 'draft-folder'))).toBe(false);
    for (const file of filesUnder(out)) {
      expect({ file, hasDraft: contentOf(file).includes('DRAFTMARKER-7f3a') }).toEqual({ file, hasDraft: false });
      expect(path.basename(file)).not.toBe('draft-asset.png');
    }
  });

  it('writes 404.html for static hosts and leaves no file that no page loads', () => {
    expect(fs.readFileSync(path.join(out, '404.html'), 'utf8')).toContain('Page not found');
    const files = filesUnder(out).map((file) => path.relative(out, file));
    // The only scripts: the search page's and Pagefind's, which it loads.
    expect(files.filter((file) => file.endsWith('.js') || file.startsWith(path.join('_next', 'data'))).sort()).toEqual([path.join(SEARCH_INDEX_DIR, 'pagefind.js'), SEARCH_SCRIPT_PATH.slice(1)]);
    const stylesheets = files.filter((file) => file.endsWith('.css'));
    expect(stylesheets.length).toBeGreaterThan(0);
    const pages = files.filter((file) => file.endsWith('.html')).map((file) => fs.readFileSync(path.join(out, file), 'utf8'));
    for (const stylesheet of stylesheets) expect({ stylesheet, loaded: pages.some((page) => page.includes(`/${stylesheet}`)) }).toEqual({ stylesheet, loaded: true });
    // The fixture has no math, so KaTeX's stylesheet and fonts are not published.
    expect(files.filter((file) => file.startsWith('katex'))).toEqual([]);
  });

  it('loads a script file on the search page alone, and no inline script but the theme script and JSON-LD data', () => {
    const pages = filesUnder(out).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(7);
    const withScriptFiles: string[] = [];
    for (const page of pages) {
      const tree = fromHtml(fs.readFileSync(page, 'utf8'));
      const scripts = selectAll('script', tree).map(({ properties }) => ({ src: properties.src, type: properties.type, id: properties.id }));
      expect({ page, notAllowed: scripts.filter((script) => !isAllowedScript(script as ScriptTag, { pagePath: pagePathOf(out, page) })) }).toEqual({ page, notAllowed: [] });
      if (scripts.some((script) => script.src !== undefined)) withScriptFiles.push(pagePathOf(out, page));
      // Exactly one theme script, in the head (it must run before the body is painted), and small.
      const themeScripts = selectAll(`script#${THEME_SCRIPT_ID}`, tree);
      expect({ page, themeScripts: themeScripts.length, inHead: selectAll(`head > script#${THEME_SCRIPT_ID}`, tree).length }).toEqual({ page, themeScripts: 1, inHead: 1 });
      expect(Buffer.byteLength(hastToString(themeScripts[0]))).toBeLessThan(THEME_SCRIPT_MAX_BYTES);
    }
    expect(withScriptFiles).toEqual([SEARCH_PAGE_PATH]);
  });

  it('puts the search page\'s styles in a stylesheet that no other page loads', () => {
    const pages = filesUnder(out).filter((file) => file.endsWith('.html'));
    const stylesheetsOf = (page: string) => selectAll('link[rel="stylesheet"]', fromHtml(fs.readFileSync(page, 'utf8'))).map(({ properties }) => String(properties.href));
    // `noScript` is a class of components/SearchForm/SearchForm.module.css alone.
    const searchStyles = stylesheetsOf(path.join(out, 'search', 'index.html')).filter((href) => /_noScript\{/.test(fs.readFileSync(path.join(out, href), 'utf8')));
    expect(searchStyles).toHaveLength(1);
    const loadedBy = pages.filter((page) => stylesheetsOf(page).includes(searchStyles[0])).map((page) => pagePathOf(out, page));
    expect(loadedBy).toEqual([SEARCH_PAGE_PATH]);
  });

  it('writes a search index of every published post, and of nothing else', () => {
    const fragments = path.join(out, SEARCH_INDEX_DIR, 'fragment');
    const urls = fs.readdirSync(fragments).map((file) => JSON.parse(readPagefindFile(path.join(fragments, file))).url);
    expect(urls.sort()).toEqual(['/posts/components/', '/posts/gallery/', '/posts/hello-world/']);
  });
});

describe('a rebuild after an edit', () => {
  it('compiles only the edited posts, makes no image again, and never serves a stale cache entry', async () => {
    const site = path.join(root, '.tmp', 'build-test-rebuild');
    await build(fixturePosts, 'build-test-rebuild');
    const cacheDir = compiledBodiesDir(site);
    const entries = () => filesUnder(cacheDir).filter((file) => file.endsWith('.json'));
    const before = entries();
    expect(before.length).toBeGreaterThanOrEqual(4);
    // What the image cache holds, with each file's modification time.
    const imageCache = () => Object.fromEntries(filesUnder(madeImagesDir(site)).map((file) => [path.relative(site, file), fs.statSync(file).mtimeMs]));
    const imagesBefore = imageCache();
    // photo.png: 2 widths × 3 formats; social-default.png: 3 × 3; a card for each of the 4 posts and pages.
    expect(Object.keys(imagesBefore).filter((file) => file.includes(`${path.sep}files${path.sep}`))).toHaveLength(6 + 9 + 4);
    const page = (slug: string) => fs.readFileSync(path.join(site, 'out', 'posts', slug, 'index.html'), 'utf8');
    const galleryImages = page('gallery').match(/\/_img\/[^"\s,]+/g);

    // Text edits: the gallery's body is compiled again, so its images go through the pipeline, but nothing about them changed.
    const edit = (file: string, from: string, to: string) => fs.writeFileSync(path.join(site, 'posts', file), fs.readFileSync(path.join(site, 'posts', file), 'utf8').replace(from, to));
    edit('hello-world.md', 'The first paragraph of the hello world post.', 'An edited first paragraph.');
    edit(path.join('gallery', 'index.md'), 'And the site\'s own image', 'And, edited, the site\'s own image');
    // A file an earlier build left in public/_img/ that no page shows any more.
    fs.writeFileSync(path.join(site, 'public', '_img', 'stale-0123456789ab-480.png'), 'stale');
    await run(process.execPath, [path.join(root, 'scripts', 'build-site.mjs'), '--rebuild', 'build-test-rebuild'], { cwd: root, maxBuffer: 32 * 1024 * 1024 });

    expect(page('hello-world')).toContain('<p>An edited first paragraph.</p>');
    expect(page('hello-world')).not.toContain('The first paragraph of the hello world post.');
    expect(page('gallery')).toContain('And, edited, the site');
    expect(page('gallery').match(/\/_img\/[^"\s,]+/g)).toEqual(galleryImages);
    // Two new entries, for the edited bodies; every other post came from the cache.
    expect(entries().length).toBe(before.length + 2);
    // No image or card was made again: the image cache is as it was, file for file, to the millisecond.
    expect(imageCache()).toEqual(imagesBefore);
    // out/_img/ has only what pages show.
    expect(fs.existsSync(path.join(site, 'out', '_img', 'stale-0123456789ab-480.png'))).toBe(false);
    const pages = filesUnder(path.join(site, 'out')).filter((file) => file.endsWith('.html')).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    for (const file of fs.readdirSync(path.join(site, 'out', '_img'))) expect({ file, shown: pages.includes(`/_img/${file}`) }).toEqual({ file, shown: true });

    // The site's URL, which SITE_URL sets without a change to any file, decides which links
    // are external: the unchanged hello-world's link to https://example.org/ stops being one
    // when the site is https://example.org.
    const linkToExampleOrg = () => page('hello-world').match(/<a href="https:\/\/example\.org\/"[^>]*>/)?.[0];
    expect(linkToExampleOrg()).toMatch(/rel="external/);
    await run(process.execPath, [path.join(root, 'scripts', 'build-site.mjs'), '--rebuild', 'build-test-rebuild'], { cwd: root, env: { ...process.env, SITE_URL: 'https://example.org' }, maxBuffer: 32 * 1024 * 1024 });
    expect(linkToExampleOrg()).toBeDefined();
    expect(linkToExampleOrg()).not.toMatch(/external/);
  });
});

describe('next build of a site with a broken post', () => {
  /** Builds the fixture site plus `extra` files; resolves with the build's output if it failed, null if it passed. */
  async function failureOf(extra: Record<string, string>): Promise<string | null> {
    const posts = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-broken-'));
    fs.cpSync(fixturePosts, posts, { recursive: true });
    for (const [name, contents] of Object.entries(extra)) fs.writeFileSync(path.join(posts, name), contents);
    return build(posts, 'build-test-broken').then(
      () => null,
      (error: { stderr?: string; stdout?: string }) => `${error.stdout}${error.stderr}`,
    );
  }

  it('fails on invalid front matter, naming every broken file and its field', async () => {
    const failure = await failureOf({
      'foo.md': '---\ntitle: Foo\ndate: "2019-13-45"\n---\n\nBody.\n',
      'untitled.md': '---\ndate: 2019-01-01\n---\n\nBody.\n',
    });
    expect(failure).toContain('2 posts have problems:');
    expect(failure).toContain('posts/foo.md: date: "2019-13-45" is not a valid date');
    expect(failure).toContain('posts/untitled.md: title: is required');
  });

  it('fails on an MDX compile error, naming the file and its line', async () => {
    const failure = await failureOf({ 'bar.mdx': '---\ntitle: Bar\ndate: 2019-01-01\n---\n\nIntro.\n\n<Callout>\n\nNever closed.\n' });
    expect(failure).toContain('posts/bar.mdx:8: MDX does not compile: Expected a closing tag for `<Callout>`');
  });
});
