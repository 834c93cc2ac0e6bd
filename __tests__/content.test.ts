/** @jest-environment node */
import fs from 'node:fs';
import { loadContent, readBody } from '../lib/content/load';
import { readingMinutes } from '../lib/content/parse';
import { dev, loadErrors, production } from './helpers/load-posts';
import { post, writePosts } from './helpers/posts-dir';
import { ContentError, ContentErrors } from '../lib/content/errors';

/** The messages a production load of `files` fails with. */
const errorsOf = (files: Record<string, string>) => loadErrors(writePosts(files));

describe('loadContent', () => {
  it('reads .md, .mdx and folder posts, newest first, with slugs and URLs from their names', () => {
    const dir = writePosts({
      'first.md': post('title: First\ndate: 2020-01-01'),
      'second.mdx': post('title: Second\ndate: 2021-06-01'),
      'third/index.md': post('title: Third\ndate: 2019-03-04'),
      'fourth/index.mdx': post('title: Fourth\ndate: 2022-02-02'),
      'notes.txt': 'not a post',
      '_ignored.md': post('title: Ignored\ndate: 2020-01-01'),
    });
    const { posts, pages, broken } = loadContent(production(dir));
    expect(posts.map((p) => [p.slug, p.url, p.format, p.sourcePath])).toEqual([
      ['fourth', '/posts/fourth/', 'mdx', 'posts/fourth/index.mdx'],
      ['second', '/posts/second/', 'mdx', 'posts/second.mdx'],
      ['first', '/posts/first/', 'md', 'posts/first.md'],
      ['third', '/posts/third/', 'md', 'posts/third/index.md'],
    ]);
    expect(pages).toEqual([]);
    expect(broken).toEqual([]);
  });

  it('keeps where each body is, not the body, and reads it back from the file whole', () => {
    const body = '\nFirst paragraph, with a --- rule below.\n\n---\n\n## Ünïcödé heading\n\nLast line.\n';
    const dir = writePosts({ 'post.md': `---\r\ntitle: Post\r\ndate: 2020-01-01\r\n---\r\n${body}` });
    const [loaded] = loadContent(production(dir)).posts;
    expect(loaded).not.toHaveProperty('body');
    expect(readBody(loaded)).toBe(body);
    expect(loaded.bodyStartLine).toBe(5);
  });

  it('reads the fields Lumen, gatsby-starter-blog and Next blog-starter authors write, and keeps unknown ones', () => {
    const dir = writePosts({
      'lumen.md': post(`
title: "Lumen post"
date: "2016-09-01T23:46:37.121Z"
template: "post"
draft: false
slug: "/posts/lumen-style/"
category: "Design Inspiration"
tags:
  - "Handwriting"
  - "Learning to write"
description: "Quisque cursus, metus vitae pharetra."
socialImage: "/media/image-2.jpg"`),
      'gatsby.md': post('title: Gatsby post\ndate: "2015-05-01T22:12:03.284Z"\ndescription: "The **first** post"'),
      'next.md': post(`
title: Next post
excerpt: An excerpt
coverImage: /assets/blog/cover.jpg
date: 2020-03-16T05:35:07.322Z
author:
  name: Tim Neutkens
  picture: /assets/blog/authors/tim.jpeg
ogImage:
  url: /assets/blog/cover.jpg`),
      'bare-slug.md': post('title: Bare\ndate: 2014-01-01\nslug: bare\ntags: aws'),
    });
    const byTitle = Object.fromEntries(loadContent(production(dir)).posts.map((p) => [p.title, p]));
    expect(byTitle['Lumen post']).toMatchObject({
      slug: 'lumen-style',
      url: '/posts/lumen-style/',
      date: '2016-09-01',
      category: { name: 'Design Inspiration', slug: 'design-inspiration', url: '/categories/design-inspiration/' },
      tags: [
        { name: 'Handwriting', slug: 'handwriting', url: '/tags/handwriting/' },
        { name: 'Learning to write', slug: 'learning-to-write', url: '/tags/learning-to-write/' },
      ],
      excerpt: 'Quisque cursus, metus vitae pharetra.',
      socialImage: '/media/image-2.jpg',
      draft: false,
    });
    expect(byTitle['Gatsby post']).toMatchObject({ date: '2015-05-01', excerpt: 'The first post' });
    expect(byTitle['Next post']).toMatchObject({ date: '2020-03-16', excerpt: 'An excerpt', cover: '/assets/blog/cover.jpg' });
    expect(byTitle['Next post'].frontMatter).toMatchObject({ author: { name: 'Tim Neutkens' }, ogImage: { url: '/assets/blog/cover.jpg' } });
    expect(byTitle['Bare']).toMatchObject({ slug: 'bare', tags: [{ name: 'aws', slug: 'aws', url: '/tags/aws/' }] });
  });

  it('groups posts by tag and category, merging names that slugify alike, with URL-safe non-ASCII slugs', () => {
    const dir = writePosts({
      'a.md': post('title: A\ndate: 2020-01-01\ncategory: Über Uns\ntags: [AWS, 中文]'),
      'b.md': post('title: B\ndate: 2021-01-01\ncategory: über uns\ntags: [aws, Tiếng Việt]'),
    });
    const { tags, categories } = loadContent(production(dir));
    expect(tags.map((t) => [t.name, t.slug, t.url, t.posts.map((p) => p.slug)])).toEqual([
      ['aws', 'aws', '/tags/aws/', ['b', 'a']],
      ['Tiếng Việt', 'tieng-viet', '/tags/tieng-viet/', ['b']],
      ['中文', '中文', '/tags/%E4%B8%AD%E6%96%87/', ['a']],
    ]);
    expect(categories.map((c) => [c.slug, c.posts.length])).toEqual([['uber-uns', 2]]);
    expect(errorsOf({ 'c.md': post('title: C\ndate: 2020-01-01\ntags: [ok, "!!!"]') })).toEqual(['posts/c.md:4: tags.1: cannot make a URL from "!!!"; use letters or digits']);
    // In a block list, the line of the entry itself.
    expect(errorsOf({ 'c.md': post('title: C\ndate: 2020-01-01\ntags:\n  - ok\n  - "!!!"') })).toEqual(['posts/c.md:6: tags.1: cannot make a URL from "!!!"; use letters or digits']);
  });

  it('reads updated or lastmod, and estimates reading time', () => {
    const dir = writePosts({
      // 1100 words: 5.5 minutes, shown as 6.
      'a.md': post('title: A\ndate: 2020-01-01\nupdated: 2020-02-03', 'word '.repeat(1100)),
      'b.md': post('title: B\ndate: 2020-01-01\nlastmod: "2020-03-04T10:00:00+14:00"', 'Short.'),
    });
    const byTitle = Object.fromEntries(loadContent(production(dir)).posts.map((p) => [p.title, p]));
    expect(byTitle.A).toMatchObject({ updated: '2020-02-03', readingMinutes: 6 });
    expect(byTitle.B).toMatchObject({ updated: '2020-03-04', readingMinutes: 1 });
    expect(errorsOf({ 'c.md': post('title: C\ndate: 2020-01-01\nupdated: 2020-13-01') })[0]).toMatch(/^posts\/c\.md:4: updated: "2020-13-01" is not a valid date/);
  });

  it('estimates reading time at 200 words a minute, counting each CJK character as a word', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('word '.repeat(1000))).toBe(5);
    // To the nearest minute: 5.495 is 5, 5.5 is 6.
    expect(readingMinutes('word '.repeat(1099))).toBe(5);
    expect(readingMinutes('word '.repeat(1100))).toBe(6);
    expect(readingMinutes('**Bold** [link](https://x.org) `code` '.repeat(100))).toBe(3);
    expect(readingMinutes('缓存'.repeat(500))).toBe(5);
  });

  it('puts template "page" entries at the root and out of the post list', () => {
    const dir = writePosts({
      'about.md': post('title: About\ndate: 2017-01-01\ntemplate: page'),
      'a-post.md': post('title: A post\ndate: 2017-01-02'),
    });
    const { posts, pages } = loadContent(production(dir));
    expect(posts.map((p) => p.slug)).toEqual(['a-post']);
    expect(pages.map((p) => [p.slug, p.url])).toEqual([['about', '/about/']]);
  });

  it('resolves a folder post\'s relative cover to its published asset URL', () => {
    const dir = writePosts({ 'trip/index.md': post('title: Trip\ndate: 2020-01-01\ncover: ./cover.jpg'), 'trip/cover.jpg': 'jpg' });
    expect(loadContent(production(dir)).posts[0].cover).toBe('/posts/trip/cover.jpg');
  });

  describe('excerpts', () => {
    it('prefers excerpt, then description', () => {
      const dir = writePosts({ 'a.md': post('title: A\ndate: 2020-01-01\nexcerpt: From excerpt\ndescription: From description') });
      expect(loadContent(production(dir)).posts[0].excerpt).toBe('From excerpt');
    });

    it('renders Markdown in a front matter excerpt as text', () => {
      const dir = writePosts({ 'a.md': post('title: A\ndate: 2020-01-01\nexcerpt: "Some **bold** and _em_ and [a link](https://x.org) and `code`"') });
      expect(loadContent(production(dir)).posts[0].excerpt).toBe('Some bold and em and a link and code');
    });

    it('leaves a body\'s excerpt to the compile, which parses the body anyway (__tests__/markdown.test.tsx)', () => {
      const dir = writePosts({ 'a.md': post('title: A\ndate: 2020-01-01', 'The first paragraph.') });
      expect(loadContent(production(dir)).posts[0].excerpt).toBe('');
    });
  });

  describe('drafts', () => {
    const files = {
      'published.md': post('title: Published\ndate: 2020-01-01'),
      'draft.md': post('title: Draft\ndate: 2020-01-02\ndraft: true'),
      'half-written.md': post('draft: true\ndate: not yet'),
    };

    it('are absent from a production load, even when not yet valid', () => {
      expect(loadContent(production(writePosts(files))).posts.map((p) => p.slug)).toEqual(['published']);
    });

    it('are included in dev, and an invalid one shows as broken there', () => {
      const index = loadContent(dev(writePosts(files)));
      expect(index.posts.map((p) => [p.slug, p.draft])).toEqual([
        ['draft', true],
        ['published', false],
      ]);
      expect(index.broken.map((b) => b.error.message)).toEqual(['posts/half-written.md: title: is required']);
    });

    it('must be a boolean', () => {
      expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ndraft: "yes"') })).toEqual(['posts/a.md:4: draft: must be true or false, got "yes"']);
    });
  });

  describe('errors name the file and the field', () => {
    it('an impossible date', () => {
      expect(errorsOf({ 'foo.md': post('title: Foo\ndate: "2019-13-45"') })[0]).toMatch(/^posts\/foo\.md:3: date: "2019-13-45" is not a valid date/);
      expect(errorsOf({ 'feb.md': post('title: Feb\ndate: 2019-02-29') })[0]).toMatch(/^posts\/feb\.md:3: date: "2019-02-29" is not a valid date/);
      expect(errorsOf({ 'words.md': post('title: Words\ndate: last tuesday') })[0]).toMatch(/^posts\/words\.md:3: date: "last tuesday" is not a valid date/);
    });

    it('a missing title or date', () => {
      expect(errorsOf({ 'a.md': post('date: 2020-01-01') })).toEqual(['posts/a.md: title: is required']);
      expect(errorsOf({ 'b.md': post('title: B') })).toEqual(['posts/b.md: date: is required']);
      expect(errorsOf({ 'c.md': 'No front matter at all.\n' })).toEqual([
        'posts/c.md:1: has no front matter; start the file with a --- block that sets title and date',
      ]);
    });

    it('invalid YAML, with its line in the file', () => {
      const [unclosed] = errorsOf({ 'bad.md': '---\ntitle: Bad\ndate: 2020-01-01\ntags: [a, b\ncategory: x\n---\n\nBody\n' });
      expect(unclosed).toBe('posts/bad.md:5: invalid YAML front matter: Flow sequence in block collection must be sufficiently indented and end with a ]');
      const [duplicate] = errorsOf({ 'dup.md': '---\ntitle: One\ntitle: Two\ndate: 2020-01-01\n---\n' });
      expect(duplicate).toBe('posts/dup.md:3: invalid YAML front matter: Map keys must be unique');
    });

    it('a wrong template', () => {
      expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ntemplate: article') })).toEqual(['posts/a.md:4: template: must be "post" or "page", got "article"']);
    });

    it('two posts with the same slug, naming both files', () => {
      const messages = errorsOf({
        'one.md': post('title: One\ndate: 2020-01-01\nslug: same'),
        'two/index.md': post('title: Two\ndate: 2020-01-02\nslug: /posts/same/'),
      });
      expect(messages).toEqual([
        'posts/one.md:4: slug: "same" is also the slug of posts/two/index.md; each post needs its own',
        'posts/two/index.md:4: slug: "same" is also the slug of posts/one.md; each post needs its own',
      ]);
    });

    it('a page slug the site uses itself, and a name with no letters', () => {
      expect(errorsOf({ 'tags.md': post('title: Tags\ndate: 2020-01-01\ntemplate: page') })).toEqual([
        'posts/tags.md: slug: /tags/ is a path the build writes itself; choose another slug',
      ]);
      expect(errorsOf({ '!!!.md': post('title: Bangs\ndate: 2020-01-01') })[0]).toMatch(/^posts\/!!!\.md: slug: cannot make a URL from the name "!!!"/);
    });

    it('a folder post without one index file', () => {
      expect(errorsOf({ 'empty/image.png': 'png', 'ok.md': post('title: Ok\ndate: 2020-01-01') })).toEqual([
        'posts/empty/: is a folder post without an index.md, index.markdown or index.mdx',
      ]);
    });

    it('reports every broken post at once', () => {
      const messages = errorsOf({ 'a.md': post('date: 2020-01-01'), 'b.md': post('title: B') });
      expect(messages).toHaveLength(2);
    });
  });

  it('in dev, keeps the good posts when one is broken', () => {
    const index = loadContent(dev(writePosts({ 'good.md': post('title: Good\ndate: 2020-01-01'), 'bad.md': post('title: Bad\ndate: 2020-02-30') })));
    expect(index.posts.map((p) => p.slug)).toEqual(['good']);
    expect(index.broken).toEqual([expect.objectContaining({ slug: 'bad', sourcePath: 'posts/bad.md' })]);
    expect(index.broken[0].error.field).toBe('date');
  });
});

