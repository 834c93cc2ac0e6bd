/** @jest-environment node */
import path from 'node:path';
import { loadContent, readBody } from '../lib/content/load';
import { type ContentIndex, type Post } from '../lib/content/types';
import { compileBody, type Heading } from '../lib/markdown/compile';
import { adjacentPosts, relatedPosts, seriesOf, tableOfContents } from '../lib/page-props/post';
import { archiveByYear, postListPage, termCounts, termListing } from '../lib/page-props/lists';
import { laterPages, pageCount, pageUrl, paginate } from '../lib/routes/pagination';
import { scratchImageStore } from './helpers/images';
import { post, writePosts } from './helpers/posts-dir';
import { oneLanguagePage } from './helpers/page-language';

const load = (files: Record<string, string>): ContentIndex => {
  const dir = writePosts(files);
  return loadContent({ dir, root: path.dirname(dir), includeDrafts: false, keepBroken: false });
};

/** `count` posts, one a day from 2020-01-01 on: `post-1` is the oldest. */
function datedPosts(count: number, frontMatter: (n: number) => string = () => ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= count; n++) {
    const date = new Date(Date.UTC(2020, 0, n)).toISOString().slice(0, 10);
    files[`post-${n}.md`] = post(`title: Post ${n}\ndate: ${date}\n${frontMatter(n)}`, `The body of post ${n}. `.repeat(50));
  }
  return files;
}

const bySlug = (index: ContentIndex, slug: string): Post => index.posts.find((entry) => entry.slug === slug)!;
const menu = [{ label: 'Posts', href: '/' }];

describe('pagination', () => {
  it('counts pages, with one page for an empty list', () => {
    expect([0, 1, 9, 10, 11, 20, 21].map((total) => pageCount(total, 10))).toEqual([1, 1, 1, 1, 2, 2, 3]);
  });

  it('puts page 1 at the list URL and later pages under page/<n>/', () => {
    expect(pageUrl('/', 1)).toBe('/');
    expect(pageUrl('/', 3)).toBe('/page/3/');
    expect(pageUrl('/tags/%E4%B8%AD%E6%96%87/', 2)).toBe('/tags/%E4%B8%AD%E6%96%87/page/2/');
  });

  it('lists the later pages as route params', () => {
    expect(laterPages(0, 10)).toEqual([]);
    expect(laterPages(10, 10)).toEqual([]);
    expect(laterPages(11, 10)).toEqual(['2']);
    expect(laterPages(25, 10)).toEqual(['2', '3']);
  });

  it('slices a page and links its newer and older neighbours', () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    expect(paginate(items, '/', 1, 10)).toEqual({ items: items.slice(0, 10), pagination: { page: 1, pageCount: 3, previousUrl: null, nextUrl: '/page/2/' } });
    expect(paginate(items, '/', 2, 10)).toEqual({ items: items.slice(10, 20), pagination: { page: 2, pageCount: 3, previousUrl: '/', nextUrl: '/page/3/' } });
    expect(paginate(items, '/', 3, 10)).toEqual({ items: [20, 21, 22, 23, 24], pagination: { page: 3, pageCount: 3, previousUrl: '/page/2/', nextUrl: null } });
    expect(paginate([], '/tags/x/', 1, 10)).toEqual({ items: [], pagination: { page: 1, pageCount: 1, previousUrl: null, nextUrl: null } });
  });

  it('refuses a page outside the list', () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    for (const page of [0, 4, 1.5, -1]) expect(() => paginate(items, '/', page, 10)).toThrow(`/ has no page ${page}; it has 3`);
  });
});

