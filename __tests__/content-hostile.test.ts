/**
 * @jest-environment node
 *
 * Posts written to break the loader (lib/content/load.ts) and what it publishes (lib/build/publish.ts):
 * links out of the project, files a browser would run, names and encodings it used to drop,
 * paths the build owns, and input that used to crash it. Links are made here, at run time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { publishAssets } from '../lib/build/publish';
import { loadContent, readBody } from '../lib/content/load';
import { RESERVED_ROOT_NAMES } from '../lib/routes/table';
import { MAX_SLUG_BYTES } from '../lib/content/slug';
import { dev, loadErrors, production } from './helpers/load-posts';
import { post, writePosts } from './helpers/posts-dir';

const errorsOf = (files: Record<string, string | Buffer>) => loadErrors(writePosts(files));

const valid = (title = 'Valid') => post(`title: ${title}\ndate: 2020-01-01`);

/** A folder outside the project of any posts folder `writePosts` makes, holding `name` with `contents`. */
function outsideFile(name: string, contents: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-outside-'));
  fs.writeFileSync(path.join(dir, name), contents);
  return path.join(dir, name);
}

/** Loads `dir` as the site does and publishes its assets into a fresh `public/posts/`; returns that folder. */
function publish(dir: string): string {
  const target = path.join(path.dirname(dir), 'public', 'posts');
  const index = loadContent(production(dir));
  publishAssets([...index.posts, ...index.pages], target);
  return target;
}

