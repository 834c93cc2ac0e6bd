/** @jest-environment node */
import { slugFromFrontMatter, slugify } from '../lib/slug.mjs';

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
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
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
