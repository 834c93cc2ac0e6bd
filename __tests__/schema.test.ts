/** @jest-environment node */
// The front matter contract (lib/content/schema.ts) on its own: what it accepts, what it makes of it,
// and the message an author reads for each thing it refuses. The loader's tests
// (content.test.ts, content-hostile.test.ts) show the same messages with the file's name.
import { frontMatterSchema } from '../lib/content/schema';

const VALID = { title: 'A post', date: '2024-03-05' };

/** The front matter `fields` (over a valid title and date) as the schema reads them; a refusal fails the test. */
function read(fields: Record<string, unknown>) {
  const result = frontMatterSchema.safeParse({ ...VALID, ...fields });
  if (!result.success) throw new Error(`refused: ${result.error.issues[0].message}`);
  return result.data;
}

/** `field: message` of the one problem the schema finds in `fields` (over a valid title and date). */
function problem(fields: Record<string, unknown>): string {
  const result = frontMatterSchema.safeParse({ ...VALID, ...fields });
  if (result.success) throw new Error(`accepted ${JSON.stringify(fields)}`);
  expect(result.error.issues).toHaveLength(1);
  const [issue] = result.error.issues;
  return `${issue.path.join('.')}: ${issue.message}`;
}

describe('dates', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2023-01-31', '2023-01-31'],
    ['2023-12-31', '2023-12-31'],
    [' 2024-03-05 ', '2024-03-05'],
    ['2024-03-05T23:30', '2024-03-05'],
    ['2024-03-05 23:30:59', '2024-03-05'],
    ['2024-03-05T23:30:59.123Z', '2024-03-05'],
    ['2024-03-05T23:30:59-08:00', '2024-03-05'],
    ['2024-03-05T23:30:59 +0530', '2024-03-05'],
    ['2024-03-05T23:30:59+05', '2024-03-05'],
  ])('%j is the calendar date %s, whatever time and offset follow it', (written, date) => {
    expect(read({ date: written, updated: written }).date).toBe(date);
    expect(read({ updated: written }).updated).toBe(date);
  });

  it.each(['2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-01-32', '24-03-05', '2024-3-5', '12024-03-05', '2024-03-05x', 'x2024-03-05', '2024-03-05T23', '2024-03-05T23:30:5', '2024-03-05T23:30+5', 'March 5, 2024', ''])(
    '%j is not a date, and the message says how to write one',
    (written) => {
      expect(problem({ date: written })).toBe(`date: ${JSON.stringify(written)} is not a valid date (use YYYY-MM-DD)`);
      expect(problem({ lastmod: written })).toBe(`lastmod: ${JSON.stringify(written)} is not a valid date (use YYYY-MM-DD)`);
    },
  );

  it('are required, and must be written as text', () => {
    expect(problem({ date: undefined })).toBe('date: is required');
    expect(problem({ date: 20240305 })).toBe('date: 20240305 is not a valid date');
    expect(read({}).updated).toBeUndefined();
    expect(read({}).lastmod).toBeUndefined();
  });
});

describe('text fields', () => {
  it('are trimmed', () => {
    const data = read({ title: '  Spaced  ', excerpt: ' Lead. ', description: ' Summary ', slug: ' /posts/x/ ', category: ' AWS ' });
    expect([data.title, data.excerpt, data.description, data.slug, data.category]).toEqual(['Spaced', 'Lead.', 'Summary', '/posts/x/', 'AWS']);
  });

  it('say that a title is required, and an optional field may not be empty', () => {
    expect(problem({ title: undefined })).toBe('title: is required');
    expect(problem({ title: null })).toBe('title: is required');
    expect(problem({ title: '   ' })).toBe('title: is required');
    expect(problem({ excerpt: '  ' })).toBe('excerpt: must not be empty');
    expect(problem({ category: '' })).toBe('category: must not be empty');
    expect(read({}).excerpt).toBeUndefined();
  });

  it('say how to write a number or a boolean as text, and what else they got', () => {
    expect(problem({ title: 2019 })).toBe('title: must be text, got 2019; YAML reads it as a number: write it in quotes ("2019") to use it as text');
    expect(problem({ excerpt: 1.5 })).toBe('excerpt: must be text, got 1.5; YAML reads it as a number: write it in quotes ("1.5") to use it as text');
    expect(problem({ description: true })).toBe('description: must be text, got true; YAML reads it as a boolean: write it in quotes ("true") to use it as text');
    expect(problem({ slug: ['a', 'b'] })).toBe('slug: must be text, got ["a","b"]');
    expect(problem({ category: { name: 'x' } })).toBe('category: must be text, got {"name":"x"}');
  });
});