describe('links', () => {
  it('in a folder post, publish the file they lead to when it is inside the project', () => {
    const dir = writePosts({ 'trip/index.md': valid('Trip'), '_shared/map.png': 'map bytes', '_shared/photos/a.png': 'a bytes' });
    fs.symlinkSync('../_shared/map.png', path.join(dir, 'trip', 'map.png'));
    fs.symlinkSync(path.join(dir, '_shared', 'photos'), path.join(dir, 'trip', 'photos'));
    const published = publish(dir);
    expect(fs.readFileSync(path.join(published, 'trip', 'map.png'), 'utf8')).toBe('map bytes');
    expect(fs.readFileSync(path.join(published, 'trip', 'photos', 'a.png'), 'utf8')).toBe('a bytes');
    expect(fs.lstatSync(path.join(published, 'trip', 'map.png')).isSymbolicLink()).toBe(false);
  });

  it('in a folder post, fail the load naming the post and the link when they lead outside the project, to a hidden file or nowhere, and publish nothing', () => {
    const dir = writePosts({ 'trip/index.md': valid('Trip'), 'trip/ok.png': 'ok', 'other/index.md': valid('Other'), '../.env': 'SECRET=1' });
    const secret = outsideFile('secret.txt', 'SECRET');
    fs.symlinkSync(secret, path.join(dir, 'trip', 'secret.txt'));
    fs.symlinkSync(path.dirname(secret), path.join(dir, 'trip', 'folder'));
    fs.symlinkSync('../../.env', path.join(dir, 'trip', 'env.txt'));
    fs.symlinkSync('nowhere.png', path.join(dir, 'trip', 'dangling.png'));
    fs.symlinkSync('..', path.join(dir, 'other', 'loop'));
    expect(loadErrors(dir)).toEqual([
      `posts/other/loop: is a link to a folder that holds it`,
      `posts/trip/dangling.png: is a link to nowhere.png, which does not exist`,
      `posts/trip/env.txt: is a link to .env, a hidden file, which is never published`,
      `posts/trip/folder: is a link to ${fs.realpathSync(path.dirname(secret))}, outside the project: a post may only use files inside it; copy the file here instead`,
      `posts/trip/secret.txt: is a link to ${fs.realpathSync(secret)}, outside the project: a post may only use files inside it; copy the file here instead`,
    ]);
    // Dev keeps going, with each post broken on its own page, and publishes nothing of them.
    const index = loadContent(dev(dir));
    expect(index.broken.map((entry) => [entry.slug, entry.sourcePath])).toEqual([
      ['other', 'posts/other/index.md'],
      ['trip', 'posts/trip/index.md'],
      ['trip', 'posts/trip/index.md'],
      ['trip', 'posts/trip/index.md'],
      ['trip', 'posts/trip/index.md'],
    ]);
    const target = path.join(path.dirname(dir), 'public', 'posts');
    publishAssets(index.posts, target);
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('as a post or a post folder, are followed inside the project, and fail naming them outside it', () => {
    const dir = writePosts({ '_drafts/linked.md': valid('Linked'), '_drafts/folder/index.md': valid('Linked folder'), '_drafts/folder/a.png': 'a' });
    fs.symlinkSync('_drafts/linked.md', path.join(dir, 'linked.md'));
    fs.symlinkSync('_drafts/folder', path.join(dir, 'folder'));
    const index = loadContent(production(dir));
    expect(index.posts.map((entry) => [entry.slug, entry.sourcePath, entry.assets.map((asset) => asset.name)])).toEqual([
      ['linked', 'posts/linked.md', []],
      ['folder', 'posts/folder/index.md', ['a.png']],
    ]);
    expect(readBody(index.posts[0])).toBe('\nBody text.\n');

    const elsewhere = outsideFile('elsewhere.md', valid('Elsewhere'));
    fs.symlinkSync(elsewhere, path.join(dir, 'elsewhere.md'));
    fs.symlinkSync(path.dirname(elsewhere), path.join(dir, 'elsewhere-folder'));
    expect(loadErrors(dir)).toEqual([
      `posts/elsewhere-folder: is a link to ${fs.realpathSync(path.dirname(elsewhere))}, outside the project: a post may only use files inside it; copy the file here instead`,
      `posts/elsewhere.md: is a link to ${fs.realpathSync(elsewhere)}, outside the project: a post may only use files inside it; copy the file here instead`,
    ]);
  });

  it('as a folder post\'s index, fail naming the index when it leads outside the project', () => {
    const dir = writePosts({ 'trip/a.png': 'png' });
    const elsewhere = outsideFile('index.md', valid('Elsewhere'));
    fs.symlinkSync(elsewhere, path.join(dir, 'trip', 'index.md'));
    expect(loadErrors(dir)).toEqual([
      `posts/trip/index.md: is a link to ${fs.realpathSync(elsewhere)}, outside the project: a post may only use files inside it; copy the file here instead`,
    ]);
  });
});

describe('files beside a post', () => {
  it('that a browser would run are refused, naming each', () => {
    const messages = errorsOf({
      'trip/index.md': valid('Trip'),
      'trip/page.html': '<script>alert(1)</script>',
      'trip/OLD.HTM': '<script>alert(1)</script>',
      'trip/app.js': 'alert(1)',
      'trip/data/feed.xml': '<x/>',
      'trip/route.gpx': '<gpx/>',
      'trip/logo.svgz': 'gz',
    });
    const runs = (file: string, kind: string) => `posts/trip/${file}: is ${kind}, which a browser would run on the site's origin: put what it shows in the post, or zip it to offer it for download`;
    expect(messages).toEqual([
      runs('app.js', 'JavaScript'),
      runs('data/feed.xml', 'an XML document'),
      runs('logo.svgz', 'a compressed SVG, which cannot be checked for scripts'),
      runs('OLD.HTM', 'HTML'),
      runs('page.html', 'HTML'),
      runs('route.gpx', 'an XML document'),
    ]);
  });

  it('are published: SVGs without their scripts, everything else as it is, and nothing of an index, a hidden file or a file no post has any more', () => {
    const dir = writePosts({
      'trip/index.markdown': valid('Trip'),
      'trip/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><circle r="4"/></svg>',
      'trip/notes.txt': 'notes',
      'trip/slides.pdf': '%PDF',
      'trip/.DS_Store': 'hidden',
    });
    const target = publish(dir);
    fs.writeFileSync(path.join(target, 'trip', 'stale.png'), 'from a deleted file');
    publishAssets(loadContent(production(dir)).posts, target);
    expect(fs.readdirSync(path.join(target, 'trip')).sort()).toEqual(['diagram.svg', 'notes.txt', 'slides.pdf']);
    const svg = fs.readFileSync(path.join(target, 'trip', 'diagram.svg'), 'utf8');
    expect(svg).toContain('<circle r="4"></circle>');
    expect(svg).not.toMatch(/alert|script|onload/);
    expect(fs.readFileSync(path.join(target, 'trip', 'notes.txt'), 'utf8')).toBe('notes');
  });

  it('an SVG reached through a link under another name is made inert by the name it is published under', () => {
    const dir = writePosts({ 'trip/index.md': valid('Trip'), '_shared/drawing.txt': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' });
    fs.symlinkSync('../_shared/drawing.txt', path.join(dir, 'trip', 'drawing.svg'));
    expect(fs.readFileSync(path.join(publish(dir), 'trip', 'drawing.svg'), 'utf8')).not.toContain('script');
  });
});

describe('front matter URLs', () => {
  it('are paths or http(s) URLs; any other scheme, in any case, fails naming the field', () => {
    const problem = (field: string, value: string, why: string) =>
      `posts/a.md:4: ${field}: ${JSON.stringify(value)} ${why}: give a path (/images/a.png, or ./a.png in a folder post) or an https:// URL`;
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\nsocialImage: "javascript:alert(1)"') })).toEqual([problem('socialImage', 'javascript:alert(1)', 'is neither a path nor an http(s) URL')]);
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ncover: "data:text/html,<script>alert(1)</script>"') })).toEqual([
      problem('cover', 'data:text/html,<script>alert(1)</script>', 'is neither a path nor an http(s) URL'),
    ]);
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ncoverImage: "JavaScript:alert(1)"') })).toEqual([problem('coverImage', 'JavaScript:alert(1)', 'is neither a path nor an http(s) URL')]);
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ncover: "java\\u0000script:alert(1)"') })).toEqual([problem('cover', 'java\u0000script:alert(1)', 'has a control character')]);
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ncover: "//evil.example/a.png"') })).toEqual([problem('cover', '//evil.example/a.png', 'starts with //; write the scheme (https://)')]);
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ncover: "/\\\\evil.example/a.png"') })).toEqual([problem('cover', '/\\evil.example/a.png', 'has a backslash; paths use /')]);
    const fine = loadContent(production(writePosts({ 'a.md': post('title: A\ndate: 2020-01-01\ncover: HTTPS://example.org/a.png\nsocialImage: /images/a.png') }))).posts[0];
    expect([fine.cover, fine.socialImage]).toEqual(['HTTPS://example.org/a.png', '/images/a.png']);
  });
});

describe('file names and encodings', () => {
  it('reads .md, .markdown and the other Markdown extensions in any case, folder indexes too, and warns about any other file', () => {
    const dir = writePosts({
      'upper.MD': valid('Upper'),
      'jekyll.markdown': valid('Jekyll'),
      'hugo.Markdown': valid('Hugo'),
      'short.mkd': valid('Short'),
      'folder/INDEX.MARKDOWN': valid('Folder'),
      'notes.txt': 'not a post',
      'old.html': '<p>old</p>',
      '_parked.txt': 'parked',
    });
    const index = loadContent(production(dir));
    expect(index.posts.map((entry) => [entry.slug, entry.format]).sort()).toEqual([
      ['folder', 'md'],
      ['hugo', 'md'],
      ['jekyll', 'md'],
      ['short', 'md'],
      ['upper', 'md'],
    ]);
    const warning = (file: string) => `posts/${file}: is not a post, so it is not published: a post is a .md, .markdown or .mdx file, or a folder with an index.md; start its name with _ to keep it here`;
    expect(index.warnings.map((entry) => entry.message)).toEqual([warning('notes.txt'), warning('old.html')]);
    expect(errorsOf({ 'two/index.md': valid(), 'two/index.markdown': valid() })).toEqual(['posts/two/: has 2 index files (index.markdown, index.md); keep one']);
  });

  it('fail naming the file and the line for text that is not UTF-8, and read a UTF-8 byte order mark as nothing', () => {
    const latin1 = Buffer.from('---\ntitle: Caf\xe9\ndate: 2020-01-01\n---\n\nBody.\n', 'latin1');
    expect(errorsOf({ 'latin.md': latin1 })).toEqual(['posts/latin.md:2: is not UTF-8 text: save it as UTF-8 (it may be Latin-1 or Windows-1252)']);
    const [bom] = loadContent(production(writePosts({ 'bom.md': `\uFEFF${post('title: Café\ndate: 2020-01-01', 'Body with a BOM before it.')}` }))).posts;
    expect([bom.title, readBody(bom), bom.bodyStartLine]).toEqual(['Café', '\nBody with a BOM before it.\n', 5]);
  });
});

describe('paths the build owns', () => {
  it('cannot be a page, a post, a tag or a category', () => {
    const page = (slug: string) => post(`title: ${slug}\ndate: 2020-01-01\ntemplate: page`);
    expect(errorsOf({ 'pagefind.md': page('P'), 'katex.md': page('K'), 'index.md': page('I'), 'rss.md': page('Fine') })).toEqual([
      'posts/index.md: slug: /index/ is a path the build writes itself; choose another slug',
      'posts/katex.md: slug: /katex/ is a path the build writes itself; choose another slug',
      'posts/pagefind.md: slug: /pagefind/ is a path the build writes itself; choose another slug',
    ]);
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\nslug: Index\ntags: [fine, INDEX]\ncategory: index') })).toEqual([
      'posts/a.md:4: slug: /posts/index/ is a path the build writes itself; choose another slug',
    ]);
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ntags: [fine, INDEX]') })).toEqual(['posts/a.md:4: tags.1: "INDEX" would be listed at /tags/index/ is a path the build writes itself; rename it']);
  });

  it('include every route of pages/', () => {
    const routes = fs.readdirSync(path.join(__dirname, '..', 'pages')).filter((name) => !name.startsWith('_') && !name.startsWith('['));
    for (const route of routes) expect(RESERVED_ROOT_NAMES).toContain(path.basename(route, path.extname(route)));
  });
});

