/**
 * @jest-environment node
 *
 * Builds a fixture site with the real `next build` (in a scratch copy, see
 * scripts/build-site.ts) and checks what lands in `out/`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { COPY_CODE_SCRIPT_ID, COPY_CODE_SCRIPT_MAX_BYTES, LIVE_PREVIEW_SCRIPT_ID, THEME_SCRIPT_ID, THEME_SCRIPT_MAX_BYTES } from '../lib/routes/page-scripts';
import { LIVE_PREVIEW_PORT_VARIABLE } from '../lib/config/site';
import { livePreviewScript } from '../components/LivePreview/LivePreview';
import { SEARCH_INDEX_DIR } from '../lib/routes/table';
import { aliasPageFile } from '../lib/routes/redirects';
import { start } from '../scripts/serve';
import { readPagefindFile } from './helpers/pagefind';
import { compiledBodiesDir, madeImagesDir, siteDataFile } from '../lib/node/folders';
import { readCompiledPost } from '../lib/page-props/site-data';
import { loadContent } from '../lib/content/load';
import { siteUrlSet } from '../lib/content/site-urls';
import { publishedFiles } from '../lib/build/prepare';
import type { SiteData } from '../lib/page-props/site-data';
import { filesUnder } from '../lib/node/files';
import { buildSite, copySite, prepareAsDev, rebuildSite, removeBuiltSites, tryBuildSite } from './helpers/build-site';
import { scriptsOn } from './helpers/scripts-on-pages';

jest.setTimeout(300_000);
afterAll(removeBuiltSites);

const fixturePosts = path.join(__dirname, 'fixtures', 'site', 'posts');

/** What a file holds: a gzipped one (Pagefind's index files, its WebAssembly) unzipped, since a plain scan would miss anything in it. */
function contentOf(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes;
}

const EDIT_URL = 'https://github.com/owner/folio-fixture/edit/main/';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The root-relative path of the page an exported HTML file is: `index.html` → `/`, `posts/x/index.html` → `/posts/x/`. */
const pagePathOf = (out: string, file: string) => `/${path.relative(out, path.dirname(file)).split(path.sep).filter(Boolean).map((segment) => `${segment}/`).join('')}`;