describe('postListPage', () => {
  const index = load(datedPosts(23));
  const home = { posts: index.posts, baseUrl: '/', heading: 'Latest posts', description: 'A blog.', title: null };

  it('gives page 1 the newest posts, page-sized, as summaries without bodies', () => {
    const props = postListPage(home, 1, 10, { menu, language: oneLanguagePage });
    expect(props.posts.map((entry) => entry.slug)).toEqual(['post-23', 'post-22', 'post-21', 'post-20', 'post-19', 'post-18', 'post-17', 'post-16', 'post-15', 'post-14']);
    expect(props.posts[0]).not.toHaveProperty('body');
    expect(props.posts[0]).not.toHaveProperty('frontMatter');
    expect(props).toMatchObject({ menu, heading: 'Latest posts', title: null, description: 'A blog.', path: '/', feeds: [], pagination: { page: 1, pageCount: 3, previousUrl: null, nextUrl: '/page/2/' } });
  });

  it('gives a later page its own posts, URL and a title with its number', () => {
    const props = postListPage(home, 3, 10, { menu, language: oneLanguagePage });
    expect(props.posts.map((entry) => entry.slug)).toEqual(['post-3', 'post-2', 'post-1']);
    expect(props).toMatchObject({ heading: 'Latest posts', title: 'Latest posts, page 3 of 3', path: '/page/3/', pagination: { previousUrl: '/page/2/', nextUrl: null } });
  });

  it('keeps the props of page 1 the same size however many posts there are', () => {
    const size = (count: number) => JSON.stringify(postListPage({ ...home, posts: load(datedPosts(count)).posts }, 1, 10, { menu, language: oneLanguagePage })).length;
    // Ten times the posts: still ten summaries; only longer numbers in titles and URLs differ.
    expect(size(240) / size(24)).toBeLessThan(1.1);
  });

  it('pages a tag with a non-ASCII name under its percent-encoded URL', () => {
    const tagged = load(datedPosts(12, (n) => (n % 2 ? 'tags: ["中文", "Größe"]' : 'tags: ["Tiếng Việt"]')));
    const chinese = tagged.tags.find((tag) => tag.name === '中文')!;
    expect(chinese).toMatchObject({ slug: '中文', url: '/tags/%E4%B8%AD%E6%96%87/' });
    const list = termListing(chinese, 'tags');
    expect(list).toMatchObject({ baseUrl: '/tags/%E4%B8%AD%E6%96%87/', heading: 'Posts tagged “中文”', title: 'Posts tagged “中文”' });
    const first = postListPage(list, 1, 4, { menu, language: oneLanguagePage });
    expect(first.posts.map((entry) => entry.slug)).toEqual(['post-11', 'post-9', 'post-7', 'post-5']);
    expect(first.pagination).toEqual({ page: 1, pageCount: 2, previousUrl: null, nextUrl: '/tags/%E4%B8%AD%E6%96%87/page/2/' });
    const second = postListPage(list, 2, 4, { menu, language: oneLanguagePage });
    expect(second).toMatchObject({ path: '/tags/%E4%B8%AD%E6%96%87/page/2/', title: 'Posts tagged “中文”, page 2 of 2', pagination: { previousUrl: '/tags/%E4%B8%AD%E6%96%87/' } });
    expect(second.posts.map((entry) => entry.slug)).toEqual(['post-3', 'post-1']);
    // Every page of the list links the tag's own feeds, under /feeds/ and the tag's percent-encoded path.
    for (const page of [first, second]) expect(page.feeds.map((feed) => [feed.href, feed.title])).toEqual(['rss.xml', 'atom.xml', 'feed.json'].map((file) => [`/feeds/tags/%E4%B8%AD%E6%96%87/${file}`, 'Posts tagged “中文” | Folio']));

    const latin = tagged.tags.map((tag) => [tag.name, tag.url]);
    expect(latin).toEqual(
      expect.arrayContaining([
        ['Größe', '/tags/grosse/'],
        ['Tiếng Việt', '/tags/tieng-viet/'],
      ]),
    );
  });

  it('words a category page for its category', () => {
    const index = load(datedPosts(2, () => 'category: DevOps'));
    expect(termListing(index.categories[0], 'categories')).toMatchObject({ baseUrl: '/categories/devops/', heading: 'Posts in DevOps', description: 'Every post in the category DevOps, newest first.' });
  });
});

describe('termCounts', () => {
  it('gives every term its name, URL and number of posts, by name', () => {
    const index = load(datedPosts(5, (n) => `tags: [${n <= 3 ? 'aws, ' : ''}${n % 2 ? 'caching' : 'zebra'}]\ncategory: ${n === 1 ? 'Notes' : 'Ops'}`));
    expect(termCounts(index.tags)).toEqual([
      { name: 'aws', url: '/tags/aws/', count: 3 },
      { name: 'caching', url: '/tags/caching/', count: 3 },
      { name: 'zebra', url: '/tags/zebra/', count: 2 },
    ]);
    expect(termCounts(index.categories)).toEqual([
      { name: 'Notes', url: '/categories/notes/', count: 1 },
      { name: 'Ops', url: '/categories/ops/', count: 4 },
    ]);
  });

  it("gives every series its name, URL and number of parts, by name, for the series index", () => {
    const index = load(datedPosts(5, (n) => (n === 5 ? '' : `series: ${n <= 3 ? 'Zebra crossings' : 'Caching at scale'}`)));
    expect(termCounts(index.series)).toEqual([
      { name: 'Caching at scale', url: '/series/caching-at-scale/', count: 1 },
      { name: 'Zebra crossings', url: '/series/zebra-crossings/', count: 3 },
    ]);
  });
});

