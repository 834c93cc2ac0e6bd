/**
 * @jest-environment node
 *
 * Several authors without a build: the `authors` setting and its checks, the one `author` of a
 * site that gives that instead, and the `author:` and `authors:` of a post's front matter,
 * resolved against the settings (the sample settings have two authors, `folio-author` first).
 */
import fs from 'node:fs';
import { settingsSchema, type SiteSettings } from '../lib/config/schema';
import { settings } from '../lib/config/settings';
import { hasAuthorPages, siteAuthors } from '../lib/config/site';
import { loadContent } from '../lib/content/load';
import { sitePages } from '../lib/content/site-urls';
import { avatarPicture, makeAvatars } from '../lib/images/avatars';
import { dev, loadErrors, production } from './helpers/load-posts';
import { scratchImageStore, writeImage } from './helpers/images';
import { post, writePosts } from './helpers/posts-dir';

/** The messages a production load of `files` fails with. */
const errorsOf = (files: Record<string, string>) => loadErrors(writePosts(files));

/** What is wrong with the sample settings changed by `change`, as `path: message`. */
function settingsProblems(change: Partial<SiteSettings>): string[] {
  const result = settingsSchema.safeParse({ ...settings, ...change });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const ada = { id: 'ada', name: 'Ada', bio: 'Writes.' };

describe('the authors setting', () => {
  it('takes the sample settings: two authors, the first the default', () => {
    expect(settingsProblems({})).toEqual([]);
    expect(siteAuthors.map((author) => author.id)).toEqual(['folio-author', 'ada-reviewer']);
    expect(hasAuthorPages).toBe(true);
  });

  it('fills in no avatar and no links when they are left out', () => {
    const checked = settingsSchema.parse({ ...settings, authors: [ada] });
    expect(checked.authors).toEqual([{ ...ada, avatar: null, links: [] }]);
  });

  it.each<[string, Partial<SiteSettings>, string]>([
    ['both author and authors', { author: { name: 'One', bio: 'Bio.' }, authors: [ada] }, 'authors: and author are both given: list every author under authors'],
    ['neither', { author: undefined, authors: undefined }, "authors: is missing: give the site's authors (or its one author as author)"],
    ['an empty list', { authors: [] }, 'authors: must list at least one author'],
    ['an id twice', { authors: [ada, { ...ada, name: 'Ada Two' }] }, 'authors.1.id: "ada" is the id of an author before it; each author needs their own'],
    ['an id that is no URL segment', { authors: [{ ...ada, id: 'Ada Lovelace' }] }, expect.stringMatching(/^authors\.0\.id: must be lower-case letters and digits joined by single hyphens/) as unknown as string],
    ['the id "index"', { authors: [{ ...ada, id: 'index' }] }, 'authors.0.id: is a name the build owns'],
    ['a link that is not https', { authors: [{ ...ada, links: [{ label: 'Site', href: 'javascript:alert(1)' }] }] }, 'authors.0.links.0.href: "javascript:alert(1)" must be an https:// URL, like "https://mastodon.social/@ada"'],
    ['a link with credentials', { authors: [{ ...ada, links: [{ label: 'Site', href: 'https://me:pw@example.com/' }] }] }, 'authors.0.links.0.href: "https://me:pw@example.com/" must not hold credentials, like "https://mastodon.social/@ada"'],
    ['an avatar that is no site path', { authors: [{ ...ada, avatar: 'https://example.com/ada.png' }] }, 'authors.0.avatar: must be the site path of an image in public/, like "/images/authors/ada.png"'],
  ])('refuses %s, naming the field', (_what, change, problem) => {
    expect(settingsProblems(change)).toEqual([problem]);
  });

  it('keeps a site that gives one `author` as it was: one author, no author pages', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('../lib/config/settings', () => ({ settings: { ...settings, authors: undefined, author: { name: 'Solo Writer', bio: 'Writes alone.' } } }));
      const site = await import('../lib/config/site');
      expect(site.siteAuthors).toEqual([{ id: 'author', name: 'Solo Writer', bio: 'Writes alone.', avatar: null, links: [] }]);
      expect(site.hasAuthorPages).toBe(false);
      expect(site.authorPageHref('author')).toBeNull();
      const { loadContent: load } = await import('../lib/content/load');
      const index = load(production(writePosts({ 'one.md': post('title: One\ndate: 2020-01-01') })));
      expect(index.posts[0].authors).toEqual([{ id: 'author', name: 'Solo Writer', url: null }]);
      const { sitePages: pagesOf } = await import('../lib/content/site-urls');
      expect(pagesOf(index).filter((page) => page.url.startsWith('/authors/'))).toEqual([]);
    });
  });
});