describe('tags', () => {
  it('are a list, one tag, or none', () => {
    expect(read({ tags: ['aws', ' caching '] }).tags).toEqual(['aws', 'caching']);
    expect(read({ tags: 'aws' }).tags).toEqual(['aws']);
    expect(read({ tags: null }).tags).toEqual([]);
    expect(read({}).tags).toEqual([]);
  });

  it('say what a tag list is, and which tag is wrong', () => {
    expect(problem({ tags: 5 })).toBe('tags: must be a list of tags, like [aws, caching], or one tag; got 5');
    expect(problem({ tags: { a: 1 } })).toBe('tags: must be a list of tags, like [aws, caching], or one tag; got {"a":1}');
    expect(problem({ tags: ['ok', ' '] })).toBe('tags.1: must not hold an empty tag');
    expect(problem({ tags: ['ok', 2019] })).toBe('tags.1: must be a tag name, got 2019; YAML reads it as a number: write it in quotes ("2019") to use it as text');
  });
});

describe('template and draft', () => {
  it('default to a published post', () => {
    expect(read({})).toMatchObject({ template: 'post', draft: false });
    expect(read({ template: 'page', draft: true })).toMatchObject({ template: 'page', draft: true });
  });

  it('say what they may be', () => {
    expect(problem({ template: 'article' })).toBe('template: must be "post" or "page", got "article"');
    expect(problem({ draft: 'yes' })).toBe('draft: must be true or false, got "yes"');
  });
});

describe('image fields', () => {
  it.each(['/images/a.png', './cover.jpg', 'cover.jpg', 'https://example.org/a.png', 'HTTP://example.org/a.png', 'images/../c.png', '/x?a=b:c'])('take %j', (url) => {
    expect(read({ cover: url, coverImage: url, socialImage: url })).toMatchObject({ cover: url, coverImage: url, socialImage: url });
  });

  it.each([
    ['javascript:alert(1)', 'is neither a path nor an http(s) URL'],
    ['data:image/png;base64,AAAA', 'is neither a path nor an http(s) URL'],
    ['ftp://example.org/a.png', 'is neither a path nor an http(s) URL'],
    ['https.evil:x', 'is neither a path nor an http(s) URL'],
    ['httpsx://example.org/a.png', 'is neither a path nor an http(s) URL'],
    ['xhttps://example.org/a.png', 'is neither a path nor an http(s) URL'],
    ['//evil.example/a.png', 'starts with //; write the scheme (https://)'],
    ['/images\\a.png', 'has a backslash; paths use /'],
    ['java\tscript:alert(1)', 'has a control character'],
    ['a\u0000.png', 'has a control character'],
    ['a\u001f.png', 'has a control character'],
    ['a\u007f.png', 'has a control character'],
  ])('refuse %j: it %s', (url, why) => {
    const message = `${JSON.stringify(url)} ${why}: give a path (/images/a.png, or ./a.png in a folder post) or an https:// URL`;
    expect(problem({ cover: url })).toBe(`cover: ${message}`);
    expect(problem({ coverImage: url })).toBe(`coverImage: ${message}`);
    expect(problem({ socialImage: url })).toBe(`socialImage: ${message}`);
  });

  it('take a character just past the control characters', () => {
    expect(read({ cover: '/a\u0020b\u0080.png' }).cover).toBe('/a\u0020b\u0080.png');
  });

  it('say what they must be when YAML reads a number or a list', () => {
    expect(problem({ cover: 5 })).toBe('cover: must be an image path or URL, got 5; YAML reads it as a number: write it in quotes ("5") to use it as text');
    expect(problem({ coverImage: ['a.png'] })).toBe('coverImage: must be an image path or URL, got ["a.png"]');
    expect(problem({ socialImage: false })).toBe('socialImage: must be an image path or URL, got false; YAML reads it as a boolean: write it in quotes ("false") to use it as text');
  });

  it('may be absent, and not empty', () => {
    expect(read({}).cover).toBeUndefined();
    expect(problem({ socialImage: ' ' })).toBe('socialImage: must not be empty');
  });
});

