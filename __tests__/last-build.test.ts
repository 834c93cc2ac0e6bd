/**
 * @jest-environment node
 *
 * A build with nothing changed does nothing (lib/build/last-build.ts, scripts/build.ts): the
 * fingerprint of a build's inputs changes with every input and with nothing the build writes;
 * the last build is matched only while `out/` is as it left it; and `npm run build` in a site
 * copy, run again, skips, builds when `FOLIO_FULL_BUILD=1` says so, and builds after an edit.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PagesSource } from '../lib/build/changed-pages';
import { forgetLastBuild, inputsFingerprint, isBuiltFrom, pagesToRender, readLastBuild, recordLastBuild, type BuildInputs } from '../lib/build/last-build';
import { filesUnder } from '../lib/node/files';
import { copySite, removeBuiltSites } from './helpers/build-site';
import { post, writePosts } from './helpers/posts-dir';

jest.setTimeout(900_000);

/** A project with posts, a settings file, a public image and an out/ folder; returns its root. */
function project(): string {
  const root = path.dirname(writePosts({ 'a.md': post('title: A\ndate: 2020-01-01'), 'b/index.md': post('title: B\ndate: 2020-01-02') }));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('lib/config/settings.ts', "export const settings = { title: 'Folio' };\n");
  write('public/social-default.png', 'an image');
  write('out/index.html', '<h1>A</h1>');
  write('out/posts/a/index.html', '<h1>A</h1>');
  return root;
}

