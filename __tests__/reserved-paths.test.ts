/** @jest-environment node */
// The names the build owns (lib/routes/table.ts), as an exported site has them: no page
// may take one at the root, and only `index` is refused below it.
import { loadContent } from '../lib/content/load';
import { RESERVED_ROOT_NAMES, reservedSlugProblem } from '../lib/routes/table';
import { production } from './helpers/load-posts';
import { post, writePosts } from './helpers/posts-dir';

/** Every name the build writes at the root of `out/` besides the pages of posts: the list pages, Next's files, feeds, icons, scripts. */
const EXPORT_ROOT = [
  'posts', 'page', 'tags', 'categories', 'series', 'authors', 'archive', 'search', '404', 'index', '_next', '404.html', 'pagefind', '_img', 'katex',
  'rss.xml', 'atom.xml', 'feed.json', 'feeds', 'feed.xsl', 'llms.txt', 'sitemap.xml', 'robots.txt', '_headers', '_redirects',
  'favicon.ico', 'icons', 'manifest.webmanifest', 'comments.js', 'search.js', 'admin',
];

describe('reservedSlugProblem', () => {
  it.each(EXPORT_ROOT)('refuses %s at the root of the site', (name) => {
    expect(reservedSlugProblem(`/${name}/`)).toBe(`/${name}/ is a path the build writes itself`);
  });

  it('reserves nothing at the root but what the build writes there', () => {
    // Strictly: the set holds these names and nothing else (no `undefined` for a path without a segment).
    expect([...RESERVED_ROOT_NAMES].sort()).toStrictEqual([...EXPORT_ROOT].sort());
    expect(reservedSlugProblem('/about/')).toBeNull();
  });

  it('refuses only index below the root, where the build writes no file of its own', () => {
    for (const parent of ['/posts/', '/tags/', '/categories/']) {
      expect(reservedSlugProblem(`${parent}index/`)).toBe(`${parent}index/ is a path the build writes itself`);
      for (const name of ['katex', 'search', 'tags', 'pagefind']) expect(reservedSlugProblem(`${parent}${name}/`)).toBeNull();
    }
  });

  it('lets a post, a tag and a category take a name that only the root reserves', () => {
    const index = loadContent(production(writePosts({ 'katex.md': post('title: Math\ndate: 2020-01-01\ntags: [search]\ncategory: pagefind') })));
    expect(index.posts.map((entry: { url: string }) => entry.url)).toEqual(['/posts/katex/']);
    expect([index.tags[0].url, index.categories[0].url]).toEqual(['/tags/search/', '/categories/pagefind/']);
  });
});
