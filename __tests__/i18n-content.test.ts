/**
 * @jest-environment node
 *
 * Posts in several languages, as the loader reads them: a post's language from `lang:` or its
 * folder, its URL under its language's prefix, translations linked by key or file name, tags
 * per language, and the errors of a post whose language cannot be trusted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadContent } from '../lib/content/load';
import type { ContentLanguages } from '../lib/content/types';
import { production, loadErrors } from './helpers/load-posts';
import { post, writePosts } from './helpers/posts-dir';

/** English (the default), French and Arabic, with `posts/<code>/` folders. */
const languages: ContentLanguages = { codes: ['en', 'fr', 'ar'], folders: true };

const load = (dir: string) => loadContent({ ...production(dir), languages });
const errorsOf = (dir: string) => {
  try {
    load(dir);
  } catch (error) {
    return (error as { errors: { message: string }[] }).errors.map((entry) => entry.message).sort();
  }
  throw new Error('expected the load to fail');
};

describe('posts in several languages', () => {
  it("takes a post's language from its folder or its lang:, and puts every language but the default under its code", () => {
    const dir = writePosts({
      'en/hello.md': post('title: Hello\ndate: 2024-01-01\ntags: [cache]'),
      'fr/hello.md': post('title: Bonjour\ndate: 2024-01-02\ntags: [cache]'),
      'marhaba.md': post('title: مرحبا\ndate: 2024-01-03\nlang: ar\ntranslationKey: hello'),
      'about.md': post('title: About\ndate: 2024-01-01\ntemplate: page'),
      'fr/a-propos.md': post('title: À propos\ndate: 2024-01-01\ntemplate: page\ntranslationKey: about'),
    });
    const index = load(dir);
    const byTitle = Object.fromEntries([...index.posts, ...index.pages].map((entry) => [entry.title, { lang: entry.lang, url: entry.url, key: entry.translationKey }]));
    expect(byTitle).toEqual({
      Hello: { lang: 'en', url: '/posts/hello/', key: 'hello' },
      Bonjour: { lang: 'fr', url: '/fr/posts/hello/', key: 'hello' },
      مرحبا: { lang: 'ar', url: '/ar/posts/marhaba/', key: 'hello' },
      About: { lang: 'en', url: '/about/', key: 'about' },
      'À propos': { lang: 'fr', url: '/fr/a-propos/', key: 'about' },
    });
    // One tag in two languages is two lists, each of its own language's posts.
    const tags = index.tags.map((tag) => ({ url: tag.url, posts: tag.posts.map((entry) => entry.title) }));
    expect(tags.sort((a, b) => a.url.localeCompare(b.url))).toEqual([
      { url: '/fr/tags/cache/', posts: ['Bonjour'] },
      { url: '/tags/cache/', posts: ['Hello'] },
    ]);
  });

  it('lists every post whose language is wrong in one failure, naming file, line and field', () => {
    const dir = writePosts({
      'de.md': post('title: Hallo\ndate: 2024-01-01\nlang: de'),
      'fr/mixed.md': post('title: Mixed\ndate: 2024-01-01\nlang: ar'),
      'fr/one.md': post('title: Un\ndate: 2024-01-01\ntranslationKey: same'),
      'fr/two.md': post('title: Deux\ndate: 2024-01-02\ntranslationKey: same'),
      'fine.md': post('title: Fine\ndate: 2024-01-01'),
    });
    expect(errorsOf(dir)).toEqual([
      'posts/de.md:4: lang: "de" is not one of the site\'s languages (en, fr, ar); add it to `languages` in lib/config/settings.ts',
      'posts/fr/mixed.md:4: lang: is "ar" but the post is in posts/fr/, the folder of "fr": move it, or remove lang',
      'posts/fr/one.md:4: translationKey: "same" is also the translation key of posts/fr/two.md, in the same language (fr); give each its own translationKey',
      'posts/fr/two.md:4: translationKey: "same" is also the translation key of posts/fr/one.md, in the same language (fr); give each its own translationKey',
    ]);
  });

  it('lets two languages share a slug, but not two posts of one language', () => {
    const dir = writePosts({
      'en/hello.md': post('title: Hello\ndate: 2024-01-01'),
      'hello.md': post('title: Hello again\ndate: 2024-01-02'),
      'fr/hello.md': post('title: Bonjour\ndate: 2024-01-02'),
    });
    expect(errorsOf(dir)).toEqual(expect.arrayContaining(['posts/en/hello.md: slug: "hello" is also the slug of posts/hello.md; each post needs its own']));
    expect(errorsOf(dir).join('\n')).not.toContain('posts/fr/hello.md');
  });

  it("refuses a page whose slug is another language's code, which is that language's home page", () => {
    const dir = writePosts({ 'fr.md': post('title: French\ndate: 2024-01-01\ntemplate: page') });
    expect(errorsOf(dir)).toEqual(['posts/fr.md: slug: /fr/ is a path the build writes itself; choose another slug']);
  });

  it('reads posts/fr/ as a folder post on a site of one language, as it always did', () => {
    const dir = writePosts({ 'fr/hello.md': post('title: Bonjour\ndate: 2024-01-02') });
    expect(loadErrors(dir)).toEqual(['posts/fr/: is a folder post without an index.md, index.markdown or index.mdx']);
  });

  it("refuses two languages' folder posts with one slug and files of their own, whose files would be published at one path", () => {
    const png = fs.readFileSync(path.join(__dirname, '..', 'public', 'images', 'authors', 'ada-reviewer.png'));
    const dir = writePosts({
      'en/trip/index.md': post('title: Trip\ndate: 2024-01-01', '![Map](./map.png)'),
      'en/trip/map.png': png,
      'fr/trip/index.md': post('title: Voyage\ndate: 2024-01-02', '![Carte](./map.png)'),
      'fr/trip/map.png': png,
      // A translation that is a folder post with no files of its own publishes none: it may share the slug.
      'ar/trip/index.md': post('title: رحلة\ndate: 2024-01-03'),
    });
    expect(errorsOf(dir)).toEqual([
      'posts/en/trip/index.md: slug: "trip" is also the slug of posts/fr/trip/index.md, a folder post in another language: a folder post\'s files are published at /posts/trip/ in every language, so give one of them another slug',
      'posts/fr/trip/index.md: slug: "trip" is also the slug of posts/en/trip/index.md, a folder post in another language: a folder post\'s files are published at /posts/trip/ in every language, so give one of them another slug',
    ]);
  });
});
