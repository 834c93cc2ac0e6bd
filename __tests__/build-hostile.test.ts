/**
 * @jest-environment node
 *
 * Hostile posts through the real build (scripts/build-site.ts): a site with one broken post of
 * each kind (front matter, file, body, image, cover) fails in one build that names every one,
 * before any page is rendered, with no crash;
 * a site of posts that used to be dropped, garbled or fatal builds, each with its page. The
 * links are made here, at run time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEARCH_INDEX_DIR } from '../lib/routes/table';
import { filesUnder } from '../lib/node/files';
import { readPagefindFile } from './helpers/pagefind';
import { post } from './helpers/posts-dir';
import { removeBuiltSites, tryBuildSite } from './helpers/build-site';

jest.setTimeout(300_000);

afterAll(removeBuiltSites);
const photo = fs.readFileSync(path.join(__dirname, 'fixtures', 'site', 'posts', 'gallery', 'photo.png'));

/** A fresh posts folder with `files`, and `links` (path → target) made as symbolic links. */
function postsFolder(files: Record<string, string | Buffer>, links: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-hostile-'));
  for (const [name, contents] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), contents);
  }
  for (const [name, target] of Object.entries(links)) fs.symlinkSync(target, path.join(dir, name));
  return dir;
}


const CJK = '缓存层'.repeat(30);

describe('next build of a site with one broken post of each kind', () => {
  it('fails once, naming every broken post, and crashes on none', async () => {
    const secret = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-secret-')), 'secret.txt');
    fs.writeFileSync(secret, 'SECRET-7d1c');
    const posts = postsFolder(
      {
        'good.md': post('title: Good\ndate: 2020-01-01'),
        'bad-date.md': post('title: Bad date\ndate: 2020-02-30'),
        'empty.md': '',
        'unclosed.md': '---\ntitle: Unclosed\ndate: 2020-01-01\n\nBody.\n',
        'latin.md': Buffer.from('---\ntitle: Caf\xe9\ndate: 2020-01-01\n---\n\nBody.\n', 'latin1'),
        'nested.md': post('title: Nested\ndate: 2020-01-01', `${'>'.repeat(10_000)} deep`),
        'script-cover.md': post('title: Cover\ndate: 2020-01-01\ncover: "JavaScript:alert(1)"'),
        'trip/index.md': post('title: Trip\ndate: 2020-01-01'),
        'page/index.md': post('title: Page\ndate: 2020-01-01'),
        'page/page.html': '<script>alert(document.cookie)</script>',
        'pagefind.md': post('title: Search me\ndate: 2020-01-01\ntemplate: page'),
        'node-a.md': post('title: Node A\ndate: 2020-01-01\ntags: [Node.js]'),
        'node-b.md': post('title: Node B\ndate: 2020-01-02\ntags: [node js]'),
        'unclosed-callout.mdx': post('title: Callout\ndate: 2020-01-01', 'Intro.\n\n<Callout>\n\nNever closed.'),
        'missing-image.md': post('title: Missing image\ndate: 2020-01-01', '![Gone](/images/gone.png)'),
        'missing-cover/index.md': post('title: Missing cover\ndate: 2020-01-01\ncover: ./gone.jpg'),
        'javascript-link.md': post('title: Link\ndate: 2020-01-01', '[Click](javascript:alert(1))'),
        'range.md': post('title: Range\ndate: 2020-01-01', '```js {1-100000000}\nconst a = 1;\n```'),
        'moved-a.md': post('title: Moved A\ndate: 2020-01-01\naliases: [/old/, /posts/good/]'),
        'moved-b.md': post('title: Moved B\ndate: 2020-01-01\nredirect_from: /old'),
      },
      { 'trip/secret.txt': secret },
    );
    const result = await tryBuildSite(posts, 'build-hostile-broken');
    if (!('failure' in result)) throw new Error('expected the build to fail');
    const { failure } = result;
    expect(failure).toContain('17 posts have problems:');
    for (const problem of [
      'posts/bad-date.md:3: date: "2020-02-30" is not a valid date',
      'posts/empty.md:1: is empty',
      'posts/unclosed.md:1: opens its front matter with --- but never closes it',
      'posts/latin.md:2: is not UTF-8 text',
      'posts/nested.md:6: opens 10000 block quotes and list items on one line',
      'posts/script-cover.md:4: cover: "JavaScript:alert(1)" is neither a path nor an http(s) URL',
      `posts/trip/secret.txt: is a link to ${fs.realpathSync(secret)}, outside the project`,
      'posts/page/page.html: is HTML, which a browser would run',
      'posts/pagefind.md: slug: /pagefind/ is a path the build writes itself',
      'posts/node-b.md:4: tags.0: "node js" and "Node.js" in posts/node-a.md would share the URL /tags/node-js/',
      'posts/unclosed-callout.mdx:8: MDX does not compile: Expected a closing tag for `<Callout>`',
      'posts/missing-image.md:6: image "/images/gone.png" points to a file that does not exist in public/',
      'posts/missing-cover/index.md:4: cover: image "./gone.jpg" points to a file that does not exist in missing-cover/',
      'posts/javascript-link.md:6: href: "javascript:alert(1)"',
      'posts/range.md:6: code block highlights line 100000000 ({1-100000000}), but it has 1 line',
      'posts/moved-a.md:4: aliases.1: old URL /posts/good/ is the URL of posts/good.md',
      'posts/moved-b.md:4: redirect_from.0: old URL /old/ is also an old URL of posts/moved-a.md:4',
    ]) {
      expect({ problem, named: failure.includes(problem) }).toEqual({ problem, named: true });
    }
    expect(failure).not.toMatch(/RangeError|TypeError|ENAMETOOLONG|EISDIR|Maximum call stack/);
    // It failed in the prepare step, before `next build` rendered a page.
    expect(failure).not.toMatch(/Next\.js|Generating static pages/);
    // Nothing of the link's target was published on the way.
    const site = result.siteDir!;
    expect(fs.existsSync(path.join(site, 'public'))).toBe(true);
    for (const file of filesUnder(path.join(site, 'public'))) expect(fs.readFileSync(file, 'latin1')).not.toContain('SECRET-7d1c');
  });
});

