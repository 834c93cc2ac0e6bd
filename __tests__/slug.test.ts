/** @jest-environment node */
import { MAX_SLUG_BYTES, nameKey, slugFromFrontMatter, slugify } from '../lib/content/slug';

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

describe('slugs, at the edges of the rule', () => {
  it('spell out # only after a letter or digit', () => {
    expect(slugify('Issue #42')).toBe('issue-42');
    expect(slugify('C# #tips')).toBe('c-sharp-tips');
  });

  it('count each character\'s UTF-8 bytes when they cut a slug: 2 for Cyrillic, 3 from U+0800, 4 from U+10000', () => {
    // ж is U+0436, ࠀ (Samaritan alaf) U+0800, 𐀀 (Linear B) U+10000, 𠀀 (a CJK ideograph) U+20000: all letters, none decomposed.
    expect(slugify('ж'.repeat(150))).toBe('ж'.repeat(100));
    expect(slugify('ࠀ'.repeat(100))).toBe('ࠀ'.repeat(66));
    expect(slugify('𐀀'.repeat(100))).toBe('𐀀'.repeat(50));
    expect(slugify('𠀀'.repeat(100))).toBe('𠀀'.repeat(50));
    for (const name of ['ж'.repeat(150), 'ࠀ'.repeat(100), '𐀀'.repeat(100), '𠀀'.repeat(100)]) expect(Buffer.byteLength(slugify(name))).toBeLessThanOrEqual(MAX_SLUG_BYTES);
  });

  it('make nothing of a front matter slug with no segment', () => {
    expect(slugFromFrontMatter('/')).toBe('');
    expect(slugFromFrontMatter('//')).toBe('');
  });

  it('key names by their letters in lower case, accents and case set aside', () => {
    expect(nameKey('Crème Brûlée')).toBe('creme brulee');
    expect(nameKey('ĐẸP Straße')).toBe('dep strasse');
  });
});