describe('loadContent, at the edges of its rules', () => {
  it('takes the one Markdown file named index as a folder post\'s page, whatever else the folder holds', () => {
    const dir = writePosts({ 'trip/index.md': post('title: Trip\ndate: 2020-01-01'), 'trip/notes.md': '# Notes', 'trip/index.png': 'png' });
    const { posts, broken } = loadContent(production(dir));
    expect(posts.map((entry) => [entry.slug, entry.sourcePath, entry.assets.map((asset) => asset.name).sort()])).toEqual([['trip', 'posts/trip/index.md', ['index.png', 'notes.md']]]);
    expect(broken).toEqual([]);
  });

  it('ignores every file and folder whose name starts with a dot, without a warning', () => {
    const dir = writePosts({ '.DS_Store': 'binary', '.draft.md': post('date: 2020-01-01'), '.git/index.md': 'x', 'a.md': post('title: A\ndate: 2020-01-01') });
    const index = loadContent(production(dir));
    expect([index.posts.map((entry) => entry.slug), index.warnings, index.broken]).toEqual([['a'], [], []]);
  });

  it('reads the .mdown, .mkdn and .mkdown extensions as Markdown', () => {
    const dir = writePosts({ 'a.mdown': post('title: A\ndate: 2020-01-01'), 'b.mkdn': post('title: B\ndate: 2020-01-02'), 'c.mkdown': post('title: C\ndate: 2020-01-03') });
    expect(loadContent(production(dir)).posts.map((entry) => [entry.slug, entry.format])).toEqual([['c', 'md'], ['b', 'md'], ['a', 'md']]);
  });

  it('gives a single-file post no assets', () => {
    expect(loadContent(production(writePosts({ 'a.md': post('title: A\ndate: 2020-01-01') }))).posts[0].assets).toEqual([]);
  });

  it('reads front matter marked yaml or yml, and refuses any other language whose name merely holds one of them', () => {
    const dir = writePosts({ 'a.md': `---yaml\ntitle: A\ndate: 2020-01-01\n---\n`, 'b.md': `---YML\ntitle: B\ndate: 2020-01-02\n---\n` });
    expect(loadContent(production(dir)).posts.map((entry) => entry.slug)).toEqual(['b', 'a']);
    expect(errorsOf({ 'x.md': '---xyaml\ntitle: X\n---\n', 'y.md': '---yamlx\ntitle: Y\n---\n' })).toEqual([
      'posts/x.md:1: has front matter in "xyaml", which Folio does not read: write it in YAML, after a line of --- alone',
      'posts/y.md:1: has front matter in "yamlx", which Folio does not read: write it in YAML, after a line of --- alone',
    ]);
  });

  it('reads a --- that does not start the file as no front matter at all', () => {
    expect(errorsOf({ 'a.md': 'Some text ---toml and more.\n' })).toEqual(['posts/a.md:1: has no front matter; start the file with a --- block that sets title and date']);
  });

  it('reads a front matter block of blank lines as no front matter', () => {
    expect(errorsOf({ 'a.md': '---\n   \n---\n\nBody.\n' })).toEqual(['posts/a.md:1: has no front matter; start the file with a --- block that sets title and date']);
  });

  it('names the category field when a category makes no URL', () => {
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ncategory: "!!!"') })).toEqual(['posts/a.md:4: category: cannot make a URL from "!!!"; use letters or digits']);
  });

  it('keeps a front matter excerpt whole up to four times the excerpt length', () => {
    const excerpt = `${'A long lead sentence. '.repeat(25)}End.`;
    expect(loadContent(production(writePosts({ 'a.md': post(`title: A\ndate: 2020-01-01\nexcerpt: ${excerpt}`) }))).posts[0].excerpt).toBe(excerpt);
  });

  it('counts CJK characters as words, and the punctuation between them as nothing', () => {
    // 1000 Han characters and 500 commas: 1000 words, five minutes.
    expect(readingMinutes('缓存，'.repeat(500))).toBe(5);
    expect(readingMinutes('缓 存 '.repeat(500))).toBe(5);
  });

  it('names every other post with the same slug', () => {
    const same = (title: string) => post(`title: ${title}\ndate: 2020-01-01\nslug: same`);
    expect(errorsOf({ 'a.md': same('A'), 'b.md': same('B'), 'c.md': same('C') })[0]).toBe('posts/a.md:4: slug: "same" is also the slug of posts/b.md and posts/c.md; each post needs its own');
  });

  it('in dev, leaves a post whose tag would share another\'s URL out of the index, and keeps the other', () => {
    const index = loadContent(dev(writePosts({ 'a.md': post('title: A\ndate: 2020-01-01\ntags: [Node.js]'), 'b.md': post('title: B\ndate: 2020-01-02\ntags: [node js]') })));
    expect(index.posts.map((entry) => entry.slug)).toEqual(['a']);
    expect(index.broken.map((entry) => [entry.sourcePath, entry.error.field])).toEqual([['posts/b.md', 'tags.0']]);
  });

  it('orders pages by title', () => {
    const page = (title: string) => post(`title: ${title}\ndate: 2020-01-01\ntemplate: page`);
    expect(loadContent(production(writePosts({ 'a.md': page('Zebra'), 'b.md': page('Apple') }))).pages.map((entry) => entry.title)).toEqual(['Apple', 'Zebra']);
  });

  it('lists no category for posts without one, and a post once under a tag it names twice', () => {
    const index = loadContent(production(writePosts({ 'a.md': post('title: A\ndate: 2020-01-01\ntags: [AWS, aws]') })));
    expect(index.categories).toEqual([]);
    expect(index.tags.map((tag) => [tag.slug, tag.posts.map((entry) => entry.slug)])).toEqual([['aws', ['a']]]);
  });

  it('reports an excerpt nested too deep by its field and the field\'s line, not a line inside the excerpt', () => {
    const [broken] = loadContent(dev(writePosts({ 'a.md': post(`title: A\ndate: 2020-01-01\nexcerpt: "${'> '.repeat(200)}x"`) }))).broken;
    expect([broken.error.field, broken.error.line]).toEqual(['excerpt', 4]);
  });

  it('lists posts, broken posts and index files by name, whatever order the file system gives them in', () => {
    const dir = writePosts({ 'a.md': post('title: A'), 'b.md': post('title: B'), 'c/index.md': post('title: C\ndate: 2020-01-01'), 'c/index.mdx': '', 'c/index.markdown': '' });
    const readdir = fs.readdirSync;
    // The file system here lists names in order; a reversed listing shows the loader sorts them itself.
    const spy = jest.spyOn(fs, 'readdirSync').mockImplementation(((folder: fs.PathLike, options?: unknown) =>
      (readdir as (folder: fs.PathLike, options?: unknown) => unknown[])(folder, options).reverse()) as typeof fs.readdirSync);
    let messages: string[];
    try {
      messages = loadErrors(dir);
    } finally {
      spy.mockRestore();
    }
    expect(messages.filter((message) => message.endsWith('date: is required'))).toEqual(['posts/a.md: date: is required', 'posts/b.md: date: is required']);
    expect(messages).toContain('posts/c/: has 3 index files (index.markdown, index.md, index.mdx); keep one');
  });
});

describe('the message of a failed build', () => {
  const error = (file: string, detail: string) => new ContentError(file, detail);
  it('counts the posts, and the problems when a post has more than one', () => {
    expect(new ContentErrors([error('posts/a.md', 'one')]).message.split('\n')[0]).toBe('1 post has a problem:');
    expect(new ContentErrors([error('posts/a.md', 'one'), error('posts/b.md', 'two')]).message.split('\n')[0]).toBe('2 posts have problems:');
    expect(new ContentErrors([error('posts/a.md', 'one'), error('posts/a.md', 'two')]).message.split('\n')[0]).toBe('1 post has 2 problems:');
    expect(new ContentErrors([error('posts/a.md', 'one'), error('posts/a.md', 'two'), error('posts/b.md', 'three')]).message.split('\n')[0]).toBe('2 posts have 3 problems:');
  });
});
