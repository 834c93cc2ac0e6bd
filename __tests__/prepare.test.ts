/**
 * @jest-environment node
 *
 * The prepare step (lib/build/prepare.ts), run in this process: every broken post named in one
 * failure before anything is written; in dev, broken posts kept with their errors; what pages
 * show published; and pages that only read what it prepared.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { renderBodyHtml } from '../components/MdxBody/renderBody';
import { buildManifestFile, compiledBodiesDir, siteDataFile } from '../lib/node/folders';
import { buildPostOutput, cachedPostOutput } from '../lib/build/post-output';
import type { PostBuilders } from '../lib/build/post-builders';
import { runPrepare } from '../lib/build/run-prepare';
import { loadContent } from '../lib/content/load';
import { prepareSite } from '../lib/build/prepare';
import type { Post } from '../lib/content/types';
import { ContentErrors } from '../lib/content/errors';
import { filesUnder } from '../lib/node/files';
import { getArchiveProps, getHomePageProps, getTermPageProps } from '../lib/page-props/lists';
import { getPostPageProps } from '../lib/page-props/post';
import { readSiteData } from '../lib/page-props/site-data';
import { basePath, site } from '../lib/config/site';
import { writeImage } from './helpers/images';
import { post, writePosts } from './helpers/posts-dir';

jest.setTimeout(120_000);

const GOOD = {
  'hello.md': post('title: Hello\ndate: 2020-01-02\ntags: [caching]', 'Hello, **world**.\n\n## A section\n\nText.'),
  'maths.md': post('title: Maths\ndate: 2020-01-03', 'Euler: $e^{i\\pi} + 1 = 0$.'),
  'trip/index.md': post('title: Trip\ndate: 2020-01-04', '![The lake](./lake.png)'),
  'about.md': post('title: About\ndate: 2020-01-01\ntemplate: page', 'About this site.'),
};
const BROKEN = {
  'bad-date.md': post('title: Bad date\ndate: "2019-02-30"'),
  'unclosed.mdx': post('title: Unclosed\ndate: 2020-02-01', 'Intro.\n\n<Callout>\n\nNever closed.'),
  'missing-image.md': post('title: Missing image\ndate: 2020-02-02', 'Text.\n\n![Gone](/images/gone.png)'),
  'missing-cover/index.md': post('title: Missing cover\ndate: 2020-02-03\ncover: ./gone.jpg'),
};

/** A project whose posts are `files`, with the trip's image, the site's icon and its authors' avatars; returns its root. */
async function project(files: Record<string, string>): Promise<string> {
  const postsDir = writePosts(files);
  if (files['trip/index.md']) await writeImage(path.join(postsDir, 'trip', 'lake.png'), 640, 320, 'png');
  const root = path.dirname(postsDir);
  fs.mkdirSync(path.join(root, 'public', 'icons'), { recursive: true });
  fs.copyFileSync(path.join(__dirname, '..', 'public', 'icons', 'icon.svg'), path.join(root, 'public', 'icons', 'icon.svg'));
  fs.cpSync(path.join(__dirname, '..', 'public', 'images', 'authors'), path.join(root, 'public', 'images', 'authors'), { recursive: true });
  return root;
}

/** Runs the prepare step on the project at `root`, building posts in this process. */
function prepare(root: string, mode: 'production' | 'development') {
  const buildPost = (entry: Post) => buildPostOutput(entry, { root, siteUrl: site.url, basePath, renderHtml: renderBodyHtml });
  return prepareSite({ root, postsDir: path.join(root, 'posts'), mode, buildPost });
}

/** Every file under `root` with a hash of its bytes. */
const snapshot = (root: string) => Object.fromEntries(filesUnder(root).map((file) => [path.relative(root, file), createHash('sha256').update(fs.readFileSync(file)).digest('hex')]));