it('keeps the fields it does not know, as written', () => {
  expect(read({ author: { name: 'Ada' }, weight: 3 })).toMatchObject({ author: { name: 'Ada' }, weight: 3 });
});

it('reports every refusal of its own checks as a zod custom issue: the field\'s path and the message, nothing else', () => {
  // Tools that read the schema's issues (the loader reads path and message) tell a check of the
  // contract's own from zod's built-in ones by the `custom` code.
  const result = frontMatterSchema.safeParse({ ...VALID, date: '2024-13-01', cover: 'javascript:alert(1)' });
  expect(result.success).toBe(false);
  expect(result.error?.issues).toStrictEqual([
    { code: 'custom', path: ['date'], message: '"2024-13-01" is not a valid date (use YYYY-MM-DD)' },
    {
      code: 'custom',
      path: ['cover'],
      message: '"javascript:alert(1)" is neither a path nor an http(s) URL: give a path (/images/a.png, or ./a.png in a folder post) or an https:// URL',
    },
  ]);
});

describe('aliases and redirect_from', () => {
  it('reads a list of old URLs, or one, in the normal form routes have', () => {
    expect(read({ aliases: ['/old-slug', '/2019/01/old/', '/old.html', '/Größe/', '/gr%C3%B6%C3%9Fe/x'] }).aliases).toEqual(['/old-slug/', '/2019/01/old/', '/old.html', '/Gr%C3%B6%C3%9Fe/', '/gr%C3%B6%C3%9Fe/x/']);
    expect(read({ aliases: '/old/' }).aliases).toEqual(['/old/']);
    expect(read({}).aliases).toBeUndefined();
  });

  it('reads redirect_from, Jekyll\'s name, the same way', () => {
    expect(read({ redirect_from: ['/a', '/b/'] }).redirect_from).toEqual(['/a/', '/b/']);
    expect(read({ redirect_from: '/a' }).redirect_from).toEqual(['/a/']);
  });

  it('refuses both names at once, naming redirect_from', () => {
    expect(problem({ aliases: ['/a/'], redirect_from: ['/b/'] })).toBe('redirect_from: is another name for aliases: list the old URLs under one of them');
  });

  it.each([
    ['https://example.com/old/', 'is a URL; give only its path on this site, like /old-slug/'],
    ['//example.com/old/', 'is a URL; give only its path on this site, like /old-slug/'],
    ['javascript:alert(1)', 'is a URL; give only its path on this site, like /old-slug/'],
    ['old-slug/', 'must be a path on this site, starting with / (like /old-slug/)'],
    ['/old/?p=1', 'has a query or a fragment; static hosts redirect by the path alone'],
    ['/old/#top', 'has a query or a fragment; static hosts redirect by the path alone'],
    ['/a/../posts/x/', 'has a ".." segment'],
    ['/a/%2E%2E/b/', 'has a ".." segment'],
    ['/a//b/', 'has an empty segment (//)'],
    ['/a\\b/', 'has a backslash; paths use /'],
    ['/a b/', 'has a space or a control character'],
    ['/%zz/', 'has a malformed escape in "%zz"'],
    ['/<script>/', '"<script>" may only hold letters, digits, "-", ".", "_" and "~"'],
    ['/a*/', '"a*" may only hold letters, digits, "-", ".", "_" and "~"'],
    ['/old/index.html', 'has an "index.html" segment: write the folder\'s path (/old/ for /old/index.html)'],
    ['/', 'is the home page'],
  ])('refuses %j: %s', (alias, message) => {
    expect(problem({ aliases: ['/fine/', alias] })).toBe(`aliases.1: ${JSON.stringify(alias)} ${message}`);
  });

  it('refuses what is not a list of paths', () => {
    expect(problem({ aliases: { old: '/a/' } })).toBe('aliases: must be a list of paths on this site, like [/old-slug/], or one; got {"old":"/a/"}');
    expect(problem({ redirect_from: [2019] })).toMatch(/^redirect_from\.0: must be a path, got 2019; YAML reads it as a number/);
  });
});