describe('the fingerprint of a build\'s inputs', () => {
  const root = project();
  const posts = path.join(root, 'posts');
  const env = { SITE_URL: 'https://folio.example.com', HOME: '/home/author' };
  const base = inputsFingerprint(root, posts, env);
  /** The fingerprint after `change`, which is then undone. */
  const after = (file: string, text: string, fingerprint = () => inputsFingerprint(root, posts, env)) => {
    const full = path.join(root, file);
    const saved = fs.existsSync(full) ? fs.readFileSync(full) : null;
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    try {
      return fingerprint();
    } finally {
      if (saved) fs.writeFileSync(full, saved);
      else fs.rmSync(full);
    }
  };

  it('is the same for the same inputs', () => {
    expect(inputsFingerprint(root, posts, { ...env })).toEqual(base);
  });

  it('changes its content part alone with a post, a new post or a folder post\'s file', () => {
    for (const [file, text] of [
      ['posts/a.md', post('title: A, edited\ndate: 2020-01-01')],
      ['posts/c.md', post('title: C\ndate: 2020-01-03')],
      ['posts/b/photo.png', 'a photo'],
    ]) {
      expect({ file, fingerprint: after(file, text) }).toEqual({ file, fingerprint: { code: base.code, content: expect.not.stringMatching(base.content) } });
    }
  });

  it('changes its code part alone with a setting, a file in public/ and any other file of the project', () => {
    for (const [file, text] of [
      ['lib/config/settings.ts', "export const settings = { title: 'Folio, renamed' };\n"],
      ['public/social-default.png', 'another image'],
      ['components/Post/Post.tsx', 'export {};\n'],
      ['.env.local', 'NEXT_PUBLIC_ANALYTICS=1\n'],
    ]) {
      expect({ file, fingerprint: after(file, text) }).toEqual({ file, fingerprint: { code: expect.not.stringMatching(base.code), content: base.content } });
    }
  });

  it('does not change with what a build writes: public/\'s made images, KaTeX, posts\' files, admin page and icons, .next/, out/, node_modules/', () => {
    for (const file of ['public/_img/card-0123456789ab.png', 'public/katex/katex.min.css', 'public/posts/b/photo.png', 'public/admin/index.html', 'public/favicon.ico', 'public/icons/icon-192.png', 'public/manifest.webmanifest', '.next/cache/folio/site.json', 'out/index.html', 'node_modules/some-package/index.js', 'next-env.d.ts']) {
      expect({ file, fingerprint: after(file, 'written by a build') }).toEqual({ file, fingerprint: base });
    }
  });

  it('never looks inside what a build writes or npm installs: a link there that leads nowhere is not read', () => {
    for (const folder of ['node_modules/some-package', '.next/cache', 'out/posts', 'public/_img']) {
      const link = path.join(root, folder, 'gone.js');
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(path.join(root, 'no-such-file'), link);
      try {
        expect({ folder, fingerprint: inputsFingerprint(root, posts, env) }).toEqual({ folder, fingerprint: base });
      } finally {
        fs.rmSync(link);
      }
    }
  });

  it('reads a linked file as the file it leads to, and skips a link that leads nowhere', () => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-linked-')), 'shared.md');
    fs.writeFileSync(target, post('title: Shared\ndate: 2020-01-04'));
    const link = path.join(posts, 'shared.md');
    const broken = path.join(posts, 'broken.md');
    fs.symlinkSync(target, link);
    fs.symlinkSync(path.join(root, 'no-such-file'), broken);
    try {
      const linked = inputsFingerprint(root, posts, env);
      expect(linked.content).not.toBe(base.content);
      fs.writeFileSync(target, post('title: Shared, edited\ndate: 2020-01-04'));
      expect(inputsFingerprint(root, posts, env).content).not.toBe(linked.content);
    } finally {
      fs.rmSync(link);
      fs.rmSync(broken);
    }
    expect(inputsFingerprint(root, posts, env)).toEqual(base);
  });

  it('changes with the variables a build reads (the site\'s URL, the base path, Folio\'s), not with others or those that steer tools (FOLIO_FULL_BUILD, FOLIO_BROWSER)', () => {
    for (const changed of [{ SITE_URL: 'https://example.org' }, { BASE_PATH: '/blog' }, { FOLIO_INTEGRATIONS: 'comments' }, { NEXT_PUBLIC_ID: '1' }, { TZ: 'Pacific/Kiritimati' }]) {
      expect({ changed, fingerprint: inputsFingerprint(root, posts, { ...env, ...changed }) }).toEqual({ changed, fingerprint: { code: expect.not.stringMatching(base.code), content: base.content } });
    }
    expect(inputsFingerprint(root, posts, { ...env, HOME: '/elsewhere', FOLIO_FULL_BUILD: '1', FOLIO_BROWSER: 'system' })).toEqual(base);
  });

  it('changes with the day, as a scheduled post waits for its own', () => {
    jest.useFakeTimers({ now: new Date('2040-06-01T12:00:00Z'), doNotFake: ['setTimeout', 'setImmediate', 'nextTick'] });
    try {
      expect(inputsFingerprint(root, posts, env)).toEqual({ code: base.code, content: expect.not.stringMatching(base.content) });
    } finally {
      jest.useRealTimers();
    }
  });

  it('takes the posts from a folder outside the project when the build reads them there', () => {
    const elsewhere = writePosts({ 'z.md': post('title: Z\ndate: 2020-01-01') });
    const withElsewhere = inputsFingerprint(root, elsewhere, env);
    fs.writeFileSync(path.join(elsewhere, 'z.md'), post('title: Z, edited\ndate: 2020-01-01'));
    expect(inputsFingerprint(root, elsewhere, env)).toEqual({ code: withElsewhere.code, content: expect.not.stringMatching(withElsewhere.content) });
  });
});