describe('next build of a site of posts that used to be dropped, garbled or fatal', () => {
  let out: string;
  const page = (sitePath: string) => fs.readFileSync(path.join(out, ...decodeURIComponent(sitePath).split('/').filter(Boolean), 'index.html'), 'utf8');

  beforeAll(async () => {
    const posts = postsFolder(
      {
        '_shared/linked.md': post('title: Linked from elsewhere in the project\ndate: 2020-01-01', 'The linked body.'),
        '_shared/photo.png': photo,
        'upper.MD': post('title: Upper-case extension\ndate: 2020-01-02', 'The upper body.'),
        'jekyll.markdown': post('title: Jekyll extension\ndate: 2020-01-03', 'The jekyll body.'),
        'punctuation.md': post('title: Only punctuation\ndate: 2020-01-04', '+++ --- ***'),
        'bom.md': `\uFEFF${post('title: Byte order mark\ndate: 2020-01-05', 'The BOM body.')}`,
        'long.md': post(`title: Long names\ndate: 2020-01-06\nslug: ${CJK}\ntags: ["${'long '.repeat(1000)}", ${CJK}, C++, C#, C]`, 'The long body.'),
        'trip/index.md': post('title: Trip\ndate: 2020-01-07', '![A diagram](./diagram.svg)\n\n![A photo](./photo.png)'),
        'trip/diagram.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="alert(1)"><script>alert(2)</script><rect width="40" height="20"/></svg>',
      },
      { 'linked.md': '_shared/linked.md', 'trip/photo.png': '../_shared/photo.png' },
    );
    const result = await tryBuildSite(posts, 'build-hostile-valid');
    if ('failure' in result) throw new Error(result.failure);
    out = result.out;
  });

  it('gives each its page', () => {
    expect(page('/posts/linked/')).toContain('The linked body.');
    expect(page('/posts/upper/')).toContain('The upper body.');
    expect(page('/posts/jekyll/')).toContain('The jekyll body.');
    expect(page('/posts/punctuation/')).toContain('+++ --- ***');
    const bom = page('/posts/bom/');
    expect(bom).toMatch(/<h1[^>]*>Byte order mark<\/h1>/);
    expect(bom).not.toContain('\uFEFF');
  });

  it('gives names too long for a file name, and C++, C# and C, pages of their own', () => {
    const long = filesUnder(out).filter((file) => file.endsWith('index.html') && path.relative(out, file).startsWith('tags'));
    const tagFolders = long.map((file) => path.relative(path.join(out, 'tags'), path.dirname(file))).filter((folder) => folder !== '');
    expect(tagFolders.sort()).toEqual(['c', 'c-plus-plus', 'c-sharp', `${'long-'.repeat(39)}long`, '缓存层'.repeat(22)]);
    expect(fs.existsSync(path.join(out, 'posts', '缓存层'.repeat(22), 'index.html'))).toBe(true);
  });

  it('publishes a folder post\'s linked image, and its SVG without scripts', () => {
    expect(fs.readFileSync(path.join(out, 'posts', 'trip', 'photo.png'))).toEqual(photo);
    const svg = fs.readFileSync(path.join(out, 'posts', 'trip', 'diagram.svg'), 'utf8');
    expect(svg).toContain('<rect width="40" height="20"></rect>');
    expect(svg).not.toMatch(/script|alert|onload/);
    expect(page('/posts/trip/')).toMatch(/<img alt="A diagram" src="\/posts\/trip\/diagram\.svg" width="40" height="20"/);
  });

  it('indexes the post of punctuation for search by its title', () => {
    const fragments = path.join(out, SEARCH_INDEX_DIR, 'fragment');
    const records = fs.readdirSync(fragments).map((file) => JSON.parse(readPagefindFile(path.join(fragments, file))));
    expect(records.find((record) => record.url === '/posts/punctuation/')?.content).toBe('Only punctuation');
  });
});
