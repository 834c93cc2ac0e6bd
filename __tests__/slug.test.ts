/** @jest-environment node */
import { MAX_SLUG_BYTES, nameKey, slugFromFrontMatter, slugify } from '../lib/content/slug.mjs';

describe('slugify', () => {
  it.each([
    ['reinvent-2017', 'reinvent-2017'],
    ['Hello World', 'hello-world'],
    ['  --What?  Why!--  ', 'what-why'],
    ['re:Invent 2017', 're-invent-2017'],
    ['Crème Brûlée', 'creme-brulee'],
    ['Über Straße', 'uber-strasse'],
    ['Tiếng Việt đẹp', 'tieng-viet-dep'],
    ['中文 博客', '中文-博客'],
    ['!!!', ''],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['C', 'c'],
    ['F# and C++ tips', 'f-sharp-and-c-plus-plus-tips'],
    ['#hashtag +1', 'hashtag-1'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('cuts a slug to a file name\'s length, at a character', () => {
    expect(Buffer.byteLength(slugify('a'.repeat(5000)))).toBe(MAX_SLUG_BYTES);
    expect(slugify('ab '.repeat(100))).toBe(`${'ab-'.repeat(66)}ab`);
    expect(slugify('中文'.repeat(100))).toBe('中文'.repeat(33));
  });
});

describe('nameKey', () => {
  it('sets case and accents aside, and nothing else', () => {
    expect(nameKey('AWS')).toBe(nameKey('aws'));
    expect(nameKey('Über uns')).toBe(nameKey('uber UNS'));
    expect(nameKey('Node.js')).not.toBe(nameKey('Node JS'));
  });
});

describe('slugFromFrontMatter', () => {
  it.each([
    ['/posts/x/', 'x'],
    ['/posts/x', 'x'],
    ['x', 'x'],
    ['/pages/about', 'about'],
    ['My Post', 'my-post'],
  ])('%s → %s', (value, slug) => {
    expect(slugFromFrontMatter(value)).toBe(slug);
  });
});