describe('canonical', () => {
  it('reads an http(s) URL as URL writes it', () => {
    expect(read({ canonical: 'https://dev.to/me/post' }).canonical).toBe('https://dev.to/me/post');
    expect(read({ canonical: 'HTTP://Example.COM/a b' }).canonical).toBe('http://example.com/a%20b');
    expect(read({}).canonical).toBeUndefined();
  });

  it.each([
    ['/posts/x/', 'is not an http(s) URL'],
    ['javascript:alert(1)', 'is not an http(s) URL'],
    ['ftp://example.com/a', 'is not an http(s) URL'],
    ['https://user:secret@example.com/a', 'has credentials in it'],
    ['https://exa\u0000mple.com/', 'is not an http(s) URL'],
  ])('refuses %j: %s', (canonical, message) => {
    expect(problem({ canonical })).toBe(`canonical: ${JSON.stringify(canonical)} ${message}: give the address where the post was first published, like https://dev.to/me/my-post`);
  });
});

describe('series, seriesOrder and featured', () => {
  it('reads a series name, a place in it and featured, and defaults to no series and not featured', () => {
    expect(read({ series: '  Caching at scale ', seriesOrder: 2, featured: true })).toMatchObject({ series: 'Caching at scale', seriesOrder: 2, featured: true });
    expect(read({ series: 'Caching at scale' }).seriesOrder).toBeUndefined();
    const none = read({});
    expect([none.series, none.seriesOrder, none.featured]).toEqual([undefined, undefined, false]);
  });

  it.each([0, -1, 1.5, '2', 'two', null])('refuses the place %j: a whole number from 1', (seriesOrder) => {
    expect(problem({ series: 'S', seriesOrder })).toBe(`seriesOrder: must be a whole number from 1, like 2, got ${JSON.stringify(seriesOrder)}`);
  });

  it('refuses a place in no series, a series name that is not text, and a featured that is not a boolean', () => {
    expect(problem({ seriesOrder: 2 })).toBe('seriesOrder: gives a place in a series, but the post names no series: add series: "Its name"');
    expect(problem({ series: 2019 })).toBe('series: must be a series name, got 2019; YAML reads it as a number: write it in quotes ("2019") to use it as text');
    expect(problem({ series: '   ' })).toBe('series: must not be empty');
    expect(problem({ featured: 'yes' })).toBe('featured: must be true or false, got "yes"');
  });

  it('refuses a series or featured on a template "page" page', () => {
    expect(problem({ template: 'page', series: 'S' })).toBe('series: is for posts: a template "page" page is in no series and no post list');
    expect(problem({ template: 'page', featured: true })).toBe('featured: is for posts: a template "page" page is in no series and no post list');
    expect(read({ template: 'page', featured: false }).featured).toBe(false);
  });
});
