/**
 * @jest-environment node
 *
 * The search index that the post-export step writes (lib/export/search-index.ts): records made from
 * exported post bodies, and the real Pagefind indexer run on a content index with a draft
 * and a page in it, its output read back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildManifest } from '../lib/build/manifest';
import { loadContent } from '../lib/content/load';
import { exportedPageFile } from '../lib/export/feeds';
import { searchRecord, searchTextCacheFile, writeSearchIndex } from '../lib/export/search-index';
import { SEARCH_INDEX_DIR, SEARCH_INDEX_PARTS_FILE, searchIndexPartFolder } from '../lib/routes/table';
import { readPagefindFile } from './helpers/pagefind';
import { post, writePosts } from './helpers/posts-dir';

jest.setTimeout(60_000);

const SITE = { language: 'en', dateLocale: 'en-GB' };
const DRAFT_MARKER = 'DRAFTMARKER-search-9b2e';

/** A post page as the export has it: header, lead and menu around the `[data-post-body]`. */
const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><nav><a href="/">Posts</a></nav><main><article><header><h1>The title</h1><p>The lead, not the body.</p></header><div class="body" data-post-body="">${body}</div></article></main><footer>Footer words</footer></body></html>`;

const summary = loadContent({
  dir: writePosts({ 'one.md': post('title: "Caching, and more"\ndate: 2017-12-15\nexcerpt: The excerpt of one.\ntags: [AWS, caching]') }),
  root: '/',
  includeDrafts: false,
  keepBroken: false,
}).posts[0];

describe('searchRecord', () => {
  it('holds the body text only, with title, date and excerpt as metadata and tag names as filters', () => {
    const record = searchRecord(summary, page('<h2 id="a"><a href="#a">First heading</a></h2><p>One paragraph.</p><p>Another<!-- --> one.</p><ul><li>Item</li><li>list</li></ul>'), SITE);
    expect(record).toEqual({
      url: '/posts/one/',
      language: 'en',
      content: 'First heading One paragraph. Another one. Item list',
      meta: { title: 'Caching, and more', date: '2017-12-15', dateLabel: '15 December 2017', excerpt: 'The excerpt of one.' },
      filters: { tag: ['AWS', 'caching'] },
    });
  });

  it('leaves out screen-reader additions and the visual and TeX copies of a formula', () => {
    const body =
      '<p>Read <a href="https://example.org/">this<span class="visually-hidden"> (external link)</span></a> now.</p>' +
      '<p>So <span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>h</mi><mo>=</mo><mn>0.95</mn></mrow><annotation encoding="application/x-tex">h = 0.95</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="mord">h</span><span class="mrel">=</span><span class="mord">0.95</span></span></span> serves.</p>';
    expect(searchRecord(summary, page(body), SITE)?.content).toBe('Read this now. So h=0.95 serves.');
  });

  it('gives images as their alt text, and a body with no text at all the title, so every post can be found', () => {
    expect(searchRecord(summary, page('<p>Before</p><figure><img src="a.png" alt="A bar chart"/><figcaption>The caption</figcaption></figure>'), SITE)?.content).toBe('Before A bar chart The caption');
    expect(searchRecord(summary, page('<p><img src="a.png" alt=""/></p>'), SITE)?.content).toBe('Caching, and more');
  });

  it('gives a zoomable image its alt text once: the zoom overlay\'s larger copy and its "Close" button are not text', () => {
    const zoomable =
      '<p><span class="image-zoom"><button type="button" popovertarget="image-zoom-1" class="image-zoom-open" aria-label="Enlarge image: A lake"><picture><img src="a-480.png" alt="A lake"/></picture></button>' +
      '<span id="image-zoom-1" popover="auto" role="dialog" aria-label="Enlarge image: A lake" class="image-zoom-overlay"><picture><img src="a-1600.png" alt="A lake"/></picture><button type="button" popovertarget="image-zoom-1" popovertargetaction="hide" class="image-zoom-close">Close</button></span></span> At dawn.</p>';
    expect(searchRecord(summary, page(zoomable), SITE)?.content).toBe('A lake At dawn.');
  });

  it('is null for a page with no post body', () => {
    expect(searchRecord(summary, '<!DOCTYPE html><html><body><main><p>No body here.</p></main></body></html>', SITE)).toBeNull();
  });
});

describe('writeSearchIndex', () => {
  const posts = {
    'newest.md': post('title: Newest post\ndate: 2021-08-01\nexcerpt: Newest excerpt.\ntags: [writing, mdx]', 'The newest body, about lanterns.'),
    'older.md': post('title: Older post\ndate: 2019-01-01\nexcerpt: The older body.', 'The older body.\n\nIts second paragraph.'),
    'about.md': post('title: About\ndate: 2017-01-01\ntemplate: page', 'The about page body.'),
    'secret.md': post(`title: Secret post\ndate: 2030-01-01\ndraft: true\ntags: [secret]`, `Body ${DRAFT_MARKER}.`),
    // Scheduled (dated after today): in dev's manifest, like the draft, and not indexed.
    'scheduled.md': post(`title: Scheduled post\ndate: 2999-01-01\ntags: [secret]`, `Body ${DRAFT_MARKER}.`),
  };

  /**
   * An out/ with an exported page for every post and page, the draft included (as if it had
   * been exported), and a build manifest that lists the draft: only the index may leave it out.
   */
  function exportedSite(sources: Record<string, string> = posts) {
    const dir = writePosts(sources);
    const manifest = buildManifest(loadContent({ dir, root: path.dirname(dir), includeDrafts: true, keepBroken: false }));
    const outDir = fs.mkdtempSync(path.join(path.dirname(dir), 'out-'));
    for (const entry of [...manifest.posts, ...manifest.pages]) {
      fs.mkdirSync(path.dirname(exportedPageFile(outDir, entry.url)), { recursive: true });
      const source = sources[`${entry.slug}.md`];
      fs.writeFileSync(exportedPageFile(outDir, entry.url), page(`<p>${source.slice(source.lastIndexOf('---') + 3).trim().replaceAll('\n\n', '</p><p>')}</p>`));
    }
    return { manifest, outDir };
  }

  it('indexes published posts with their metadata and tags, and no draft and no page', async () => {
    const { manifest, outDir } = exportedSite();
    expect(manifest.posts.map((entry) => entry.slug)).toEqual(expect.arrayContaining(['secret', 'scheduled']));
    const indexDir = path.join(outDir, SEARCH_INDEX_DIR);
    fs.mkdirSync(indexDir);
    fs.writeFileSync(path.join(indexDir, 'stale.pf_fragment'), 'from an earlier build');

    expect(await writeSearchIndex(manifest, outDir)).toEqual({ posts: 2, parts: 1, files: expect.any(Number), bytes: expect.any(Number) });

    const fragmentDir = path.join(indexDir, 'fragment');
    const fragments = fs.readdirSync(fragmentDir).map((file) => JSON.parse(readPagefindFile(path.join(fragmentDir, file))));
    const byUrl = Object.fromEntries(fragments.map((fragment) => [fragment.url, fragment]));
    expect(Object.keys(byUrl).sort()).toEqual(['/posts/newest/', '/posts/older/']);
    expect(byUrl['/posts/newest/']).toMatchObject({
      content: 'The newest body, about lanterns.',
      meta: { title: 'Newest post', date: '2021-08-01', dateLabel: '1 August 2021', excerpt: 'Newest excerpt.' },
      filters: { tag: ['writing', 'mdx'] },
    });
    expect(byUrl['/posts/older/']).toMatchObject({ content: 'The older body. Its second paragraph.', meta: { title: 'Older post', excerpt: 'The older body.' } });

    // The tag filter lists each tag; the draft's tag and words are nowhere in the index.
    const filterDir = path.join(indexDir, 'filter');
    const filters = fs.readdirSync(filterDir).map((file) => readPagefindFile(path.join(filterDir, file))).join('\n');
    expect(filters).toContain('writing');
    expect(filters).toContain('mdx');
    const everything = fs
      .readdirSync(indexDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => fs.statSync(path.join(indexDir, file)).isFile())
      .map((file) => (/\.pf_/.test(file) ? readPagefindFile(path.join(indexDir, file)) : fs.readFileSync(path.join(indexDir, file), 'latin1')))
      .join('\n');
    for (const absent of [DRAFT_MARKER, 'Secret post', 'secret', 'The about page body']) expect(everything).not.toContain(absent);

    // What a search loads, and nothing else: no ready-made UI, no worker, no index from before.
    const topLevel = fs.readdirSync(indexDir).sort();
    expect(topLevel).toEqual(['filter', 'fragment', 'index', 'pagefind-entry.json', expect.stringMatching(/^pagefind\.en_\w+\.pf_meta$/), 'pagefind.js', 'parts.json', 'wasm.en.pagefind']);
    expect(JSON.parse(fs.readFileSync(path.join(indexDir, 'pagefind-entry.json'), 'utf8')).languages).toEqual({ en: expect.objectContaining({ page_count: 2 }) });
    // One part: there is nothing for the search page to merge.
    expect(JSON.parse(fs.readFileSync(path.join(indexDir, SEARCH_INDEX_PARTS_FILE), 'utf8'))).toEqual({});
  });

  it('writes the index of more posts of a language than a part holds in parts, each language\'s first posts in the first, and lists the others for the search page', async () => {
    const sources: Record<string, string> = {};
    for (const n of [1, 2, 3, 4, 5]) sources[`post-${n}.md`] = post(`title: Post ${n}\ndate: 2020-01-0${n}`, `Body of post ${n}, the word${n} in it.`);
    const { manifest, outDir } = exportedSite(sources);
    // Posts 4 and 5 in French: the first part holds the first two posts of each language.
    const french = manifest.posts.map((entry) => (['post-4', 'post-5'].includes(entry.slug) ? { ...entry, lang: 'fr' } : entry));
    const indexDir = path.join(outDir, SEARCH_INDEX_DIR);

    expect(await writeSearchIndex({ ...manifest, posts: french }, outDir, { postsPerPart: 2 })).toEqual({ posts: 5, parts: 2, files: expect.any(Number), bytes: expect.any(Number) });

    const partDir = path.join(indexDir, searchIndexPartFolder(2));
    const entryOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')).languages;
    // English, in both parts, has a vocabulary record in each: French, in one, has none.
    expect(entryOf(indexDir)).toEqual({ en: expect.objectContaining({ page_count: 3 }), fr: expect.objectContaining({ page_count: 2 }) });
    expect(entryOf(partDir)).toEqual({ en: expect.objectContaining({ page_count: 2 }) });
    const fragmentsIn = (dir: string) =>
      Object.fromEntries(fs.readdirSync(path.join(dir, 'fragment')).map((file) => [file.replace(/\.pf_fragment$/, ''), JSON.parse(readPagefindFile(path.join(dir, 'fragment', file)))]));
    const urlsIn = (dir: string) => Object.values(fragmentsIn(dir)).map((fragment) => fragment.url).sort();
    // The newest posts first, as the manifest lists them.
    expect(urlsIn(indexDir)).toEqual(['/pagefind/vocabulary/', '/posts/post-2/', '/posts/post-3/', '/posts/post-4/', '/posts/post-5/']);
    expect(urlsIn(partDir)).toEqual(['/pagefind/vocabulary/', '/posts/post-1/']);
    // Only English has a second part, and the search page leaves out its vocabulary records by their page ids.
    const parts = JSON.parse(fs.readFileSync(path.join(indexDir, SEARCH_INDEX_PARTS_FILE), 'utf8'));
    expect(parts).toEqual({ en: { parts: [searchIndexPartFolder(2)], vocabulary: expect.any(Array) } });
    for (const dir of [indexDir, partDir]) {
      const [id, vocabulary] = Object.entries(fragmentsIn(dir)).find(([, fragment]) => fragment.url === '/pagefind/vocabulary/')!;
      expect(parts.en.vocabulary).toContain(id);
      // Every English word of both parts, the first's "word3" as well as the second's "word1".
      expect(vocabulary.content.split(' ')).toEqual(expect.arrayContaining(['word1', 'word2', 'word3', 'Post', '1', '3']));
      expect(vocabulary.content).not.toContain('word4');
    }
    // The search page loads Pagefind's script and WebAssembly from the first part.
    expect(fs.readdirSync(indexDir)).toEqual(expect.arrayContaining(['pagefind.js', 'wasm.en.pagefind', 'wasm.fr.pagefind', 'parts']));
    // (No `filter/`: these posts have no tags.)
    expect(fs.readdirSync(partDir).sort()).toEqual(['fragment', 'index', 'pagefind-entry.json', expect.stringMatching(/^pagefind\.en_\w+\.pf_meta$/)]);

    // A rebuild with fewer posts leaves no part of the last one behind.
    await writeSearchIndex({ ...manifest, posts: french }, outDir);
    expect(fs.existsSync(path.join(indexDir, 'parts'))).toBe(false);
    expect(urlsIn(indexDir)).toEqual(['/posts/post-1/', '/posts/post-2/', '/posts/post-3/', '/posts/post-4/', '/posts/post-5/']);
  });

  /** The indexed body text of each post, from the fragments written into `outDir`. */
  function indexedTexts(outDir: string) {
    const fragmentDir = path.join(outDir, SEARCH_INDEX_DIR, 'fragment');
    const fragments = fs.readdirSync(fragmentDir).map((file) => JSON.parse(readPagefindFile(path.join(fragmentDir, file))));
    return Object.fromEntries(fragments.map((fragment) => [fragment.url, fragment.content]));
  }

  it('reuses the text of a page whose HTML is unchanged, and parses a changed page, or any page after the version changes', async () => {
    const { manifest, outDir } = exportedSite();
    const cacheFile = searchTextCacheFile(outDir);
    expect(cacheFile).toBe(path.join(path.dirname(outDir), '.next', 'cache', 'folio', 'search-text.json'));
    await writeSearchIndex(manifest, outDir);
    const saved = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    expect(Object.keys(saved.pages).sort()).toEqual(['/posts/newest/', '/posts/older/']);
    expect(saved.pages['/posts/older/'].value).toBe('The older body. Its second paragraph.');

    // A cached text that no page holds shows that the rebuild read the cache, not the page.
    const planted = (version: string) => ({ version, pages: { ...saved.pages, '/posts/older/': { ...saved.pages['/posts/older/'], value: 'Planted zeppelin words.' } } });
    fs.writeFileSync(cacheFile, JSON.stringify(planted(saved.version)));
    await writeSearchIndex(manifest, outDir);
    expect(indexedTexts(outDir)).toEqual({ '/posts/newest/': 'The newest body, about lanterns.', '/posts/older/': 'Planted zeppelin words.' });

    // The same entry under another version is never used.
    fs.writeFileSync(cacheFile, JSON.stringify(planted('another pipeline')));
    await writeSearchIndex(manifest, outDir);
    expect(indexedTexts(outDir)['/posts/older/']).toBe('The older body. Its second paragraph.');

    // Nor is it once the page has changed.
    fs.writeFileSync(cacheFile, JSON.stringify(planted(saved.version)));
    fs.writeFileSync(exportedPageFile(outDir, '/posts/older/'), page('<p>The older body, edited.</p>'));
    await writeSearchIndex(manifest, outDir);
    expect(indexedTexts(outDir)['/posts/older/']).toBe('The older body, edited.');
    expect(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).pages['/posts/older/'].value).toBe('The older body, edited.');

    // An unreadable cache is a miss for every page.
    fs.writeFileSync(cacheFile, '{ not json');
    await writeSearchIndex(manifest, outDir);
    expect(indexedTexts(outDir)).toEqual({ '/posts/newest/': 'The newest body, about lanterns.', '/posts/older/': 'The older body, edited.' });
  });

  it('fails with Pagefind\'s reason when it refuses a record, with no record left unsettled', async () => {
    const { manifest, outDir } = exportedSite();
    const stopped = jest.fn();
    await jest.isolateModulesAsync(async () => {
      jest.doMock('pagefind', () => ({
        createIndex: async () => ({
          errors: [],
          index: {
            addCustomRecord: async (record: { url: string }) => {
              if (record.url === '/posts/older/') throw new Error('the service stopped');
              return { errors: [] };
            },
            writeFiles: async () => ({ errors: [] }),
          },
        }),
        close: stopped,
      }));
      const isolated: typeof import('../lib/export/search-index') = await import('../lib/export/search-index');
      await expect(isolated.writeSearchIndex(manifest, outDir)).rejects.toThrow('Cannot write the search index: Pagefind failed: the service stopped');
    });
    expect(stopped).toHaveBeenCalled();
  });

  it('fails naming the post whose page was not exported', async () => {
    const { manifest, outDir } = exportedSite();
    fs.rmSync(exportedPageFile(outDir, '/posts/older/'));
    await expect(writeSearchIndex(manifest, outDir)).rejects.toThrow(/\/posts\/older\/ was not exported/);
  });

  it('indexes a post whose body has no word by its title, or by its slug when the title has none either', async () => {
    const { manifest, outDir } = exportedSite();
    // A body of punctuation is valid Markdown, and Pagefind finds no word in it.
    fs.writeFileSync(exportedPageFile(outDir, '/posts/older/'), page('<p>+++ --- ***</p>'));
    await writeSearchIndex(manifest, outDir);
    expect(indexedTexts(outDir)['/posts/older/']).toBe('Older post');

    const wordless = { ...manifest.posts.find((entry) => entry.url === '/posts/older/')!, title: '!!!' };
    await writeSearchIndex({ ...manifest, posts: manifest.posts.map((entry) => (entry.url === wordless.url ? wordless : entry)) }, outDir);
    expect(indexedTexts(outDir)['/posts/older/']).toBe('older');
  });

  it('fails naming the page that has no post body', async () => {
    const { manifest, outDir } = exportedSite();
    fs.writeFileSync(exportedPageFile(outDir, '/posts/newest/'), '<!DOCTYPE html><html><body><main>Nothing</main></body></html>');
    await expect(writeSearchIndex(manifest, outDir)).rejects.toThrow(/posts\/newest\/index\.html has no \[data-post-body\] element/);
  });
});