describe('a post\'s authors', () => {
  const dir = writePosts({
    'no-author.md': post('title: No author\ndate: 2020-01-03'),
    'one-author.md': post('title: One author\ndate: 2020-01-02\nauthor: ada-reviewer'),
    'two-authors.md': post('title: Two authors\ndate: 2020-01-01\nauthors:\n  - ada-reviewer\n  - folio-author'),
    'one-in-a-list.md': post('title: One in a list\ndate: 2019-12-31\nauthors: ada-reviewer'),
    'next-starter.md': post('title: From Next\'s blog-starter\ndate: 2019-12-30\nauthor:\n  name: Tim Neutkens\n  picture: /tim.jpeg'),
  });
  const index = loadContent(production(dir));
  const authorsOf = (title: string) => index.posts.find((entry) => entry.title === title)!.authors;
  const folio = { id: 'folio-author', name: 'Folio Author', url: '/authors/folio-author/' };
  const adaReviewer = { id: 'ada-reviewer', name: 'Ada Reviewer', url: '/authors/ada-reviewer/' };

  it('is the first author of the settings when the post names none', () => {
    expect(authorsOf('No author')).toEqual([folio]);
  });

  it('is the id in author, or the ids in authors in their order, with their pages', () => {
    expect(authorsOf('One author')).toEqual([adaReviewer]);
    expect(authorsOf('Two authors')).toEqual([adaReviewer, folio]);
    expect(authorsOf('One in a list')).toEqual([adaReviewer]);
  });

  it('is the default author when author is an object, as Next\'s blog-starter writes, which is kept', () => {
    expect(authorsOf("From Next's blog-starter")).toEqual([folio]);
    expect(index.posts.find((entry) => entry.title === "From Next's blog-starter")!.frontMatter.author).toEqual({ name: 'Tim Neutkens', picture: '/tim.jpeg' });
  });

  it('groups every author of the site with their posts, newest first, one who wrote none too', () => {
    expect(index.authors.map(({ id, url, posts }) => ({ id, url, posts: posts.map((entry) => entry.title) }))).toEqual([
      { id: 'folio-author', url: '/authors/folio-author/', posts: ['No author', 'Two authors', "From Next's blog-starter"] },
      { id: 'ada-reviewer', url: '/authors/ada-reviewer/', posts: ['One author', 'Two authors', 'One in a list'] },
    ]);
    const empty = loadContent(production(writePosts({ 'x.md': post('title: X\ndate: 2020-01-01') })));
    expect(empty.authors.map(({ id, posts }) => [id, posts.length])).toEqual([['folio-author', 1], ['ada-reviewer', 0]]);
  });

  it('puts the authors\' index and each author\'s page in the sitemap\'s pages', () => {
    const urls = sitePages(index).map((page) => page.url);
    expect(urls.filter((url) => url.startsWith('/authors/'))).toEqual(['/authors/', '/authors/folio-author/', '/authors/ada-reviewer/']);
  });
});

describe('errors in a post\'s authors', () => {
  it('names the file, line and field of an unknown id, in author and in authors', () => {
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\nauthor: ada-reviwer') })).toEqual([
      'posts/a.md:4: author: "ada-reviwer" is not an author of the site: name one of "folio-author", "ada-reviewer" (the authors in lib/config/settings.ts)',
    ]);
    expect(errorsOf({ 'b.md': post('title: B\ndate: 2020-01-01\nauthors:\n  - folio-author\n  - nobody') })).toEqual([
      'posts/b.md:6: authors.1: "nobody" is not an author of the site: name one of "folio-author", "ada-reviewer" (the authors in lib/config/settings.ts)',
    ]);
  });

  it('refuses author and authors both, an id named twice, an empty list and a value that is no id', () => {
    expect(errorsOf({ 'both.md': post('title: Both\ndate: 2020-01-01\nauthor: folio-author\nauthors: [ada-reviewer]') })).toEqual([
      'posts/both.md:5: authors: and author are both given: name every author under authors',
    ]);
    expect(errorsOf({ 'twice.md': post('title: Twice\ndate: 2020-01-01\nauthors: [ada-reviewer, ada-reviewer]') })).toEqual(['posts/twice.md:4: authors.1: "ada-reviewer" is named twice']);
    expect(errorsOf({ 'empty.md': post('title: Empty\ndate: 2020-01-01\nauthors: []') })).toEqual(['posts/empty.md:4: authors: must name at least one author']);
    expect(errorsOf({ 'number.md': post('title: Number\ndate: 2020-01-01\nauthor: 42') })).toEqual(['posts/number.md:4: author: must be an author id from the settings, like "ada"; got 42']);
  });

  it('lists every post with a broken author in one failure, beside other broken posts', () => {
    expect(
      errorsOf({
        'a.md': post('title: A\ndate: 2020-01-01\nauthor: nobody'),
        'b.md': post('title: B\ndate: 2020-01-01\nauthors: [folio-author, "<script>"]'),
        'c.md': post('title: C\ndate: not-a-date'),
        'fine.md': post('title: Fine\ndate: 2020-01-01\nauthor: ada-reviewer'),
      }).sort(),
    ).toEqual([
      'posts/a.md:4: author: "nobody" is not an author of the site: name one of "folio-author", "ada-reviewer" (the authors in lib/config/settings.ts)',
      'posts/b.md:4: authors.1: "<script>" is not an author of the site: name one of "folio-author", "ada-reviewer" (the authors in lib/config/settings.ts)',
      'posts/c.md:3: date: "not-a-date" is not a valid date (use YYYY-MM-DD)',
    ]);
  });

  it('keeps a post with an unknown author as broken in dev, so its page shows the error', () => {
    const { posts, broken } = loadContent(dev(writePosts({ 'a.md': post('title: A\ndate: 2020-01-01\nauthor: nobody'), 'b.md': post('title: B\ndate: 2020-01-01') })));
    expect(posts.map((entry) => entry.title)).toEqual(['B']);
    expect(broken.map((entry) => [entry.sourcePath, entry.error.field, entry.error.line])).toEqual([['posts/a.md', 'author', 4]]);
  });
});