describe('tags and categories', () => {
  it('keep names apart that differ in more than case and accents, merging AWS and aws', () => {
    const index = loadContent(production(writePosts({ 'a.md': post('title: A\ndate: 2020-01-01\ntags: [C++, C#, C, AWS, F#]'), 'b.md': post('title: B\ndate: 2020-01-02\ntags: [aws, c]') })));
    expect(index.tags.map((tag) => [tag.name, tag.slug, tag.posts.length])).toEqual([
      ['aws', 'aws', 2],
      ['c', 'c', 2],
      ['C#', 'c-sharp', 1],
      ['C++', 'c-plus-plus', 1],
      ['F#', 'f-sharp', 1],
    ]);
  });

  it('fail naming both posts when such names would still share a URL', () => {
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ntags: [Node.js]\ncategory: Über uns'), 'b.md': post('title: B\ndate: 2020-01-02\ntags: [ok, node js]\ncategory: uber-uns') })).toEqual([
      'posts/b.md:4: tags.1: "node js" and "Node.js" in posts/a.md would share the URL /tags/node-js/; names that differ in more than case and accents need different URLs: rename one',
      'posts/b.md:5: category: "uber-uns" and "Über uns" in posts/a.md would share the URL /categories/uber-uns/; names that differ in more than case and accents need different URLs: rename one',
    ]);
  });

  it('and slugs too long for a file name are cut to fit one, so they still get pages', () => {
    const cjk = '缓存'.repeat(45);
    const index = loadContent(production(writePosts({ 'a.md': post(`title: A\ndate: 2020-01-01\nslug: ${cjk}\ntags: ["${'long '.repeat(1000)}", ${cjk}]\ncategory: ${'x'.repeat(300)}`) })));
    const slugs = [index.posts[0].slug, ...index.tags.map((tag) => tag.slug), ...index.categories.map((category) => category.slug)];
    for (const slug of slugs) expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(index.posts[0].slug).toBe('缓存'.repeat(33));
    expect(index.tags.find((tag) => tag.name.startsWith('long'))?.slug).toMatch(/^(long-)+long$/);
  });
});

