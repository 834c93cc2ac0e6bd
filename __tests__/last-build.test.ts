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
import { forgetLastBuild, inputsFingerprint, isBuiltFrom, recordLastBuild } from '../lib/build/last-build';
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
    expect(inputsFingerprint(root, posts, { ...env })).toBe(base);
  });

  it('changes with a post, a new post, a folder post\'s file, a setting, a file in public/ and any other file of the project', () => {
    for (const [file, text] of [
      ['posts/a.md', post('title: A, edited\ndate: 2020-01-01')],
      ['posts/c.md', post('title: C\ndate: 2020-01-03')],
      ['posts/b/photo.png', 'a photo'],
      ['lib/config/settings.ts', "export const settings = { title: 'Folio, renamed' };\n"],
      ['public/social-default.png', 'another image'],
      ['components/Post/Post.tsx', 'export {};\n'],
      ['.env.local', 'NEXT_PUBLIC_ANALYTICS=1\n'],
    ]) {
      expect({ file, fingerprint: after(file, text) }).toEqual({ file, fingerprint: expect.not.stringMatching(base) });
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
      expect(linked).not.toBe(base);
      fs.writeFileSync(target, post('title: Shared, edited\ndate: 2020-01-04'));
      expect(inputsFingerprint(root, posts, env)).not.toBe(linked);
    } finally {
      fs.rmSync(link);
      fs.rmSync(broken);
    }
    expect(inputsFingerprint(root, posts, env)).toBe(base);
  });

  it('changes with the variables a build reads (the site\'s URL, the base path, Folio\'s), not with others or those that steer tools (FOLIO_FULL_BUILD, FOLIO_BROWSER)', () => {
    for (const changed of [{ SITE_URL: 'https://example.org' }, { BASE_PATH: '/blog' }, { FOLIO_INTEGRATIONS: 'comments' }, { NEXT_PUBLIC_ID: '1' }, { TZ: 'Pacific/Kiritimati' }]) {
      expect({ changed, fingerprint: inputsFingerprint(root, posts, { ...env, ...changed }) }).toEqual({ changed, fingerprint: expect.not.stringMatching(base) });
    }
    expect(inputsFingerprint(root, posts, { ...env, HOME: '/elsewhere', FOLIO_FULL_BUILD: '1', FOLIO_BROWSER: 'system' })).toBe(base);
  });

  it('changes with the day, as a scheduled post waits for its own', () => {
    jest.useFakeTimers({ now: new Date('2040-06-01T12:00:00Z'), doNotFake: ['setTimeout', 'setImmediate', 'nextTick'] });
    try {
      expect(inputsFingerprint(root, posts, env)).not.toBe(base);
    } finally {
      jest.useRealTimers();
    }
  });

  it('takes the posts from a folder outside the project when the build reads them there', () => {
    const elsewhere = writePosts({ 'z.md': post('title: Z\ndate: 2020-01-01') });
    const withElsewhere = inputsFingerprint(root, elsewhere, env);
    fs.writeFileSync(path.join(elsewhere, 'z.md'), post('title: Z, edited\ndate: 2020-01-01'));
    expect(inputsFingerprint(root, elsewhere, env)).not.toBe(withElsewhere);
  });
});

describe('the record of the last build', () => {
  it('matches only the same inputs with out/ as the build left it: a file rewritten, removed or added in out/ does not', () => {
    const root = project();
    const inputs = inputsFingerprint(root, path.join(root, 'posts'), {});
    expect(isBuiltFrom(root, inputs)).toBe(false);
    recordLastBuild(root, inputs);
    expect(isBuiltFrom(root, inputs)).toBe(true);
    expect(isBuiltFrom(root, 'other inputs')).toBe(false);

    const page = path.join(root, 'out', 'posts', 'a', 'index.html');
    const later = new Date(fs.statSync(page).mtimeMs + 1000);
    fs.writeFileSync(page, '<h1>A</h1>');
    fs.utimesSync(page, later, later);
    expect(isBuiltFrom(root, inputs)).toBe(false);
    recordLastBuild(root, inputs);
    fs.rmSync(page);
    expect(isBuiltFrom(root, inputs)).toBe(false);
    fs.writeFileSync(page, '<h1>A</h1>');
    recordLastBuild(root, inputs);
    fs.writeFileSync(path.join(root, 'out', 'extra.html'), 'extra');
    expect(isBuiltFrom(root, inputs)).toBe(false);
    fs.rmSync(path.join(root, 'out', 'extra.html'));
    expect(isBuiltFrom(root, inputs)).toBe(true);
    forgetLastBuild(root);
    expect(isBuiltFrom(root, inputs)).toBe(false);
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