describe('the authors\' avatars', () => {
  const author = (id: string, avatar: string | null) => ({ id, name: id, bio: 'Bio.', avatar, links: [] });

  it('are made square, 64 and 128 px wide, in AVIF, WebP and the image\'s own format, and shown as a picture of them', async () => {
    const { store, publicDir } = scratchImageStore();
    await writeImage(`${publicDir}/people/wide.jpg`, 300, 200);
    await writeImage(`${publicDir}/people/tiny.png`, 40, 40, 'png');
    const { avatars, files } = await makeAvatars([author('wide', '/people/wide.jpg'), author('none', null), author('tiny', '/people/tiny.png')], store, publicDir, 'settings.ts');
    expect(Object.keys(avatars).sort()).toEqual(['tiny', 'wide']);
    expect(avatars.wide.variants.map(({ format, width, height }) => `${format} ${width}×${height}`).sort()).toEqual(['avif 128×128', 'avif 64×64', 'jpeg 128×128', 'jpeg 64×64', 'webp 128×128', 'webp 64×64']);
    // Never wider than the image: a 40 px one is made at 40 px alone.
    expect(avatars.tiny.variants.map(({ format, width }) => `${format} ${width}`).sort()).toEqual(['avif 40', 'png 40', 'webp 40']);
    expect(files.sort()).toEqual([...avatars.wide.variants, ...avatars.tiny.variants].map((variant) => variant.file).sort());
    const picture = avatarPicture(avatars.wide, (sitePath) => sitePath);
    expect(picture.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    expect(picture.src).toMatch(/^\/_img\/wide-[0-9a-f]{12}-64\.jpg$/);
    expect(picture.srcSet).toMatch(/^\/_img\/wide-[0-9a-f]{12}-64\.jpg 64w, \/_img\/wide-[0-9a-f]{12}-128\.jpg 128w$/);
    expect([picture.width, picture.height]).toEqual([64, 64]);
    // Under the base path, each file's href is.
    const underBasePath = avatarPicture(avatars.wide, (sitePath) => `/my-repo${sitePath}`);
    expect([underBasePath.src, ...underBasePath.srcSet.split(', '), ...underBasePath.sources.flatMap((source) => source.srcSet.split(', '))].every((candidate) => candidate.startsWith('/my-repo/_img/'))).toBe(true);
    // Cached like every image: made once.
    const made = store.stats.made;
    await makeAvatars([author('wide', '/people/wide.jpg')], store, publicDir, 'settings.ts');
    expect(store.stats.made).toBe(made);
  });

  it('are listed in the settings\' order, whichever image is made first, so two builds write the same site data', async () => {
    const { store, publicDir } = scratchImageStore();
    await writeImage(`${publicDir}/first.png`, 64, 64, 'png');
    await writeImage(`${publicDir}/second.png`, 64, 64, 'png');
    // The first author's image finishes last.
    const slowFirst: typeof store = {
      ...store,
      avatarImage: async (file) => {
        if (file.endsWith('first.png')) await new Promise((resolve) => setTimeout(resolve, 50));
        return store.avatarImage(file);
      },
    };
    const { avatars, files } = await makeAvatars([author('first', '/first.png'), author('second', '/second.png')], slowFirst, publicDir, 'settings.ts');
    expect(Object.keys(avatars)).toEqual(['first', 'second']);
    expect(files.map((file) => file.split('-')[0])).toEqual([...avatars.first.variants.map(() => 'first'), ...avatars.second.variants.map(() => 'second')]);
  });

  it('fail the build naming each setting whose image is missing, outside public/ or not an image', async () => {
    const { store, publicDir } = scratchImageStore();
    fs.writeFileSync(`${publicDir}/notes.png`, 'not an image');
    const failure = await makeAvatars([author('a', '/gone.png'), author('b', '/../secret.png'), author('c', '/notes.png')], store, publicDir, 'lib/config/settings.ts').then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure?.split('\n')).toEqual([
      "The authors' avatars cannot be made:",
      '  lib/config/settings.ts: authors.0.avatar: "/gone.png" points to a file that does not exist in public/',
      '  lib/config/settings.ts: authors.1.avatar: "/../secret.png" points outside public/',
      expect.stringMatching(/^ {2}lib\/config\/settings\.ts: authors\.2\.avatar: "\/notes\.png" cannot be read as an image/),
    ]);
  });
});