describe('the prepare step of a production build', () => {
  it('fails naming every broken post, with its line or field: front matter, MDX, a missing image and a missing cover, and writes nothing', async () => {
    const root = await project({ ...GOOD, ...BROKEN });
    const failure = await prepare(root, 'production').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ContentErrors);
    expect((failure as ContentErrors).message.split('\n')).toEqual([
      '4 posts have problems:',
      '  posts/bad-date.md:3: date: "2019-02-30" is not a valid date (use YYYY-MM-DD)',
      '  posts/missing-cover/index.md:4: cover: image "./gone.jpg" points to a file that does not exist in missing-cover/',
      '  posts/missing-image.md:8: image "/images/gone.png" points to a file that does not exist in public/',
      '  posts/unclosed.mdx:8: MDX does not compile: Expected a closing tag for `<Callout>`',
    ]);
    expect(fs.existsSync(siteDataFile(root))).toBe(false);
    expect(fs.existsSync(buildManifestFile(root))).toBe(false);
    expect(fs.existsSync(path.join(root, 'public', '_img'))).toBe(false);
  });

  it('publishes what the pages show: folder posts\' files, the images made, KaTeX when a post has math, the icons; and writes the prepared site', async () => {
    const root = await project(GOOD);
    const { data, errors } = await prepare(root, 'production');
    expect(errors).toEqual([]);
    expect(data.posts.map((entry) => entry.slug)).toEqual(['trip', 'maths', 'hello']);
    expect(data.pages.map((entry) => entry.slug)).toEqual(['about']);
    expect(fs.readFileSync(path.join(root, 'public', 'posts', 'trip', 'lake.png'))).toEqual(fs.readFileSync(path.join(root, 'posts', 'trip', 'lake.png')));
    const made = fs.readdirSync(path.join(root, 'public', '_img'));
    expect(made.filter((file) => file.startsWith('lake-')).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/^lake-[0-9a-f]{12}-480\.avif$/), expect.stringMatching(/^lake-[0-9a-f]{12}-640\.webp$/)]));
    // A card for each of the three posts and the page.
    expect(made.filter((file) => file.startsWith('card-'))).toHaveLength(4);
    expect(fs.existsSync(path.join(root, 'public', 'katex', 'katex.min.css'))).toBe(true);
    for (const icon of ['favicon.ico', 'manifest.webmanifest', 'icons/apple-touch-icon.png']) expect(fs.existsSync(path.join(root, 'public', icon))).toBe(true);
    expect(JSON.parse(fs.readFileSync(siteDataFile(root), 'utf8'))).toEqual(JSON.parse(JSON.stringify(data)));

    const noMaths = await project({ 'hello.md': GOOD['hello.md'] });
    await prepare(noMaths, 'production');
    expect(fs.existsSync(path.join(noMaths, 'public', 'katex'))).toBe(false);
  });
});

