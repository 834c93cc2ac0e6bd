/**
 * @jest-environment node
 *
 * The build's caches redo exactly what a change requires (docs/performance.md#what-a-rebuild-redoes):
 * the prepare step of `npm run build` (scripts/prepare.ts) run again and again in one site copy,
 * with its own code, after one change at a time — a post's body, its title, an image it shows, a
 * setting bodies show, a setting cards show, a setting neither shows, an avatar, a module of the
 * pipeline — and after each, which bodies were compiled and which images and cards were made;
 * and a fresh copy of the site with only the first's `.next/cache/`, as a deploy restores it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { compiledBodiesDir, compiledEntryFile, siteDataFile } from '../lib/node/folders';
import type { ImageTiming } from '../lib/images/process';
import { copySite, removeBuiltSites } from './helpers/build-site';
import { writeImage } from './helpers/images';

jest.setTimeout(600_000);

const run = promisify(execFile);
const fixturePosts = path.join(__dirname, 'fixtures', 'site', 'posts');
const POSTS = ['posts/about.md', 'posts/components.mdx', 'posts/gallery/index.md', 'posts/hello-world.md'];

let site: string;
beforeAll(() => {
  site = copySite(fixturePosts, 'cache-invalidation');
});
afterAll(removeBuiltSites);

interface Redone {
  /** The posts whose bodies were compiled (their cache entries written). */
  compiled: string[];
  /** The posts whose card is a new one. */
  newCards: string[];
  /** What the image store made: `card`, `body <source>`, `avatar-… <source>`. */
  made: string[];
}

const siteData = (dir = site) => JSON.parse(fs.readFileSync(siteDataFile(dir), 'utf8')) as { outputs: Record<string, { bodyKey: string; socialImage: { url: string } }> };
const entryOf = (post: string, dir = site) => compiledEntryFile(compiledBodiesDir(dir), siteData(dir).outputs[post].bodyKey);

/**
 * Marks every post's compile cache entry, so that an entry written again (its body compiled)
 * shows by the mark it lost, whatever the file system's clock. Returns each post's card.
 */
function markEntries(mark: string, dir: string): Record<string, string> {
  if (!fs.existsSync(siteDataFile(dir))) return {};
  for (const post of POSTS) fs.writeFileSync(entryOf(post, dir), JSON.stringify({ ...JSON.parse(fs.readFileSync(entryOf(post, dir), 'utf8')), mark }));
  return Object.fromEntries(POSTS.map((post) => [post, siteData(dir).outputs[post].socialImage.url]));
}

/** Runs the prepare step in the site copy `dir` as `npm run build` does, and says what it redid. */
async function prepare(dir = site): Promise<Redone> {
  const mark = `untouched-${Date.now()}`;
  const cardsBefore = markEntries(mark, dir);
  const timings = path.join(dir, `${mark}.jsonl`);
  await run(process.execPath, ['--import', 'tsx', 'scripts/prepare.ts'], { cwd: dir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FOLIO_IMAGE_TIMINGS: timings } });
  const lookups: ImageTiming[] = fs.existsSync(timings) ? fs.readFileSync(timings, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) : [];
  fs.rmSync(timings, { force: true });
  return {
    compiled: POSTS.filter((post) => JSON.parse(fs.readFileSync(entryOf(post, dir), 'utf8')).mark !== mark),
    newCards: POSTS.filter((post) => cardsBefore[post] !== siteData(dir).outputs[post].socialImage.url),
    made: lookups.filter((lookup) => lookup.made).map((lookup) => lookup.image).sort(),
  };
}

const edit = (file: string, from: string | RegExp, to: string) => {
  const full = path.join(site, file);
  const text = fs.readFileSync(full, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`${file} has no ${from}`);
  fs.writeFileSync(full, edited);
};

const NOTHING: Redone = { compiled: [], newCards: [], made: [] };

describe('a rebuild redoes exactly what a change requires', () => {
  it('the first build makes everything', async () => {
    const first = await prepare();
    expect(first.compiled).toEqual(POSTS);
    expect(first.newCards).toEqual(POSTS);
    expect(first.made.filter((image) => image === 'card')).toHaveLength(POSTS.length);
  });

  it('nothing changed: nothing is compiled or made', async () => {
    expect(await prepare()).toEqual(NOTHING);
  });

  it('a fresh copy of the site (a deploy\'s clone) with only .next/cache/ restored: nothing is compiled or made', async () => {
    const fresh = copySite(fixturePosts, 'cache-invalidation-deploy');
    fs.cpSync(path.join(site, '.next', 'cache'), path.join(fresh, '.next', 'cache'), { recursive: true });
    expect(await prepare(fresh)).toEqual(NOTHING);
  });

  it('a body edited: that body is compiled, nothing is made', async () => {
    edit('posts/hello-world.md', 'The first paragraph of the hello world post.', 'An edited first paragraph.');
    expect(await prepare()).toEqual({ ...NOTHING, compiled: ['posts/hello-world.md'] });
  });

  it('a title edited: that post\'s card is drawn, no body is compiled', async () => {
    edit('posts/about.md', /^title: .*$/m, 'title: About this site, renamed');
    expect(await prepare()).toEqual({ compiled: [], newCards: ['posts/about.md'], made: ['card'] });
  });

  it('an image a post shows replaced: that body is compiled and that image made, no card is drawn', async () => {
    await writeImage(path.join(site, 'posts', 'gallery', 'photo.png'), 700, 400, 'png');
    const redone = await prepare();
    expect({ ...redone, made: [...new Set(redone.made)] }).toEqual({ compiled: ['posts/gallery/index.md'], newCards: [], made: ['body posts/gallery/photo.png'] });
  });

  it('a setting bodies show (the excerpt\'s length): every body is compiled, no image or card is made', async () => {
    // Left to the schema's default in the sample settings.
    edit('lib/config/settings.ts', '  postsPerPage: 10,', '  postsPerPage: 10,\n  excerptLength: 123,');
    expect(await prepare()).toEqual({ ...NOTHING, compiled: POSTS });
  });

  it('a setting cards show (the site\'s title): every card is drawn, no body is compiled', async () => {
    edit('lib/config/settings.ts', "title: 'Folio',", "title: 'Folio, renamed',");
    expect(await prepare()).toEqual({ compiled: [], newCards: POSTS, made: POSTS.map(() => 'card') });
  });

  it('a setting neither shows (an author\'s bio): nothing is compiled or made', async () => {
    edit('lib/config/settings.ts', /bio: '[^']*'/, "bio: 'Now writes about gardening.'");
    expect(await prepare()).toEqual(NOTHING);
  });

  it('an avatar replaced: that avatar is made, nothing else', async () => {
    await writeImage(path.join(site, 'public', 'images', 'authors', 'ada-reviewer.png'), 200, 200, 'png');
    const redone = await prepare();
    expect({ ...redone, made: [...new Set(redone.made)] }).toEqual({ ...NOTHING, made: ['avatar-64-128 public/images/authors/ada-reviewer.png'] });
  });

  it('a module of the Markdown pipeline edited: every body is compiled, no image or card is made', async () => {
    fs.appendFileSync(path.join(site, 'lib', 'markdown', 'compile.ts'), '\n// An edit that changes no output, but the pipeline\'s code all the same.\n');
    expect(await prepare()).toEqual({ ...NOTHING, compiled: POSTS });
  });
});
