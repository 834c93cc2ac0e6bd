/**
 * @jest-environment node
 *
 * A rebuild where only posts' bodies changed renders only their pages (lib/build/changed-pages.ts,
 * lib/build/render-pages.ts, scripts/build.ts), and leaves `out/` byte for byte as a whole build
 * of the same posts writes it: `npm run build` in one site copy, edit after edit, each time
 * against `FOLIO_FULL_BUILD=1 npm run build` of the same posts; and so does a deploy's fresh
 * clone with the last build's `.next/` and `out/` restored.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { filesUnder } from '../lib/node/files';
import { copySite, removeBuiltSites } from './helpers/build-site';

jest.setTimeout(900_000);

describe('npm run build after an edit to posts', () => {
  let site: string;
  afterAll(removeBuiltSites);

  /** `npm run build` in the site copy `dir`. */
  const buildIn = async (dir: string, env: Record<string, string> = {}) => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: dir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return stdout + stderr;
  };
  const build = (env: Record<string, string> = {}) => buildIn(site, env);
  /** Every file of out/ in the site copy `dir` with a hash of its bytes. */
  const outFiles = (dir = site) => Object.fromEntries(filesUnder(path.join(dir, 'out')).map((file) => [path.relative(dir, file), createHash('sha256').update(fs.readFileSync(file)).digest('hex')]));
  const page = (slug: string) => fs.readFileSync(path.join(site, 'out', 'posts', slug, 'index.html'), 'utf8');
  const post = (file: string) => path.join(site, 'posts', file);
  /** `npm run build` as an author runs it; then a whole build of the same posts, which must leave the very same out/. */
  const buildAndCompare = async () => {
    const output = await build();
    const files = outFiles();
    expect(await build({ FOLIO_FULL_BUILD: '1' })).toContain('Rendering every page with next build: FOLIO_FULL_BUILD is set.');
    expect(outFiles()).toEqual(files);
    return output;
  };

  it('renders only the page whose body changed, and out/ is what a whole build writes', async () => {
    site = copySite(path.join(__dirname, 'fixtures', 'site', 'posts'), 'render-pages');
    expect(await build()).toContain('Rendering every page with next build: no complete build to start from.');

    // A paragraph at the end: the excerpt, the reading time and every list are as they were.
    fs.appendFileSync(post('hello-world.md'), '\nA closing paragraph, added later.\n');
    const output = await buildAndCompare();
    expect(output).toContain('Rendered 1 page whose body changed');
    expect(output).toContain('(/posts/hello-world/)');
    expect(output).not.toContain('next build');
    expect(page('hello-world')).toContain('A closing paragraph, added later.');
  });

  it('publishes a new image the edited body shows', async () => {
    // A new file of a folder post is in the post's entry, which lists its files: every page is rendered.
    await sharp({ create: { width: 320, height: 200, channels: 3, background: '#336699' } })
      .png()
      .toFile(post('gallery/second.png'));
    expect(await build()).toContain('Rendering every page with next build: posts changed more than their bodies.');
    // Then the body shows it: its sizes are made, and published with the one page rendered.
    fs.appendFileSync(post('gallery/index.md'), '\n![A second photo](./second.png)\n');
    const output = await buildAndCompare();
    expect(output).toContain('Rendered 1 page whose body changed');
    expect(output).toContain('(/posts/gallery/)');
    const html = page('gallery');
    const sources = [...html.matchAll(/(?:src|srcSet)="([^"]+)"/g)].flatMap(([, value]) => value.split(',').map((candidate) => candidate.trim().split(' ')[0]));
    const shown = sources.filter((source) => source.includes('second'));
    expect(shown.length).toBeGreaterThan(0);
    for (const source of shown) expect({ source, exported: fs.existsSync(path.join(site, 'out', source)) }).toEqual({ source, exported: true });
  });

  it('renders every page when a post changed more than its body: a title', async () => {
    const file = post('hello-world.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('title: Hello, world', 'title: Hello again, world'));
    expect(await buildAndCompare()).toContain('Rendering every page with next build: posts changed more than their bodies.');
    expect(page('hello-world')).toContain('Hello again, world');
  });

  it('renders every page with next build when rendering the changed page alone fails', async () => {
    // The compiled post page goes missing, as it would if Next's files changed under the build.
    const compiledPage = path.join(site, '.next', 'server', 'pages', 'posts', '[slug].js');
    expect(fs.existsSync(compiledPage)).toBe(true);
    fs.rmSync(compiledPage);
    fs.appendFileSync(post('hello-world.md'), '\nOne more paragraph.\n');
    const output = await buildAndCompare();
    expect(output).toContain('Rendering the changed pages alone failed, so every page is rendered with next build');
    expect(page('hello-world')).toContain('One more paragraph.');
  });

  it("renders only the page whose body changed in a fresh clone elsewhere, with the last build's .next/ and out/ restored as a deploy's cache restores them", async () => {
    // A deploy's clone: the same project and posts in another folder, no public/ made files,
    // and .next/ and out/ put back with their files' times copied as dates (whole milliseconds,
    // as Netlify's cache utility copies them; actions/cache's tar keeps them whole).
    const clone = copySite(path.join(site, 'posts'), 'render-pages-clone');
    for (const folder of ['.next', 'out']) fs.cpSync(path.join(site, folder), path.join(clone, folder), { recursive: true, preserveTimestamps: true });
    // The same push reaches both: a paragraph at the end of one body.
    for (const dir of [site, clone]) fs.appendFileSync(path.join(dir, 'posts', 'hello-world.md'), '\nA paragraph pushed to the deploy.\n');
    const [inPlace, inClone] = [await build(), await buildIn(clone)];
    for (const output of [inPlace, inClone]) expect(output).toContain('Rendered 1 page whose body changed in');
    expect(inClone).toContain('(/posts/hello-world/)');
    // The clone's out/ is the one built in place, which the tests above compare with a whole build's.
    expect(outFiles(clone)).toEqual(outFiles(site));
  });
});