describe('archiveByYear', () => {
  it('groups newest-first posts by year and then by month, newest first, each entry only title, URL and date', () => {
    const index = load({
      'a.md': post('title: A\ndate: 2019-06-20\ntags: [x]'),
      'b.md': post('title: B\ndate: 2018-03-02'),
      'c.md': post('title: C\ndate: 2019-01-01'),
      'd.md': post('title: D\ndate: 2017-12-31'),
      'e.md': post('title: E\ndate: 2018-01-01'),
      'f.md': post('title: F\ndate: 2019-06-02'),
    });
    expect(archiveByYear(index.posts)).toEqual([
      {
        year: '2019',
        months: [
          { month: '2019-06', posts: [{ title: 'A', url: '/posts/a/', date: '2019-06-20' }, { title: 'F', url: '/posts/f/', date: '2019-06-02' }] },
          { month: '2019-01', posts: [{ title: 'C', url: '/posts/c/', date: '2019-01-01' }] },
        ],
      },
      {
        year: '2018',
        months: [
          { month: '2018-03', posts: [{ title: 'B', url: '/posts/b/', date: '2018-03-02' }] },
          { month: '2018-01', posts: [{ title: 'E', url: '/posts/e/', date: '2018-01-01' }] },
        ],
      },
      { year: '2017', months: [{ month: '2017-12', posts: [{ title: 'D', url: '/posts/d/', date: '2017-12-31' }] }] },
    ]);
    expect(archiveByYear([])).toEqual([]);
  });
});

describe('series', () => {
  const index = load({
    'intro.md': post('title: Intro\ndate: 2020-05-01\nseries: Deep dive\nseriesOrder: 1'),
    'later-numbered.md': post('title: Later numbered\ndate: 2020-01-01\nseries: Deep dive\nseriesOrder: 3'),
    'middle.md': post('title: Middle\ndate: 2020-06-01\nseries: Deep dive\nseriesOrder: 2'),
    'extra-b.md': post('title: Extra B\ndate: 2020-02-01\nseries: Deep Dive'),
    'extra-a.md': post('title: Extra A\ndate: 2020-09-01\nseries: Deep dive'),
    'dated-2.md': post('title: Second\ndate: 2021-02-01\nseries: Dated'),
    'dated-1.md': post('title: First\ndate: 2021-01-01\nseries: "Dated"'),
    'alone.md': post('title: Alone\ndate: 2021-03-01'),
  });
  const titles = (slug: string) => index.series.find((group) => group.slug === slug)!.posts.map((entry) => entry.title);

  it('orders parts by seriesOrder, then the parts without one by date, oldest first', () => {
    expect(index.series.map((group) => [group.name, group.url])).toEqual([
      ['Dated', '/series/dated/'],
      ['Deep dive', '/series/deep-dive/'],
    ]);
    expect(titles('deep-dive')).toEqual(['Intro', 'Middle', 'Later numbered', 'Extra B', 'Extra A']);
    expect(titles('dated')).toEqual(['First', 'Second']);
  });

  it("gives each part's page every part in order and its own position; a post in no series gets none", () => {
    expect(seriesOf(index, bySlug(index, 'middle'))).toEqual({
      name: 'Deep dive',
      url: '/series/deep-dive/',
      parts: ['intro', 'middle', 'later-numbered', 'extra-b', 'extra-a'].map((slug) => ({ title: bySlug(index, slug).title, url: `/posts/${slug}/`, date: bySlug(index, slug).date })),
      current: 1,
    });
    expect(seriesOf(index, bySlug(index, 'extra-a'))?.current).toBe(4);
    expect(seriesOf(index, bySlug(index, 'alone'))).toBeNull();
  });
});

