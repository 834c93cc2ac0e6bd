/**
 * @jest-environment node
 *
 * llms.txt (lib/export/llms-txt.ts): the exact file for a fixture, hostile titles and excerpts
 * that stay one list item each (read back with a Markdown parser), and the site's file from a
 * real content index's build manifest: published posts newest first, then pages, no drafts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Link, List, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { buildManifest } from '../lib/build/manifest';
import { loadContent } from '../lib/content/load';
import { llmsTxt, siteLlmsTxt, writeLlmsTxt, type LlmsTxtEntry } from '../lib/export/llms-txt';
import { post, writePosts } from './helpers/posts-dir';

const SITE = 'https://folio.example.com';
const WORDS = { title: 'Folio', description: 'Notes on caching.', postsHeading: 'Posts', pagesHeading: 'Pages' };
const HOSTILE: LlmsTxtEntry = {
  title: 'Ends ] here [x](https://evil.example) and\n# a heading',
  url: `${SITE}/posts/hostile/`,
  excerpt: 'First line\n- not an item\n\n## not a heading ) ] [y](z) *not emphasis*',
};

describe('llmsTxt', () => {
  it('writes the title, the description, then each list under its heading, one line an entry', () => {
    const posts = [
      { title: 'Where the cache hits land', url: `${SITE}/posts/cache-layers/`, excerpt: 'Hit ratios by layer.' },
      { title: 're:Invent 2017', url: `${SITE}/posts/reinvent-2017/`, excerpt: '' },
    ];
    const pages = [{ title: 'About', url: `${SITE}/about/`, excerpt: 'Who writes here.' }];
    expect(llmsTxt(WORDS, posts, pages)).toBe(
      [
        '# Folio',
        '',
        '> Notes on caching.',
        '',
        '## Posts',
        '',
        `- [Where the cache hits land](${SITE}/posts/cache-layers/): Hit ratios by layer.`,
        `- [re:Invent 2017](${SITE}/posts/reinvent-2017/)`,
        '',
        '## Pages',
        '',
        `- [About](${SITE}/about/): Who writes here.`,
        '',
      ].join('\n'),
    );
  });

  it('leaves out a list with no entry, and a quote with no description', () => {
    expect(llmsTxt({ ...WORDS, description: ' ' }, [], [])).toBe('# Folio\n');
  });

  it('keeps a hostile title and excerpt inside their list item, as text, on one line', () => {
    const file = llmsTxt(WORDS, [HOSTILE, { title: 'Next', url: `${SITE}/posts/next/`, excerpt: 'After.' }], []);
    expect(file.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(2);
    const tree: Root = unified().use(remarkParse).parse(file);
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'blockquote', 'heading', 'list']);
    const list = tree.children[3] as List;
    const [hostile, next] = list.children.map((item) => item.children[0]);
    if (hostile.type !== 'paragraph' || next.type !== 'paragraph') throw new Error('each entry is one paragraph');
    const link = hostile.children[0] as Link;
    expect(link.type).toBe('link');
    expect(link.url).toBe(HOSTILE.url);
    expect(link.children.map((node) => node.type)).toEqual(['text']);
    expect(toString(link)).toBe('Ends ] here [x](https://evil.example) and # a heading');
    expect(hostile.children.slice(1).map((node) => node.type)).toEqual(['text']);
    expect(toString(hostile.children[1])).toBe(': First line - not an item ## not a heading ) ] [y](z) *not emphasis*');
    expect([(next.children[0] as Link).url, toString(next)]).toEqual([`${SITE}/posts/next/`, 'Next: After.']);
  });
});

describe('the site\'s llms.txt', () => {
  const dir = writePosts({
    'newer.md': post('title: "Newer [draft] (no)"\ndate: 2021-05-01\nexcerpt: The newer one.'),
    'older.md': post('title: Older\ndate: 2020-01-01'),
    'secret.md': post('title: Secret\ndate: 2021-06-01\ndraft: true'),
    'later.md': post('title: Later\ndate: 2999-01-01'),
    'about.md': post('title: About\ndate: 2019-01-01\ntemplate: page\nexcerpt: Who writes here.'),
  });
  // As `npm run dev` writes it, with the draft and the scheduled post: llms.txt leaves them out itself.
  const manifest = buildManifest(loadContent({ dir, root: path.dirname(dir), includeDrafts: true, keepBroken: false }));

  it('lists the published posts newest first, then the pages, with absolute URLs, and no draft or scheduled post', () => {
    expect(manifest.posts.map((entry) => entry.slug)).toEqual(['later', 'secret', 'newer', 'older']);
    expect(siteLlmsTxt(manifest)).toBe(
      [
        `# ${manifest.site.title}`,
        '',
        `> ${manifest.site.description}`,
        '',
        '## Posts',
        '',
        `- [Newer \\[draft\\] (no)](${manifest.site.url}/posts/newer/): The newer one.`,
        `- [Older](${manifest.site.url}/posts/older/)`,
        '',
        '## Pages',
        '',
        `- [About](${manifest.site.url}/about/): Who writes here.`,
        '',
      ].join('\n'),
    );
  });

  it('is written at the root of out/', () => {
    const outDir = fs.mkdtempSync(path.join(path.dirname(dir), 'out-'));
    expect(writeLlmsTxt(manifest, outDir)).toEqual(['llms.txt']);
    expect(fs.readFileSync(path.join(outDir, 'llms.txt'), 'utf8')).toBe(siteLlmsTxt(manifest));
  });
});