describe('input that used to crash the build', () => {
  it('an empty file is an error naming it, and in dev only that post is broken', () => {
    const files = { 'empty.md': '', 'blank.md': ' \n\n', 'good.md': valid('Good') };
    expect(errorsOf(files)).toEqual([
      'posts/blank.md:1: is empty: a post starts with a --- block that sets title and date',
      'posts/empty.md:1: is empty: a post starts with a --- block that sets title and date',
    ]);
    const index = loadContent(dev(writePosts(files)));
    expect([index.posts.map((entry) => entry.slug), index.broken.map((entry) => entry.slug)]).toEqual([['good'], ['blank', 'empty']]);
  });

  it('block quotes and lists nested thousands deep are an error naming the line or the field', () => {
    expect(errorsOf({ 'quotes.md': post('title: Q\ndate: 2020-01-01', `Intro.\n\n${'>'.repeat(10_000)} deep`) })).toEqual([
      'posts/quotes.md:8: opens 10000 block quotes and list items on one line; at most 100 can be nested',
    ]);
    expect(errorsOf({ 'lists.mdx': post('title: L\ndate: 2020-01-01', `${'- '.repeat(10_000)}deep`) })).toEqual([
      'posts/lists.mdx:6: opens 10000 block quotes and list items on one line; at most 100 can be nested',
    ]);
    expect(errorsOf({ 'excerpt.md': post(`title: E\ndate: 2020-01-01\nexcerpt: "${'1. '.repeat(500)}x"`) })).toEqual([
      'posts/excerpt.md:4: excerpt: opens 500 block quotes and list items on one line; at most 100 can be nested',
    ]);
    const [fine] = loadContent(production(writePosts({ 'fine.md': post('title: F\ndate: 2020-01-01', `${'> '.repeat(100)}A quote, deep.\n\n* * *\n\n- - - - - -\n\nAfter the quote.`) }))).posts;
    // Read; its excerpt is its compile's (__tests__/markdown.test.tsx).
    expect(fine.slug).toBe('fine');
  });

  it('any other exception reading a post becomes that post\'s error, and hides no other', async () => {
    const dir = writePosts({ 'a.md': post('title: A\ndate: 2020-01-01\nexcerpt: Fails here.'), 'b.md': post('title: B'), 'c.md': valid('C') });
    await jest.isolateModulesAsync(async () => {
      const plainText: typeof import('../lib/content/plain-text') = jest.requireActual('../lib/content/plain-text');
      jest.doMock('../lib/content/plain-text', () => ({
        ...plainText,
        markdownToPlainText: (...args: Parameters<typeof plainText.markdownToPlainText>) => {
          if (args[0].includes('Fails here.')) throw new TypeError("Cannot read properties of undefined (reading 'trim')");
          return plainText.markdownToPlainText(...args);
        },
      }));
      const isolated: typeof import('../lib/content/load') = await import('../lib/content/load');
      expect(() => isolated.loadContent(production(dir))).toThrow(
        "2 posts have problems:\n  posts/a.md: cannot be read: Cannot read properties of undefined (reading 'trim')\n  posts/b.md: date: is required",
      );
    });
  });

  it('a folder that cannot be read is its post\'s error, and hides no other', () => {
    const dir = writePosts({ 'locked/index.md': valid('Locked'), 'b.md': post('title: B') });
    const readdir = fs.readdirSync;
    // Root reads any folder, so the refusal a locked folder gets is made here.
    const spy = jest.spyOn(fs, 'readdirSync').mockImplementation(((folder: fs.PathLike, options?: unknown) => {
      if (String(folder).endsWith(`${path.sep}locked`)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' });
      return (readdir as (folder: fs.PathLike, options?: unknown) => unknown)(folder, options);
    }) as typeof fs.readdirSync);
    try {
      expect(loadErrors(dir)).toEqual([`posts/locked: cannot be read: EACCES: permission denied, scandir '${path.join(dir, 'locked')}'`, 'posts/b.md: date: is required']);
    } finally {
      spy.mockRestore();
    }
  });

  it('front matter in JavaScript is never run, and another language is an error naming the file', () => {
    const globals = globalThis as { folioPwned?: boolean };
    expect(errorsOf({ 'js.md': "---js\n{ title: (globalThis.folioPwned = true, 'x'), date: '2020-01-01' }\n---\n\nBody.\n", 'toml.md': "---toml\ntitle = 'x'\n---\n" })).toEqual([
      'posts/js.md:1: has front matter in "js", which Folio does not read: write it in YAML, after a line of --- alone',
      'posts/toml.md:1: has front matter in "toml", which Folio does not read: write it in YAML, after a line of --- alone',
    ]);
    expect(globals.folioPwned).toBeUndefined();
  });
});

describe('messages', () => {
  it('say what a tag list is, and how to write a number as text', () => {
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ntags: 5') })).toEqual(['posts/a.md:4: tags: must be a list of tags, like [aws, caching], or one tag; got 5']);
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ntags: [ok, 2019]') })).toEqual([
      'posts/a.md:4: tags.1: must be a tag name, got 2019; YAML reads it as a number: write it in quotes ("2019") to use it as text',
    ]);
    expect(loadContent(production(writePosts({ 'a.md': post('title: A\ndate: 2020-01-01\ntags:') }))).posts[0].tags).toEqual([]);
  });

  it('say that the closing --- of the front matter is missing', () => {
    expect(errorsOf({ 'open.md': '---\ntitle: Open\ndate: 2020-01-01\n\nThe body.\n' })).toEqual([
      'posts/open.md:1: opens its front matter with --- but never closes it: add a line with --- after the last field',
    ]);
  });

  it('name the file and the line of a YAML tag that is not plain YAML', () => {
    expect(errorsOf({ 'tagged.md': '---\ntitle: Tagged\ndate: 2020-01-01\nauthor: !ruby/object Person\n---\n\nBody.\n' })).toEqual([
      'posts/tagged.md:4: invalid YAML front matter: Unresolved tag: !ruby/object: Folio reads plain YAML; remove the tag, or quote the value',
    ]);
  });
});