describe('featured posts', () => {
  const index = load(datedPosts(12, (n) => (n === 1 || n === 7 ? 'featured: true' : '')));
  const listing = { posts: index.posts, baseUrl: '/', heading: 'Latest posts', description: '', title: null, featured: index.posts.filter((entry) => entry.featured) };

  it('are on the first page only, newest first, and stay in the list below', () => {
    const first = postListPage(listing, 1, 10, { menu, language: oneLanguagePage });
    expect(first.featured.map((entry) => entry.slug)).toEqual(['post-7', 'post-1']);
    expect(first.posts.map((entry) => entry.slug)).toContain('post-7');
    const second = postListPage(listing, 2, 10, { menu, language: oneLanguagePage });
    expect(second.featured).toEqual([]);
    expect(second.posts.map((entry) => entry.slug)).toEqual(['post-2', 'post-1']);
  });

  it('are none on a list that names none', () => {
    expect(postListPage({ ...listing, featured: undefined }, 1, 10, { menu, language: oneLanguagePage }).featured).toEqual([]);
  });
});

describe('adjacentPosts', () => {
  const index = load(datedPosts(3));

  it('links the post published before as previous and the one after as next', () => {
    expect(adjacentPosts(index, bySlug(index, 'post-2'))).toEqual({
      previous: { title: 'Post 1', url: '/posts/post-1/', date: '2020-01-01' },
      next: { title: 'Post 3', url: '/posts/post-3/', date: '2020-01-03' },
    });
  });

  it('has no previous for the oldest post and no next for the newest', () => {
    expect(adjacentPosts(index, bySlug(index, 'post-1'))).toEqual({ previous: null, next: { title: 'Post 2', url: '/posts/post-2/', date: '2020-01-02' } });
    expect(adjacentPosts(index, bySlug(index, 'post-3'))).toEqual({ previous: { title: 'Post 2', url: '/posts/post-2/', date: '2020-01-02' }, next: null });
    const alone = load(datedPosts(1));
    expect(adjacentPosts(alone, alone.posts[0])).toEqual({ previous: null, next: null });
  });
});

describe('relatedPosts', () => {
  const index = load({
    'subject.md': post('title: Subject\ndate: 2020-06-01\ntags: [aws, caching, cdn]'),
    'one-old.md': post('title: One shared, old\ndate: 2018-01-01\ntags: [aws]'),
    'one-new.md': post('title: One shared, new\ndate: 2021-01-01\ntags: [cdn, other]'),
    'two.md': post('title: Two shared\ndate: 2017-01-01\ntags: [aws, cdn]'),
    'three.md': post('title: Three shared\ndate: 2016-01-01\ntags: [AWS, caching, cdn]'),
    'one-mid.md': post('title: One shared, mid\ndate: 2019-01-01\ntags: [caching]'),
    'none.md': post('title: Shares nothing with Subject\ndate: 2022-01-01\ntags: [other]'),
    'untagged.md': post('title: Untagged\ndate: 2023-01-01'),
  });

  it('ranks by shared tags, most first, then newest, without the post itself, up to 3', () => {
    expect(relatedPosts(index, bySlug(index, 'subject')).map((entry) => entry.title)).toEqual(['Three shared', 'Two shared', 'One shared, new']);
    expect(relatedPosts(index, bySlug(index, 'subject'), 10).map((entry) => entry.title)).toEqual(['Three shared', 'Two shared', 'One shared, new', 'One shared, mid', 'One shared, old']);
  });

  it('gives only titles, URLs and dates', () => {
    expect(relatedPosts(index, bySlug(index, 'one-old'), 1)).toEqual([{ title: 'Subject', url: '/posts/subject/', date: '2020-06-01' }]);
  });

  it('ranks as counting every shared tag of every other post would, with many posts over few tags', () => {
    const TAGS = ['a', 'b', 'c', 'd', 'e', 'f'];
    // A fixed pseudo-random spread of one to four tags a post, so some tag sets are common and some rare.
    const many = load(datedPosts(300, (n) => `tags: [${TAGS.filter((_, t) => ((n * 7 + t * 13) * (t + 3)) % 5 < 2 || t === n % TAGS.length).join(', ')}]`));
    const byCounting = (subject: Post) => {
      const shared = (other: Post) => subject.tags.filter((tag) => other.tags.some((theirs) => theirs.slug === tag.slug)).length;
      return many.posts
        .filter((other) => other !== subject && shared(other) > 0)
        .map((other, order) => ({ other, shared: shared(other), order }))
        .sort((x, y) => y.shared - x.shared || x.order - y.order)
        .map(({ other }) => ({ title: other.title, url: other.url, date: other.date }));
    };
    for (const subject of many.posts) {
      expect(relatedPosts(many, subject)).toEqual(byCounting(subject).slice(0, 3));
      expect(relatedPosts(many, subject, 40)).toEqual(byCounting(subject).slice(0, 40));
    }
  });

  it('finds none for a post without tags or whose tags no other post has', () => {
    expect(relatedPosts(index, bySlug(index, 'untagged'))).toEqual([]);
    const solo = load({ 'solo.md': post('title: Solo\ndate: 2020-01-01\ntags: [alone]'), 'other.md': post('title: Other\ndate: 2020-01-02\ntags: [else]') });
    expect(relatedPosts(solo, bySlug(solo, 'solo'))).toEqual([]);
  });
});