describe('the link check of the prepare step', () => {
  /** Links that work: to a post's heading, a tag, a folder post's file, the same post's heading, a feed, a page, a public file, the site's own host. */
  const LINKING = {
    'hello.md': post('title: Hello\ndate: 2020-01-02\ntags: [caching]', 'Hello.\n\n## A section\n\n[Trip](/posts/trip/#day-one) [Tag](/tags/caching/) [Lake](/posts/trip/lake.png) [Up](#a-section) [Feed](/rss.xml)'),
    'trip/index.md': post('title: Trip\ndate: 2020-01-04', '## Day one\n\n![The lake](./lake.png)\n\n[Back](/posts/hello/#a-section) [About](https://folio.example.com/about) <a href="/icons/icon.svg">icon</a>'),
    'about.md': GOOD['about.md'],
  };
  /** Lines 8 and 10 of their files: a post that is not there, an anchor the post does not have, and one another post does not have. */
  const BROKEN_LINKS = {
    'links.md': post('title: Links\ndate: 2020-01-05', 'Intro.\n\n[Gone](/posts/gone/)\n\n[Nowhere](#nowhere) and <a href="/posts/hello/#nowhere">elsewhere</a>'),
    'more.mdx': post('title: More\ndate: 2020-01-06', 'Intro.\n\n<img src="/icons/icon.svg" alt="Icon" />\n\n[Old tag](/tags/old/)'),
  };
  const EXPECTED = [
    '  posts/bad-date.md:3: date: "2019-02-30" is not a valid date (use YYYY-MM-DD)',
    '  posts/links.md:8: link "/posts/gone/" is broken: this site has no page or file at /posts/gone/',
    '  posts/links.md:10: link "#nowhere" is broken: this post has no heading or element with id "nowhere"',
    '  posts/links.md:10: link "/posts/hello/#nowhere" is broken: /posts/hello/ has no heading or element with id "nowhere"',
    '  posts/more.mdx:10: link "/tags/old/" is broken: this site has no page or file at /tags/old/',
  ];

  it('passes links to every kind of page, file and anchor the site has', async () => {
    const { warnings } = await prepare(await project(LINKING), 'production');
    expect(warnings).toEqual([]);
  });

  it('fails naming the file and line of every broken link and anchor, with every other broken post, and again with every body from the compile cache', async () => {
    const root = await project({ ...LINKING, ...BROKEN_LINKS, 'bad-date.md': BROKEN['bad-date.md'] });
    const failure = () => prepare(root, 'production').then(() => null, (error: unknown) => error);
    const first = await failure();
    expect(first).toBeInstanceOf(ContentErrors);
    expect((first as ContentErrors).message.split('\n')).toEqual(['3 posts have 5 problems:', ...EXPECTED]);
    expect(fs.existsSync(siteDataFile(root))).toBe(false);
    expect(fs.existsSync(path.join(root, 'public', '_img'))).toBe(false);
    const cached = fs.readdirSync(compiledBodiesDir(root), { recursive: true }).length;
    expect(cached).toBeGreaterThan(0);
    expect((await failure() as ContentErrors).message.split('\n')).toEqual(['3 posts have 5 problems:', ...EXPECTED]);
    expect(fs.readdirSync(compiledBodiesDir(root), { recursive: true })).toHaveLength(cached);
  });

  it('with brokenLinks: "warn", prepares the site and gives each broken link as a warning; so does dev, whatever the setting', async () => {
    const root = await project({ ...LINKING, ...BROKEN_LINKS });
    const asWarnings = EXPECTED.slice(1).map((line) => line.trim());
    Object.assign(site, { brokenLinks: 'warn' });
    try {
      const { warnings, errors, data } = await prepare(root, 'production');
      expect(errors).toEqual([]);
      expect(warnings).toEqual(asWarnings);
      expect(data.posts.map((entry) => entry.slug)).toContain('links');
    } finally {
      Object.assign(site, { brokenLinks: 'error' });
    }
    const dev = await prepare(root, 'development');
    expect(dev.errors).toEqual([]);
    expect(dev.warnings).toEqual(asWarnings);
  });
});

describe('the prepare step in dev', () => {
  it('keeps drafts, and every broken post with its error, and builds the others', async () => {
    const root = await project({ ...GOOD, ...BROKEN, 'draft.md': post('title: Draft\ndate: 2020-03-01\ndraft: true') });
    const { data, errors } = await prepare(root, 'development');
    expect(errors.map((error) => error.file)).toEqual(['posts/bad-date.md', 'posts/missing-cover/index.md', 'posts/missing-image.md', 'posts/unclosed.mdx']);
    expect(data.broken.map((entry) => [entry.slug, entry.error.file, entry.error.line ?? entry.error.field])).toEqual([
      ['bad-date', 'posts/bad-date.md', 3],
      ['missing-cover', 'posts/missing-cover/index.md', 4],
      ['missing-image', 'posts/missing-image.md', 8],
      ['unclosed', 'posts/unclosed.mdx', 8],
    ]);
    expect(Object.keys(data.outputs).sort()).toEqual(['posts/about.md', 'posts/draft.md', 'posts/hello.md', 'posts/maths.md', 'posts/trip/index.md']);
    expect(data.posts.some((entry) => entry.slug === 'draft')).toBe(true);
  });
});

describe('pages reading the prepared site', () => {
  it('get what the prepare step made, and write nothing', async () => {
    const root = await project(GOOD);
    await prepare(root, 'production');
    const before = snapshot(root);
    const cwd = jest.spyOn(process, 'cwd').mockReturnValue(root);
    try {
      const hello = getPostPageProps('post', 'hello');
      expect(hello && 'post' in hello && hello.body.html).toContain('<p>Hello, <strong>world</strong>.</p>');
      expect(hello && 'post' in hello && hello.socialImage.url).toMatch(/^\/_img\/card-[0-9a-f]{12}\.png$/);
      expect(getHomePageProps().posts.map((entry) => entry.slug)).toEqual(['trip', 'maths', 'hello']);
      expect(getTermPageProps('tags', 'caching').posts.map((entry) => entry.slug)).toEqual(['hello']);
      expect(getArchiveProps().years).toEqual([{ year: '2020', months: expect.any(Array) }]);
      expect(getPostPageProps('page', 'about')).toMatchObject({ post: { title: 'About' }, chrome: null });
      expect(getPostPageProps('post', 'no-such-post')).toBeNull();
    } finally {
      cwd.mockRestore();
    }
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a site prepared for another base path or site URL, and says how to prepare it', async () => {
    const root = await project({ 'hello.md': GOOD['hello.md'] });
    await prepare(root, 'production');
    const file = siteDataFile(root);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...data, basePath: '/elsewhere' }));
    expect(() => readSiteData(root)).toThrow(`The posts were prepared for BASE_PATH "/elsewhere" and site URL ${site.url}, but this build has "" and ${site.url}: run \`npm run build\` with the same environment throughout`);
    fs.rmSync(file);
    expect(() => readSiteData(root)).toThrow('The posts are not prepared (no readable .next/cache/folio/site.json): run `npm run build` or `npm run dev`');
  });
});

