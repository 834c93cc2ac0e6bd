/**
 * @jest-environment node
 *
 * Builds a site with a series of three parts (with a hostile name), a featured post old
 * enough to be on the home list's second page, and posts across months of two years, with the
 * real `next build` and post-export step (scripts/build-site.ts), and reads `out/`: the series
 * index, the series page, "Part N of M" on each part, the JSON-LD's isPartOf, the featured section on the home
 * page's first page only, the archive's months, and the sitemap.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { site } from '../lib/config/site';
import { slugify } from '../lib/content/slug';
import { post, writePosts } from './helpers/posts-dir';
import { buildSite, removeBuiltSites } from './helpers/build-site';

jest.setTimeout(300_000);
afterAll(removeBuiltSites);

const SERIES = 'Caching & <b>friends</b> </script><script>alert(1)</script>';
const SERIES_SLUG = slugify(SERIES);
const SERIES_PATH = `/series/${SERIES_SLUG}/`;
const FILLERS = 10;

function fixturePosts(): string {
  const series = `series: ${JSON.stringify(SERIES)}`;
  const files: Record<string, string> = {
    // Numbered parts first, by number, then the unnumbered one: the dates say otherwise.
    'why-cache.md': post(`title: Why cache\ndate: 2021-03-20\n${series}\nseriesOrder: 1`),
    'cache-layers.md': post(`title: Cache layers\ndate: 2021-01-10\n${series}\nseriesOrder: 2`),
    'invalidation.md': post(`title: Invalidation\ndate: 2021-02-01\n${series}`),
    'old-favourite.md': post('title: Old favourite\ndate: 2020-06-15\nfeatured: true\nexcerpt: The one everyone reads.'),
    'about.md': post('title: About\ndate: 2019-01-01\ntemplate: page'),
  };
  for (let n = 1; n <= FILLERS; n++) files[`filler-${n}.md`] = post(`title: Filler ${n}\ndate: 2021-04-${String(n * 2).padStart(2, '0')}`);
  return writePosts(files);
}

describe('next build of a site with a series, a featured post and an archive by month', () => {
  let out: string;
  const page = (pagePath: string): Root => fromHtml(fs.readFileSync(path.join(out, ...decodeURI(pagePath).split('/'), 'index.html'), 'utf8'));
  const text = (node: Root | Element | undefined | null) => (node ? hastToString(node).replace(/\s+/g, ' ').trim() : null);
  const jsonLd = (tree: Root) => JSON.parse(text(select('script[type="application/ld+json"]', tree))!);
  /** The series navigation of a post page: its name, its entries (title and href, or "current"). */
  function seriesNav(tree: Root) {
    const nav = selectAll('article nav', tree).find((element) => text(element)?.startsWith('Part '));
    if (!nav) return null;
    // hast keeps aria-labelledby as its list of ids.
    const label = selectAll('[id]', nav).find((element) => String(element.properties.id) === String(nav.properties.ariaLabelledBy));
    return {
      label: text(label),
      seriesHref: select('a', label!)?.properties.href,
      parts: selectAll('ol > li', nav).map((item) => {
        const link = select('a', item);
        return link ? [text(link), link.properties.href] : [text(item), `current:${select('[aria-current]', item)?.properties.ariaCurrent}`];
      }),
    };
  }
  /** The post titles a list shows under `scope`, as hrefs. */
  const listed = (tree: Root | Element, selector: string) => selectAll(selector, tree).map((link) => link.properties.href);

  beforeAll(async () => {
    out = await buildSite(fixturePosts(), 'series-build-test');
  });

  it('writes the series page, listing every part in order under an escaped heading', () => {
    expect(fs.readdirSync(path.join(out, 'series')).sort()).toEqual([SERIES_SLUG, 'index.html'].sort());
    const html = fs.readFileSync(path.join(out, 'series', SERIES_SLUG, 'index.html'), 'utf8');
    expect(html).not.toContain('<b>friends');
    expect(html).not.toContain('<script>alert(1)');
    const tree = page(SERIES_PATH);
    expect(text(select('h1', tree))).toBe(`Series: ${SERIES}`);
    expect(listed(tree, 'main ol > li h2 a')).toEqual(['/posts/why-cache/', '/posts/cache-layers/', '/posts/invalidation/']);
    expect(select('link[rel="canonical"]', tree)?.properties.href).toBe(`${site.url}${SERIES_PATH}`);
    expect(select('nav[aria-label="Pagination"]', tree)).toBeUndefined();
  });

  it('shows each part "Part N of 3" and links every other part and the series page; the current part is no link', () => {
    const expected = (current: number) =>
      [
        ['Why cache', '/posts/why-cache/'],
        ['Cache layers', '/posts/cache-layers/'],
        ['Invalidation', '/posts/invalidation/'],
      ].map(([title, href], position) => (position === current ? [title, 'current:page'] : [title, href]));
    for (const [slug, current] of [['why-cache', 0], ['cache-layers', 1], ['invalidation', 2]] as const) {
      expect({ slug, nav: seriesNav(page(`/posts/${slug}/`)) }).toEqual({ slug, nav: { label: `Part ${current + 1} of 3 in the series ${SERIES}`, seriesHref: SERIES_PATH, parts: expected(current) } });
    }
    expect(seriesNav(page('/posts/filler-1/'))).toBeNull();
  });

  it("says in each part's JSON-LD that it is part of the series, a CreativeWorkSeries at the series page's URL", () => {
    const html = fs.readFileSync(path.join(out, 'posts', 'why-cache', 'index.html'), 'utf8');
    // One JSON-LD script, whole: the series name cannot end it or open another.
    expect(html.match(/<script type="application\/ld\+json"/g)).toHaveLength(1);
    expect(html).not.toContain('<script>alert(1)');
    expect(jsonLd(page('/posts/why-cache/')).isPartOf).toEqual({ '@type': 'CreativeWorkSeries', name: SERIES, url: `${site.url}${SERIES_PATH}` });
    expect(jsonLd(page('/posts/filler-1/'))).not.toHaveProperty('isPartOf');
  });

  it('writes the series index, each series a link with its number of parts, its name escaped', () => {
    const html = fs.readFileSync(path.join(out, 'series', 'index.html'), 'utf8');
    expect(html).not.toContain('<b>friends');
    expect(html).not.toContain('<script>alert(1)');
    const tree = page('/series/');
    expect(text(select('h1', tree))).toBe('Series');
    expect(text(select('title', tree))).toBe(`Series | ${site.title}`);
    expect(select('meta[name="description"]', tree)?.properties.content).toBe('Every series, with its number of parts.');
    expect(select('link[rel="canonical"]', tree)?.properties.href).toBe(`${site.url}/series/`);
    expect(selectAll('main li', tree).map((item) => [text(item), select('a', item)?.properties.href])).toEqual([[`${SERIES} 3 parts`, SERIES_PATH]]);
    // A reader page: no script of Next's, like every list page.
    expect(selectAll('script[src]', tree)).toEqual([]);
  });

  it('lists the series index and the series page in the sitemap', () => {
    const sitemap = fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${site.url}/series/</loc>`);
    expect(sitemap).toContain(`<loc>${site.url}${SERIES_PATH}</loc>`);
  });

  it("opens the home page's first page, and only it, with the featured post, which the list below keeps in its place", () => {
    const home = page('/');
    const featured = select('main section', home)!;
    expect(text(select('h2', featured))).toBe('Featured');
    expect(listed(featured, 'h3 a')).toEqual(['/posts/old-favourite/']);
    expect(text(featured)).toContain('The one everyone reads.');
    // Above the page's heading.
    const main = select('main', home)!;
    expect(main.children.filter((child): child is Element => child.type === 'element').map((child) => child.tagName).slice(0, 2)).toEqual(['section', 'h1']);
    expect(listed(home, 'main > ol > li h2 a')).not.toContain('/posts/old-favourite/');

    const second = page('/page/2/');
    expect(selectAll('main section', second)).toEqual([]);
    expect(fs.readFileSync(path.join(out, 'page', '2', 'index.html'), 'utf8')).not.toContain('>Featured</h2>');
    expect(listed(second, 'main > ol > li h2 a')).toContain('/posts/old-favourite/');
    expect(fs.readFileSync(path.join(out, 'series', SERIES_SLUG, 'index.html'), 'utf8')).not.toContain('>Featured</h2>');
  });

  it('groups each year of the archive by month, newest first, each month a heading with its YYYY-MM', () => {
    const archive = page('/archive/');
    const years = selectAll('main section', archive).map((section) => [
      text(select('h2', section)),
      selectAll('h3', section).map((heading) => {
        const list = section.children.filter((child): child is Element => child.type === 'element').flatMap((child) => (child.children.includes(heading) ? [child] : []))[0];
        return [text(heading), select('time', heading)?.properties.dateTime, selectAll('li time', list).map((time) => time.properties.dateTime)];
      }),
    ]);
    expect(years).toEqual([
      [
        '2021',
        [
          ['April', '2021-04', Array.from({ length: FILLERS }, (_, i) => `2021-04-${String((FILLERS - i) * 2).padStart(2, '0')}`)],
          ['March', '2021-03', ['2021-03-20']],
          ['February', '2021-02', ['2021-02-01']],
          ['January', '2021-01', ['2021-01-10']],
        ],
      ],
      ['2020', [['June', '2020-06', ['2020-06-15']]]],
    ]);
  });
});