describe('tableOfContents', () => {
  const h = (depth: number, text: string): Heading => ({ depth, id: text.toLowerCase().replaceAll(' ', '-'), text });

  it('is empty below three headings', () => {
    expect(tableOfContents([])).toEqual([]);
    expect(tableOfContents([h(2, 'One'), h(3, 'Two')])).toEqual([]);
  });

  it('nests each h3 under the h2 before it, and keeps an h3 before any h2 at the top', () => {
    expect(tableOfContents([h(3, 'Preface'), h(2, 'Setup'), h(3, 'Install'), h(3, 'Configure'), h(2, 'Usage')])).toEqual([
      { id: 'preface', text: 'Preface', children: [] },
      {
        id: 'setup',
        text: 'Setup',
        children: [
          { id: 'install', text: 'Install', children: [] },
          { id: 'configure', text: 'Configure', children: [] },
        ],
      },
      { id: 'usage', text: 'Usage', children: [] },
    ]);
  });

  it('ranks headings relative to each other: sections that are all h3 sit side by side, and an h2 after them opens its own', () => {
    expect(tableOfContents([h(3, 'One'), h(3, 'Two'), h(3, 'Three'), h(2, 'Four'), h(3, 'Five')])).toEqual([
      { id: 'one', text: 'One', children: [] },
      { id: 'two', text: 'Two', children: [] },
      { id: 'three', text: 'Three', children: [] },
      { id: 'four', text: 'Four', children: [{ id: 'five', text: 'Five', children: [] }] },
    ]);
  });
});

describe('tableOfContents of a compiled body', () => {
  jest.setTimeout(60_000);
  const { store: imageStore } = scratchImageStore();
  const headingsOf = async (post: Post) => (await compileBody({ ...post, body: readBody(post) }, { imageStore })).headings;
  const compiledHeadings = async (body: string) => headingsOf(bySlug(load({ 'notes.md': post('title: Notes\ndate: 2020-01-01', body) }), 'notes'));

  it("lists the five ### sections of the sample post posts/reinvent-2017.md side by side", async () => {
    const root = path.resolve(__dirname, '..');
    const sample = loadContent({ dir: path.join(root, 'posts'), root, includeDrafts: false, keepBroken: false });
    const contents = tableOfContents(await headingsOf(bySlug(sample, 'reinvent-2017')));
    expect(contents).toEqual([
      { id: 'cache-me-if-you-can', text: 'Cache me if you can', children: [] },
      { id: 'scaling-to-your-first-10million-users', text: 'Scaling to your first 10million users', children: [] },
      { id: 'a-day-in-the-life-of-a-netflix-engineer-iii', text: 'A day in the life of a netflix engineer III', children: [] },
      { id: 'performing-chaos-at-netflix-scale', text: 'Performing chaos at netflix scale', children: [] },
      { id: 'summary', text: 'Summary', children: [] },
    ]);
  });

  it('leaves out the hidden "Footnotes" heading of GFM footnotes: it is not an entry, and does not count toward the three headings', async () => {
    const withFootnote = '## Setup\n\nInstall it.[^1]\n\n## Usage\n\nRun it.\n\n[^1]: With npm.';
    expect(await compiledHeadings(withFootnote)).toEqual([
      { depth: 2, id: 'setup', text: 'Setup' },
      { depth: 2, id: 'usage', text: 'Usage' },
    ]);
    expect(tableOfContents(await compiledHeadings(withFootnote))).toEqual([]);
    const contents = tableOfContents(await compiledHeadings(`${withFootnote}\n\n## Next steps\n\nMore.`));
    expect(contents.map((entry) => entry.text)).toEqual(['Setup', 'Usage', 'Next steps']);
  });
});
