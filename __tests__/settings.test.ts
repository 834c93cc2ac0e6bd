/**
 * @jest-environment node
 *
 * Settings whose values the schema checks by more than their type.
 */
import { settingsSchema } from '../lib/config/schema';
import { editUrlOf, site } from '../lib/config/site';

describe('editUrl: the "Edit this post" link', () => {
  const editUrl = settingsSchema.shape.editUrl;
  const problem = (value: string) => editUrl.safeParse(value).error?.issues[0].message;

  it('is off unless set', () => {
    expect(editUrl.parse(undefined)).toBeNull();
    expect(site.editUrl).toBeNull();
    expect(editUrlOf('posts/hello.md')).toBeNull();
  });

  it('takes an https URL ending in /', () => {
    expect(editUrl.parse('https://github.com/owner/repo/edit/main/')).toBe('https://github.com/owner/repo/edit/main/');
    expect(editUrl.parse('https://gitlab.com/owner/repo/-/edit/main/')).toBe('https://gitlab.com/owner/repo/-/edit/main/');
  });

  it.each([
    ['http://github.com/owner/repo/edit/main/', 'must be an https:// URL'],
    ['javascript:alert(1)//', 'must be an https:// URL'],
    ['github.com/owner/repo/edit/main/', 'must be an https:// URL'],
    ['https://user:secret@github.com/owner/repo/edit/main/', 'must be a plain https:// URL, without credentials, query or fragment'],
    ['https://github.com/owner/repo/edit/main/?x=1', 'must be a plain https:// URL, without credentials, query or fragment'],
    ['https://github.com/owner/repo/edit/main', "must end with /, as a post's path is added to it"],
  ])('refuses %s, saying why', (value, reason) => {
    expect(problem(value)).toBe(`${JSON.stringify(value)} ${reason}, like "https://github.com/owner/repo/edit/main/"`);
  });

  it("adds a post's source path to it, each segment percent-encoded", () => {
    const base = 'https://github.com/owner/repo/edit/main/';
    expect(editUrlOf('posts/hello.md', base)).toBe(`${base}posts/hello.md`);
    expect(editUrlOf('posts/a "b" #1?/index.md', base)).toBe(`${base}posts/a%20%22b%22%20%231%3F/index.md`);
    expect(editUrlOf('posts/中文.md', base)).toBe(`${base}posts/%E4%B8%AD%E6%96%87.md`);
  });
});