describe('posts the caches hold', () => {
  /** The prepare step as npm run build runs it (runPrepare), with a pool that builds in this process and counts the posts sent to it. */
  async function prepareCounting(root: string) {
    const sent: string[] = [];
    const builders: PostBuilders = {
      run: (entry) => {
        sent.push(entry.sourcePath);
        return buildPostOutput(entry, { root, siteUrl: site.url, basePath, renderHtml: renderBodyHtml });
      },
      prestart: () => undefined,
      close: () => undefined,
    };
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await runPrepare(root, 'production', builders);
    } finally {
      log.mockRestore();
    }
    return sent.sort();
  }

  it('are answered without a worker: none on a rebuild with nothing changed, only the edited post after an edit', async () => {
    const root = await project(GOOD);
    const all = Object.keys(GOOD).map((file) => `posts/${file}`).sort();
    expect(await prepareCounting(root)).toEqual(all);
    const first = fs.readFileSync(siteDataFile(root), 'utf8');
    expect(await prepareCounting(root)).toEqual([]);
    expect(fs.readFileSync(siteDataFile(root), 'utf8')).toEqual(first);
    fs.appendFileSync(path.join(root, 'posts', 'hello.md'), '\nOne more line.\n');
    expect(await prepareCounting(root)).toEqual(['posts/hello.md']);
  });

  it('are read, never made: cachedPostOutput writes nothing, gives what the build made, and misses when the body, the card\'s title or an image changed', async () => {
    const root = await project(GOOD);
    const context = { root, siteUrl: site.url, basePath };
    const postsOf = () => {
      const { posts, pages } = loadContent({ dir: path.join(root, 'posts'), root, includeDrafts: false, keepBroken: false });
      return new Map([...posts, ...pages].map((entry) => [entry.sourcePath, entry]));
    };
    const before = snapshot(root);
    for (const entry of postsOf().values()) expect({ post: entry.sourcePath, result: await cachedPostOutput(entry, context) }).toEqual({ post: entry.sourcePath, result: null });
    expect(snapshot(root)).toEqual(before);

    await prepare(root, 'production');
    for (const entry of postsOf().values()) {
      const built = await buildPostOutput(entry, { ...context, renderHtml: renderBodyHtml });
      expect({ post: entry.sourcePath, result: await cachedPostOutput(entry, context) }).toEqual({ post: entry.sourcePath, result: built });
    }

    const hello = path.join(root, 'posts', 'hello.md');
    fs.writeFileSync(hello, fs.readFileSync(hello, 'utf8').replace('Hello, **world**.', 'Hello, **reader**.'));
    const maths = path.join(root, 'posts', 'maths.md');
    fs.writeFileSync(maths, fs.readFileSync(maths, 'utf8').replace('title: Maths', 'title: More maths'));
    await writeImage(path.join(root, 'posts', 'trip', 'lake.png'), 641, 320, 'png');
    const edited = snapshot(root);
    const posts = postsOf();
    // A changed body, a card with a new title, an image with new bytes: each is a miss, and a miss makes nothing.
    for (const file of ['posts/hello.md', 'posts/maths.md', 'posts/trip/index.md']) expect({ file, result: await cachedPostOutput(posts.get(file)!, context) }).toEqual({ file, result: null });
    expect(await cachedPostOutput(posts.get('posts/about.md')!, context)).not.toBeNull();
    expect(snapshot(root)).toEqual(edited);
  });
});