describe('the record of the last build', () => {
  const pages: PagesSource = { shape: 'site data but bodies', bodies: { '/posts/a/': 'body of a', '/posts/b/': 'body of b' } };
  const builtFrom = (root: string, inputs: BuildInputs) => isBuiltFrom(root, readLastBuild(root), inputs);

  it('matches only the same inputs with out/ as the build left it: a file rewritten, removed or added in out/ does not', () => {
    const root = project();
    const inputs = inputsFingerprint(root, path.join(root, 'posts'), {});
    expect(builtFrom(root, inputs)).toBe(false);
    recordLastBuild(root, inputs, pages);
    expect(builtFrom(root, inputs)).toBe(true);
    expect(builtFrom(root, { ...inputs, code: 'other code' })).toBe(false);
    expect(builtFrom(root, { ...inputs, content: 'other posts' })).toBe(false);

    const page = path.join(root, 'out', 'posts', 'a', 'index.html');
    const later = new Date(fs.statSync(page).mtimeMs + 1000);
    fs.writeFileSync(page, '<h1>A</h1>');
    fs.utimesSync(page, later, later);
    expect(builtFrom(root, inputs)).toBe(false);
    recordLastBuild(root, inputs, pages);
    fs.rmSync(page);
    expect(builtFrom(root, inputs)).toBe(false);
    fs.writeFileSync(page, '<h1>A</h1>');
    recordLastBuild(root, inputs, pages);
    fs.writeFileSync(path.join(root, 'out', 'extra.html'), 'extra');
    expect(builtFrom(root, inputs)).toBe(false);
    fs.rmSync(path.join(root, 'out', 'extra.html'));
    expect(builtFrom(root, inputs)).toBe(true);
    forgetLastBuild(root);
    expect(builtFrom(root, inputs)).toBe(false);
  });

  describe('what the next build renders', () => {
    const root = project();
    fs.mkdirSync(path.join(root, '.next'), { recursive: true });
    fs.writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'build-1');
    const inputs = inputsFingerprint(root, path.join(root, 'posts'), {});
    const bodyEdited: PagesSource = { ...pages, bodies: { ...pages.bodies, '/posts/b/': 'b, edited' } };
    const plan = (now: BuildInputs, source: PagesSource, env = {}) => pagesToRender(root, readLastBuild(root), now, source, env);
    beforeEach(() => recordLastBuild(root, inputs, pages));

    it('is only the pages whose body changed, when nothing but posts changed', () => {
      expect(plan({ ...inputs, content: 'edited posts' }, bodyEdited)).toEqual({ urls: ['/posts/b/'] });
      expect(plan({ ...inputs, content: 'edited posts' }, pages)).toEqual({ urls: [] });
    });

    it('is every page when anything else changed: the site data beyond bodies, the code, .next/ or out/; or with FOLIO_FULL_BUILD=1, or no record', () => {
      expect(plan(inputs, { ...bodyEdited, shape: 'a title changed' })).toEqual({ every: 'posts changed more than their bodies' });
      expect(plan({ ...inputs, code: 'a component changed' }, bodyEdited)).toEqual({ every: 'something besides the posts changed' });
      expect(plan(inputs, bodyEdited, { FOLIO_FULL_BUILD: '1' })).toEqual({ every: 'FOLIO_FULL_BUILD is set' });
      fs.writeFileSync(path.join(root, 'out', 'extra.html'), 'extra');
      expect(plan(inputs, bodyEdited)).toEqual({ every: 'out/ is not as the last build left it' });
      fs.rmSync(path.join(root, 'out', 'extra.html'));
      fs.writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'build-2');
      expect(plan(inputs, bodyEdited)).toEqual({ every: ".next/ is not the last build's" });
      fs.writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'build-1');
      expect(plan(inputs, bodyEdited)).toEqual({ urls: ['/posts/b/'] });
      forgetLastBuild(root);
      expect(plan(inputs, bodyEdited)).toEqual({ every: 'no complete build to start from' });
    });
  });
});

describe('npm run build, run again', () => {
  let site: string;
  afterAll(removeBuiltSites);

  const build = async (env: Record<string, string> = {}) => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: site, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  };
  /** Every file of out/ with the time it was written. */
  const outFiles = () => Object.fromEntries(filesUnder(path.join(site, 'out')).map((file) => [path.relative(site, file), fs.statSync(file).mtimeMs]));
  const page = (slug: string) => fs.readFileSync(path.join(site, 'out', 'posts', slug, 'index.html'), 'utf8');

  it('skips when nothing changed, leaving out/ untouched; builds with FOLIO_FULL_BUILD=1, and after an edit', async () => {
    site = copySite(path.join(__dirname, 'fixtures', 'site', 'posts'), 'last-build');
    expect(await build()).toContain('Prepared ');
    const built = outFiles();
    expect(Object.keys(built)).toContain(path.join('out', 'posts', 'hello-world', 'index.html'));

    const skipped = await build();
    expect(skipped).toContain('Nothing changed since the last build');
    expect(skipped).not.toContain('Prepared ');
    expect(outFiles()).toEqual(built);

    expect(await build({ FOLIO_FULL_BUILD: '1' })).toContain('Prepared ');
    expect(outFiles()).not.toEqual(built);

    const file = path.join(site, 'posts', 'hello-world.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('The first paragraph of the hello world post.', 'An edited first paragraph.'));
    expect(await build()).toContain('Prepared ');
    expect(page('hello-world')).toContain('An edited first paragraph.');
    expect(await build()).toContain('Nothing changed since the last build');
  });
});