/** The files of the pages at old URLs, by the sources of `out/_redirects`: they are no pages of the site. */
const aliasPageFiles = (out: string) =>
  new Set(
    fs
      .readFileSync(path.join(out, '_redirects'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => path.join(out, ...aliasPageFile(line.split(' ')[0]))),
  );

/** The live preview port the fixture site is built with (see its `beforeAll`). */
const LIVE_PREVIEW_PORT = 43_210;

describe('next build of a fixture site', () => {
  let out: string;
  // React separates adjacent text with <!-- -->; it is not part of what a reader sees.
  const html = (page: string) => fs.readFileSync(path.join(out, page, 'index.html'), 'utf8').replaceAll('<!-- -->', '');

  /** Every file `npm run dev` made for the drafts and the scheduled post (their images, the files made from them, their cards), by its path in public/. */
  let draftFiles: string[];
  /** The hash of the card `npm run dev` drew for each post, by its source path: a card's name says nothing of its post. */
  let devCards: Record<string, string>;

  beforeAll(async () => {
    // The author ran `npm run dev` first, which shows drafts: their images, the files made
    // from them and their cards are in public/ and the caches when the build starts.
    const siteDir = copySite(fixturePosts, 'build-test');
    // The site links each post to its file in the repository.
    const settingsFile = path.join(siteDir, 'lib', 'config', 'settings.ts');
    fs.writeFileSync(settingsFile, fs.readFileSync(settingsFile, 'utf8').replace('editUrl: null,', `editUrl: '${EDIT_URL}',`));
    await prepareAsDev(siteDir);
    // What dev prepared: every post, drafts included, with its compiled body and its card.
    const devSite: SiteData = JSON.parse(fs.readFileSync(siteDataFile(siteDir), 'utf8'));
    // A post dated after today is scheduled: dev shows it, as it shows drafts, and the build must hold it back the same way.
    const drafts = devSite.posts.filter((post) => post.draft || post.scheduled);
    expect(drafts.map((post) => [post.slug, post.draft, post.scheduled]).sort()).toEqual([
      ['draft-folder', true, false],
      ['scheduled-folder', false, true],
      ['secret-draft', true, false],
    ]);
    draftFiles = drafts.flatMap(({ sourcePath, slug }) => {
      const { bodyKey, socialImage } = devSite.outputs[sourcePath];
      const bodyImages = readCompiledPost(siteDir, bodyKey).images.flatMap((image) => image.files.map((file) => `_img/${file}`));
      const published = filesUnder(path.join(siteDir, 'public', 'posts', slug)).map((file) => path.relative(path.join(siteDir, 'public'), file));
      return [socialImage.url.slice(1), ...bodyImages, ...published];
    });
    devCards = Object.fromEntries(Object.entries(devSite.outputs).map(([sourcePath, { socialImage }]) => [sourcePath, sha256(fs.readFileSync(path.join(siteDir, 'public', socialImage.url)))]));
    // With the variable through which `npm run dev` gives `next dev` its live preview's port
    // still set, as in a shell that exported it: the build must ignore it.
    out = await rebuildSite(siteDir, { [LIVE_PREVIEW_PORT_VARIABLE]: String(LIVE_PREVIEW_PORT) });
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
    // The settings' editUrl and the post's file, after the body.
    expect(hello).toMatch(new RegExp(`data-post-body=""[\\s\\S]*<a href="${EDIT_URL}posts/hello-world.md">Edit this post</a>`));
    expect(html('posts/gallery')).toContain(`<a href="${EDIT_URL}posts/gallery/index.md">Edit this post</a>`);

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
    // Not the larger copies in the images' zoom overlays.
    const zoomed = new Set(selectAll('.image-zoom-overlay picture', tree));
    const pictures = selectAll('[data-post-body] picture', tree).filter((picture) => !zoomed.has(picture));
    expect(zoomed.size).toBe(2);
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
    expect(select('meta[name="twitter:card"]', tree)?.properties.content).toBe('summary_large_image');
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

  it('leaves no trace of drafts and scheduled posts anywhere in out/, even after `npm run dev` made their files', () => {
    // What dev made for the drafts: the draft's image, its 2 widths × 3 formats, and a card
    // each. The image has the bytes of the gallery's photo, so only the names made from its
    // name tell its files from the gallery's.
    expect(draftFiles.filter((file) => /^_img\/draft-asset-\w{12}-\d+\.(avif|webp|png)$/.test(file))).toHaveLength(6);
    expect(draftFiles.filter((file) => /^_img\/scheduled-asset-\w{12}-\d+\.(avif|webp|png)$/.test(file))).toHaveLength(6);
    expect(draftFiles.filter((file) => /^_img\/card-\w{12}\.png$/.test(file))).toHaveLength(3);
    expect(draftFiles).toContain(path.join('posts', 'draft-folder', 'draft-asset.png'));
    expect(draftFiles).toContain(path.join('posts', 'scheduled-folder', 'scheduled-asset.png'));
    const files = filesUnder(out).map((file) => ({ file: path.relative(out, file), content: contentOf(file) }));
    // The scans find published things, in plain and in gzipped files and by a card's bytes, so finding nothing of the drafts means something.
    const withText = (text: string) => files.filter(({ content }) => content.includes(text)).map(({ file }) => file);
    expect(withText('The callout body.')).toEqual(expect.arrayContaining([path.join('posts', 'components', 'index.html'), expect.stringMatching(/^pagefind\/fragment\//)]));
    const outHashes = new Set(files.map(({ content }) => sha256(content)));
    expect(outHashes.has(devCards['posts/hello-world.md'])).toBe(true);

    expect(withText('DRAFTMARKER-7f3a')).toEqual([]);
    expect(withText('SCHEDULEDMARKER-5c2d')).toEqual([]);
    for (const name of ['secret-draft', 'draft-folder', 'draft-asset', 'scheduled-folder', 'scheduled-asset', 'later-tag']) {
      expect({ name, files: files.filter(({ file }) => file.includes(name)).map(({ file }) => file) }).toEqual({ name, files: [] });
      expect({ name, inFiles: withText(name) }).toEqual({ name, inFiles: [] });
    }
    const draftCards = ['posts/secret-draft.md', 'posts/draft-folder/index.md', 'posts/scheduled-folder/index.md'].map((sourcePath) => devCards[sourcePath]);
    expect(files.filter(({ content }) => draftCards.includes(sha256(content))).map(({ file }) => file)).toEqual([]);
  });

  it('exports exactly the pages the link check knows, and every file it exports that a link can reach is one the check knows', () => {
    // The set the prepare step checks links against, made as it makes it, from the built copy's posts and public/.
    const siteDir = path.dirname(out);
    const prepared: SiteData = JSON.parse(fs.readFileSync(siteDataFile(siteDir), 'utf8'));
    const usesMath = Object.values(prepared.outputs).some(({ bodyKey }) => readCompiledPost(siteDir, bodyKey).usesMath);
    const index = loadContent({ dir: path.join(siteDir, 'posts'), root: siteDir, includeDrafts: false, keepBroken: false });
    const known = siteUrlSet(index, { files: publishedFiles(path.join(siteDir, 'public'), [], usesMath) });
    // Next's own files, the search index and the hosts' files are no link's target.
    const sitePathOf = (file: string) => `/${path.relative(out, file).split(path.sep).join('/')}`;
    const exported = filesUnder(out)
      .map(sitePathOf)
      .filter((sitePath) => !/^\/(_next|pagefind)\//.test(sitePath) && sitePath !== '/_headers' && sitePath !== '/_redirects');
    // A page left at an old URL is the page a link to that URL reaches, `/hello.html` too.
    const aliasPages = new Set([...aliasPageFiles(out)].map(sitePathOf));
    const exportedPages = exported.filter((sitePath) => sitePath.endsWith('/index.html') || aliasPages.has(sitePath)).map((sitePath) => sitePath.replace(/\/index\.html$/, '/'));
    expect(exportedPages.sort()).toEqual([...known.pages].sort());
    expect(exportedPages).toEqual(expect.arrayContaining(['/', '/posts/hello-world/', '/about/', '/tags/', '/archive/', '/search/', '/404/']));
    const exportedFiles = exported.filter((sitePath) => !sitePath.endsWith('/index.html') && !aliasPages.has(sitePath));
    expect(exportedFiles.filter((file) => !known.files.has(file))).toEqual([]);
    expect(exportedFiles).toEqual(expect.arrayContaining(['/rss.xml', '/sitemap.xml', '/robots.txt', '/404.html', '/favicon.ico', '/posts/gallery/photo.png']));
    // The other way, but for what the post-export step prunes when no page refers to it (a link to one keeps it).
    const prunable = (file: string) => /^\/(_img|katex)\//.test(file) || file === '/comments.js';
    expect([...known.files].filter((file) => !prunable(file) && !exported.includes(file))).toEqual([]);
  });

  it('writes 404.html for static hosts and leaves no file that no page loads', () => {
    expect(fs.readFileSync(path.join(out, '404.html'), 'utf8')).toContain('Page not found');
    const files = filesUnder(out).map((file) => path.relative(out, file));
    // The only scripts for readers: the search page's and Pagefind's, which it loads. The CMS's are in admin/ alone.
    const admin = `admin${path.sep}`;
    expect(files.filter((file) => !file.startsWith(admin) && (file.endsWith('.js') || file.startsWith(path.join('_next', 'data')))).sort()).toEqual([path.join('pagefind', 'pagefind.js'), 'search.js']);
    expect(files.filter((file) => file.startsWith(admin) && !/^\d+\.decap-cms\.js$|\.wasm$/.test(file.slice(admin.length))).sort()).toEqual(['cms.js', 'config.yml', 'index.html'].map((file) => admin + file));
    const stylesheets = files.filter((file) => file.endsWith('.css'));
    expect(stylesheets.length).toBeGreaterThan(0);
    const pages = files.filter((file) => file.endsWith('.html')).map((file) => fs.readFileSync(path.join(out, file), 'utf8'));
    for (const stylesheet of stylesheets) expect({ stylesheet, loaded: pages.some((page) => page.includes(`/${stylesheet}`)) }).toEqual({ stylesheet, loaded: true });
    // The fixture has no math, so KaTeX's stylesheet and fonts are not published.
    expect(files.filter((file) => file.startsWith('katex'))).toEqual([]);
  });

  it('carries exactly its scripts on each page: a script file on the search page alone, and no inline script but the theme script, JSON-LD data and, after a body with code, the copy script', () => {
    // Reader pages: not the pages left at old URLs, nor the CMS's admin page (its own test is in e2e/cms.test.ts).
    const aliasPages = aliasPageFiles(out);
    const adminPage = path.join(out, 'admin', 'index.html');
    const pages = filesUnder(out).filter((file) => file.endsWith('.html') && !aliasPages.has(file) && file !== adminPage);
    expect(pages.length).toBeGreaterThanOrEqual(7);
    expect(selectAll('script', fromHtml(fs.readFileSync(adminPage, 'utf8'))).map(({ properties }) => properties.src)).toEqual(['cms.js']);
    const withScriptFiles: string[] = [];
    for (const page of pages) {
      const tree = fromHtml(fs.readFileSync(page, 'utf8'));
      const pagePath = page.endsWith(`${path.sep}404.html`) ? '/404/' : pagePathOf(out, page);
      const scripts = selectAll('script', tree).map(({ properties }) => ({ src: properties.src ?? null, type: properties.type ?? null, id: properties.id ?? null }));
      // hello-world is the fixture's one post with a code block.
      expect({ page: pagePath, scripts }).toEqual({ page: pagePath, scripts: scriptsOn(pagePath, ['/posts/hello-world/']) });
      if (scripts.some((script) => script.src !== null)) withScriptFiles.push(pagePath);
      // The theme script is in the head (it must run before the body is painted), and small.
      const themeScripts = selectAll(`script#${THEME_SCRIPT_ID}`, tree);
      expect({ page, inHead: selectAll(`head > script#${THEME_SCRIPT_ID}`, tree).length }).toEqual({ page, inHead: 1 });
      expect(Buffer.byteLength(hastToString(themeScripts[0]))).toBeLessThan(THEME_SCRIPT_MAX_BYTES);
      // The copy script, where there is one, right after the body it finds the code blocks in.
      for (const script of selectAll(`script#${COPY_CODE_SCRIPT_ID}`, tree)) {
        expect(Buffer.byteLength(hastToString(script))).toBeLessThan(COPY_CODE_SCRIPT_MAX_BYTES);
        expect({ page, follows: selectAll(`[data-post-body] > div:has(figure[data-rehype-pretty-code-figure]) + script#${COPY_CODE_SCRIPT_ID}`, tree).length }).toEqual({ page, follows: 1 });
      }
    }
    expect(withScriptFiles).toEqual(['/search/']);
  });

  it("keeps every page's head tags but drops the marks Next's head manager would read, as no page runs it", () => {
    const pages = filesUnder(out).filter((file) => file.endsWith('.html'));
    expect(pages.filter((page) => fs.readFileSync(page, 'utf8').includes('data-next-head'))).toEqual([]);
    // The tags themselves stay: the post's title, description, canonical link and Open Graph tags (next/head's).
    const head = fromHtml(html('posts/hello-world'));
    expect(select('head meta[name="description"]', head)?.properties.content).toBeTruthy();
    expect(select('head link[rel="canonical"]', head)?.properties.href).toBe('https://folio.example.com/posts/hello-world/');
    expect(selectAll('head meta[property^="og:"]', head).length).toBeGreaterThanOrEqual(6);
  });

  it('carries nothing of the live preview of `npm run dev` in any file of out/, though the build ran with its port set', () => {
    // What the live preview's script is known by: its id, and the event stream it opens (as the script dev pages carry does).
    const marks = [LIVE_PREVIEW_SCRIPT_ID, 'EventSource'];
    expect(livePreviewScript(LIVE_PREVIEW_PORT)).toContain('new EventSource(');
    const textFiles = filesUnder(out).filter((file) => /\.(html|js|mjs|css|json|xml|txt|webmanifest)$/.test(file) || path.basename(file) === '_headers');
    expect(textFiles.filter((file) => file.endsWith('.html')).length).toBeGreaterThanOrEqual(7);
    const carrying = textFiles.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return marks.filter((mark) => text.includes(mark)).map((mark) => `${path.relative(out, file)}: ${mark}`);
    });
    expect(carrying).toEqual([]);
  });

  it('adds to every other page, for search, only the header\'s "Search" link, of as many bytes as docs/search.md says', () => {
    const claimed = fs.readFileSync(path.join(__dirname, '..', 'docs', 'search.md'), 'utf8').match(/the header's "Search" link \((\d+) bytes of HTML\)/)?.[1];
    expect(claimed).toBeDefined();
    const aliasPages = aliasPageFiles(out);
    const pages = filesUnder(out).filter((file) => file.endsWith('.html') && !['/search/', '/admin/'].includes(pagePathOf(out, file)) && !aliasPages.has(file));
    expect(pages.length).toBeGreaterThanOrEqual(7);
    for (const page of pages) {
      const html = fs.readFileSync(page, 'utf8');
      const links = [...(html.match(/<nav aria-label="Main">.*?<\/nav>/)?.[0] ?? '').matchAll(/<li>(?:(?!<\/li>).)*<\/li>/g)].map(([item]) => item).filter((item) => item.includes('/search/'));
      expect({ page, links, bytes: links.map((item) => Buffer.byteLength(item)) }).toEqual({ page, links: ['<li><a href="/search/">Search</a></li>'], bytes: [Number(claimed)] });
      // Nothing else of search is on the page.
      expect({ page, rest: html.replace(links[0], '').match(/\/search\/|search\.js|pagefind|data-search/gi) }).toEqual({ page, rest: null });
    }
  });

  it('puts the search page\'s styles in a stylesheet that no other page loads', () => {
    const pages = filesUnder(out).filter((file) => file.endsWith('.html'));
    const stylesheetsOf = (page: string) => selectAll('link[rel="stylesheet"]', fromHtml(fs.readFileSync(page, 'utf8'))).map(({ properties }) => String(properties.href));
    // `noScript` is a class of components/SearchForm/SearchForm.module.css alone.
    const searchStyles = stylesheetsOf(path.join(out, 'search', 'index.html')).filter((href) => /_noScript\{/.test(fs.readFileSync(path.join(out, href), 'utf8')));
    expect(searchStyles).toHaveLength(1);
    const loadedBy = pages.filter((page) => stylesheetsOf(page).includes(searchStyles[0])).map((page) => pagePathOf(out, page));
    expect(loadedBy).toEqual(['/search/']);
  });

  it('gives every page but /search/ the same two stylesheets, the global one and one the frame, posts and lists share', () => {
    const stylesheetsOf = (page: string) => selectAll('link[rel="stylesheet"]', fromHtml(fs.readFileSync(page, 'utf8'))).map(({ properties }) => String(properties.href)).sort();
    // Reader pages: not the pages left at old URLs, nor the CMS's admin page, which Next does not make.
    const aliasPages = aliasPageFiles(out);
    const pages = filesUnder(out).filter((file) => file.endsWith('.html') && !['/search/', '/admin/'].includes(pagePathOf(out, file)) && !aliasPages.has(file));
    const kinds = ['/', '/posts/hello-world/', '/tags/', '/archive/'];
    expect(kinds.filter((kind) => !pages.some((page) => pagePathOf(out, page) === kind))).toEqual([]);
    const shared = stylesheetsOf(path.join(out, 'posts', 'hello-world', 'index.html'));
    expect(shared).toHaveLength(2);
    for (const page of pages) expect({ page: pagePathOf(out, page), stylesheets: stylesheetsOf(page) }).toEqual({ page: pagePathOf(out, page), stylesheets: shared });
  });

  it('redirects each old URL of a post with a 301 in _redirects, and leaves a page there that sends readers on, with no script', () => {
    const redirects = fs.readFileSync(path.join(out, '_redirects'), 'utf8');
    const rules = redirects.split('\n').filter((line) => line && !line.startsWith('#'));
    // Each twice: forced for Netlify, plain for Cloudflare Pages (lib/export/redirects.ts).
    expect(rules.sort()).toEqual(
      [
        ['/2020/05/hello-world/', '/posts/hello-world/'],
        ['/hello.html', '/posts/hello-world/'],
        ['/old-components/', '/posts/components/'],
      ]
        .flatMap(([from, to]) => [`${from} ${to} 301!`, `${from} ${to} 301`])
        .sort(),
    );
    expect(aliasPageFiles(out)).toEqual(new Set([path.join(out, '2020', '05', 'hello-world', 'index.html'), path.join(out, 'hello.html'), path.join(out, 'old-components', 'index.html')]));

    const tree = fromHtml(fs.readFileSync(path.join(out, 'old-components', 'index.html'), 'utf8'));
    expect(select('meta[http-equiv="refresh"]', tree)?.properties.content).toBe('0; url=/posts/components/');
    expect(select('link[rel="canonical"]', tree)?.properties.href).toBe('https://folio.example.com/posts/components/');
    expect(select('meta[name="robots"]', tree)?.properties.content).toBe('noindex');
    // The title, which holds & and <, is text in the link, not markup.
    const link = select('body a', tree)!;
    expect([link.properties.href, hastToString(link)]).toEqual(['/posts/components/', 'Components & <Things>']);
    expect(selectAll('script', tree)).toEqual([]);
    expect(select('meta[http-equiv="refresh"]', fromHtml(fs.readFileSync(path.join(out, 'hello.html'), 'utf8')))?.properties.content).toBe('0; url=/posts/hello-world/');
  });

  it('answers an old URL with a 301 to the post when served as Netlify serves it', async () => {
    const server = await start(out);
    try {
      for (const [from, to] of [['/2020/05/hello-world/', '/posts/hello-world/'], ['/2020/05/hello-world', '/posts/hello-world/'], ['/hello.html', '/posts/hello-world/']]) {
        const response = await fetch(new URL(from, server.origin), { redirect: 'manual' });
        expect({ from, status: response.status, location: response.headers.get('location') }).toEqual({ from, status: 301, location: to });
      }
    } finally {
      await server.close();
    }
  });

  it('leaves the old URLs out of the sitemap, the feeds and the search index', () => {
    const elsewhere = ['sitemap.xml', 'rss.xml', 'atom.xml', 'feed.json'].map((file) => fs.readFileSync(path.join(out, file), 'utf8')).join('\n');
    for (const from of ['/2020/05/hello-world/', 'hello.html', '/old-components/']) expect({ from, listed: elsewhere.includes(from) }).toEqual({ from, listed: false });
    const fragments = path.join(out, SEARCH_INDEX_DIR, 'fragment');
    expect(fs.readdirSync(fragments).map((file) => JSON.parse(readPagefindFile(path.join(fragments, file))).url).sort()).toEqual(['/posts/components/', '/posts/gallery/', '/posts/hello-world/']);
  });

  it('points a cross-post\'s canonical link at where it was first published, says so on the page, and leaves it out of the sitemap but not the lists and feeds', () => {
    const tree = fromHtml(html('posts/components'));
    const original = 'https://dev.example.org/me/components?ref=folio&x=1';
    expect(select('link[rel="canonical"]', tree)?.properties.href).toBe(original);
    // Shares link here; structured data agrees with the canonical link.
    expect(select('meta[property="og:url"]', tree)?.properties.content).toBe('https://folio.example.com/posts/components/');
    const jsonLd = JSON.parse(hastToString(select('script[type="application/ld+json"]', tree)!));
    expect([jsonLd.url, jsonLd.mainEntityOfPage]).toEqual([original, original]);
    const line = select('article > header p a[href^="https://dev.example.org/"]', tree)!;
    expect([line.properties.href, hastToString(line)]).toEqual([original, 'dev.example.org']);
    expect(hastToString(select('article > header', tree)!)).toContain('Originally published at dev.example.org');
    // A post first published here names its own page.
    expect(select('link[rel="canonical"]', fromHtml(html('posts/hello-world')))?.properties.href).toBe('https://folio.example.com/posts/hello-world/');

    const sitemap = fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://folio.example.com/posts/hello-world/</loc>');
    expect(sitemap).not.toContain('/posts/components/');
    expect(html('')).toContain('href="/posts/components/"');
    expect(fs.readFileSync(path.join(out, 'feed.json'), 'utf8')).toContain('"url": "https://folio.example.com/posts/components/"');
  });

  it('writes a search index of every published post, and of nothing else', () => {
    const fragments = path.join(out, SEARCH_INDEX_DIR, 'fragment');
    const urls = fs.readdirSync(fragments).map((file) => JSON.parse(readPagefindFile(path.join(fragments, file))).url);
    expect(urls.sort()).toEqual(['/posts/components/', '/posts/gallery/', '/posts/hello-world/']);
  });
});

describe('a rebuild after an edit', () => {
  it('compiles only the edited posts, makes no image again, and never serves a stale cache entry', async () => {
    const site = path.dirname(await buildSite(fixturePosts, 'build-test-rebuild'));
    const cacheDir = compiledBodiesDir(site);
    const entries = () => filesUnder(cacheDir).filter((file) => file.endsWith('.json'));
    const before = entries();
    expect(before.length).toBeGreaterThanOrEqual(4);
    // What the image cache holds, with a hash of each file's bytes.
    const imageCache = () => Object.fromEntries(filesUnder(madeImagesDir(site)).map((file) => [path.relative(site, file), sha256(fs.readFileSync(file))]));
    const imagesBefore = imageCache();
    // photo.png: 2 widths × 3 formats; social-default.png: 3 × 3; a card for each of the 4 posts and pages; the sample settings' 2 avatars: 2 widths × 3 formats each.
    expect(Object.keys(imagesBefore).filter((file) => file.includes(`${path.sep}files${path.sep}`))).toHaveLength(6 + 9 + 4 + 12);
    const page = (slug: string) => fs.readFileSync(path.join(site, 'out', ...slug.split('/'), 'index.html'), 'utf8');
    const galleryImages = page('posts/gallery').match(/\/_img\/[^"\s,]+/g);

    // Each compiled body in the cache gets a mark of its own, which a page shows only if its
    // body is served from that entry: a post compiled again loses it.
    const markOf = (entry: string) => `served-from-${path.basename(entry, '.json').slice(0, 12)}`;
    for (const entry of before) {
      const compiled = JSON.parse(fs.readFileSync(entry, 'utf8'));
      fs.writeFileSync(entry, JSON.stringify({ ...compiled, html: `${compiled.html}<p>${markOf(entry)}</p>` }));
    }
    const marksOn = (slug: string) => page(slug).match(/served-from-\w{12}/g) ?? [];

    // Text edits: the gallery's body is compiled again, so its images go through the pipeline, but nothing about them changed.
    const edit = (file: string, from: string, to: string) => fs.writeFileSync(path.join(site, 'posts', file), fs.readFileSync(path.join(site, 'posts', file), 'utf8').replace(from, to));
    edit('hello-world.md', 'The first paragraph of the hello world post.', 'An edited first paragraph.');
    edit(path.join('gallery', 'index.md'), 'And the site\'s own image', 'And, edited, the site\'s own image');
    // A file an earlier build left in public/_img/ that no page shows any more.
    fs.writeFileSync(path.join(site, 'public', '_img', 'stale-0123456789ab-480.png'), 'stale');
    // Every image the build looks up, with whether it made it (lib/images/process.ts).
    const timings = path.join(site, 'image-timings.jsonl');
    await rebuildSite(site, { FOLIO_IMAGE_TIMINGS: timings });

    expect(page('posts/hello-world')).toContain('<p>An edited first paragraph.</p>');
    expect(page('posts/hello-world')).not.toContain('The first paragraph of the hello world post.');
    expect(page('posts/gallery')).toContain('And, edited, the site');
    expect(page('posts/gallery').match(/\/_img\/[^"\s,]+/g)).toEqual(galleryImages);
    // The edited posts were compiled, into two new entries; the others were served from theirs.
    expect({ hello: marksOn('posts/hello-world'), gallery: marksOn('posts/gallery') }).toEqual({ hello: [], gallery: [] });
    expect({ components: marksOn('posts/components').length, about: marksOn('about').length }).toEqual({ components: 1, about: 1 });
    expect(entries().length).toBe(before.length + 2);
    // No image or card was made again: each was looked up (the gallery's two, the four cards
    // and the two avatars), none was made, and the image cache holds what it held, byte for byte.
    const lookups = fs.readFileSync(timings, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lookups.filter((lookup) => lookup.made)).toEqual([]);
    expect(lookups.map((lookup) => lookup.image).sort()).toEqual([
      'avatar-64-128 public/images/authors/ada-reviewer.png',
      'avatar-64-128 public/images/authors/folio-author.png',
      'body posts/gallery/photo.png',
      'body public/social-default.png',
      'card',
      'card',
      'card',
      'card',
    ]);
    expect(imageCache()).toEqual(imagesBefore);
    // out/_img/ has only what pages show.
    expect(fs.existsSync(path.join(site, 'out', '_img', 'stale-0123456789ab-480.png'))).toBe(false);
    const pages = filesUnder(path.join(site, 'out')).filter((file) => file.endsWith('.html')).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    for (const file of fs.readdirSync(path.join(site, 'out', '_img'))) expect({ file, shown: pages.includes(`/_img/${file}`) }).toEqual({ file, shown: true });

    // The site's URL, which SITE_URL sets without a change to any file, decides which links
    // are external: the unchanged hello-world's link to https://example.org/ stops being one
    // when the site is https://example.org, and no page is served from an entry made for the old URL.
    const linkToExampleOrg = () => page('posts/hello-world').match(/<a href="https:\/\/example\.org\/"[^>]*>/)?.[0];
    expect(linkToExampleOrg()).toMatch(/rel="external/);
    await rebuildSite(site, { SITE_URL: 'https://example.org' });
    expect(linkToExampleOrg()).toBeDefined();
    expect(linkToExampleOrg()).not.toMatch(/external/);
    expect(['posts/hello-world', 'posts/gallery', 'posts/components', 'about'].flatMap(marksOn)).toEqual([]);
  });
});

describe('next build of a site with a broken post', () => {
  /** Builds the fixture site plus `extra` files; resolves with the build's output if it failed, null if it passed. */
  async function failureOf(extra: Record<string, string>): Promise<string | null> {
    const posts = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-broken-'));
    fs.cpSync(fixturePosts, posts, { recursive: true });
    for (const [name, contents] of Object.entries(extra)) fs.writeFileSync(path.join(posts, name), contents);
    const outcome = await tryBuildSite(posts, 'build-test-broken');
    return 'failure' in outcome ? outcome.failure : null;
  }

  it('fails on invalid front matter, naming every broken file and its field', async () => {
    const failure = await failureOf({
      'foo.md': '---\ntitle: Foo\ndate: "2019-13-45"\n---\n\nBody.\n',
      'untitled.md': '---\ndate: 2019-01-01\n---\n\nBody.\n',
    });
    expect(failure).toContain('2 posts have problems:');
    expect(failure).toContain('posts/foo.md:3: date: "2019-13-45" is not a valid date');
    expect(failure).toContain('posts/untitled.md: title: is required');
  });

  it('fails on a broken internal link and a broken anchor, naming the file and the line of each', async () => {
    const failure = await failureOf({ 'links.md': '---\ntitle: Links\ndate: 2019-01-01\n---\n\nSee [the gallery](/posts/galery/).\n\nAnd [its photo](/posts/gallery/#no-such-heading).\n' });
    expect(failure).toContain('1 post has 2 problems:');
    expect(failure).toContain('posts/links.md:6: link "/posts/galery/" is broken: this site has no page or file at /posts/galery/');
    expect(failure).toContain('posts/links.md:8: link "/posts/gallery/#no-such-heading" is broken: /posts/gallery/ has no heading or element with id "no-such-heading"');
  });

  it('fails on an MDX compile error, naming the file and its line', async () => {
    const failure = await failureOf({ 'bar.mdx': '---\ntitle: Bar\ndate: 2019-01-01\n---\n\nIntro.\n\n<Callout>\n\nNever closed.\n' });
    expect(failure).toContain('posts/bar.mdx:8: MDX does not compile: Expected a closing tag for `<Callout>`');
  });
});
