/**
 * @jest-environment node
 *
 * The ready-made deploy files, which no test can run against the real hosts: what they
 * build, publish and set. deploy-s3.sh runs for real here, against a stand-in `aws` command
 * that records what it is asked to do, and so does CI's script, .ci/run, against stand-in
 * `apt-get`, `npm` and `node`. vercel.json is checked in headers.test.ts and
 * e2e/base-path.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { CACHE_POLICIES } from '../lib/export/headers';
import { isOutAsLeft, readLastBuild, recordLastBuild } from '../lib/build/last-build';
import { folioCacheDir } from '../lib/node/folders';

const root = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

interface WorkflowStep {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

describe('.github/workflows/deploy.yml (GitHub Pages)', () => {
  const workflow = parseYaml(read('.github/workflows/deploy.yml'));
  const steps: WorkflowStep[] = workflow.jobs.build.steps;
  const step = (uses: string) => steps.find((entry) => entry.uses?.startsWith(`${uses}@`));

  it('deploys main with the permissions Pages needs, one deploy at a time', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(workflow.concurrency.group).toBe('pages');
  });

  it('builds every day as well, so a scheduled post goes live on its date without a push', () => {
    const crons: string[] = workflow.on.schedule.map((entry: { cron: string }) => entry.cron);
    expect(crons).toHaveLength(1);
    // minute hour day-of-month month day-of-week: one fixed time, every day.
    expect(crons[0].split(/\s+/)).toEqual([expect.stringMatching(/^\d{1,2}$/), expect.stringMatching(/^\d{1,2}$/), '*', '*', '*']);
  });

  it('checks out the whole history, which the last-updated dates from git need', () => {
    expect(step('actions/checkout')?.with).toEqual({ 'fetch-depth': 0 });
  });

  it('builds with npm ci and npm run build under the base path and origin GitHub Pages reports', () => {
    const pages = step('actions/configure-pages')!;
    const runs = steps.map((entry) => entry.run).filter(Boolean);
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm run build'));
    const build = steps.find((entry) => entry.run === 'npm run build')!;
    expect(steps.indexOf(pages)).toBeLessThan(steps.indexOf(build));
    expect(build.env).toMatchObject({ BASE_PATH: `\${{ steps.${pages.id}.outputs.base_path }}`, SITE_URL: `\${{ steps.${pages.id}.outputs.origin }}` });
  });

  it('restores .next/ and out/ before the build and saves them as the build left them, keyed by the lockfile, on the current Node LTS', () => {
    const restore = step('actions/cache/restore')!;
    const save = step('actions/cache/save')!;
    const build = steps.findIndex((entry) => entry.run === 'npm run build');
    const lockfileKey = expect.stringContaining("hashFiles('package-lock.json')");
    expect(restore.with).toMatchObject({ path: '.next\nout\n', key: lockfileKey, 'restore-keys': lockfileKey });
    expect(save.with).toMatchObject({ path: '.next\nout\n', key: restore.with!.key });
    // A key of each run's own: the scheduled run builds a commit already built, and a key once saved is never saved again.
    expect(restore.with!.key).toContain('${{ github.run_id }}');
    expect(String(restore.with!.key).startsWith(String(restore.with!['restore-keys']))).toBe(true);
    expect(steps.indexOf(restore)).toBeLessThan(build);
    expect(steps.indexOf(save)).toBeGreaterThan(build);
    // Before out/ loses _headers for Pages: a record that names a file out/ no longer has renders every page.
    expect(steps.indexOf(save)).toBeLessThan(steps.findIndex((entry) => entry.run?.includes('out/_headers')));
    expect(step('actions/setup-node')?.with).toMatchObject({ 'node-version': 24 });
  });

  it('uploads out/ as the Pages artifact and deploys it with deploy-pages', () => {
    expect(step('actions/upload-pages-artifact')?.with).toEqual({ path: 'out' });
    const deploy = workflow.jobs.deploy;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment.name).toBe('github-pages');
    expect(deploy.steps.map((entry: WorkflowStep) => entry.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });
});

describe('netlify.toml', () => {
  const config = parseToml(read('netlify.toml')) as { build: { command: string; publish: string; environment: Record<string, string> }; headers?: unknown; plugins: { package: string }[] };

  it('builds with npm run build and publishes out/', () => {
    expect(config.build.command).toBe('npm run build');
    expect(config.build.publish).toBe('out');
    expect(config.build.environment.NETLIFY_NEXT_PLUGIN_SKIP).toBe('true');
  });

  it('sets no headers itself: they come from out/_headers alone, which netlify.toml headers would override', () => {
    expect(config.headers).toBeUndefined();
  });

  it("keeps .next/ and out/ between builds with the local plugin, which Netlify's own cache utility saves and restores into a fresh clone as the build left them", () => {
    expect(config.plugins).toEqual([{ package: './scripts/netlify-cache' }]);
    expect(parseYaml(read('scripts/netlify-cache/manifest.yml'))).toEqual({ name: 'folio-build-cache' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-netlify-cache-'));
    const [firstClone, secondClone] = [path.join(dir, 'first'), path.join(dir, 'second')];
    const entry = (clone: string) => path.join(folioCacheDir(clone), 'compiled', 'ab', 'abcd.json');
    fs.mkdirSync(path.dirname(entry(firstClone)), { recursive: true });
    fs.writeFileSync(entry(firstClone), '{"html":"<p>cached</p>"}');
    // A page written at a time with a part finer than a millisecond, as a build writes files.
    const page = path.join(firstClone, 'out', 'index.html');
    fs.mkdirSync(path.dirname(page), { recursive: true });
    fs.writeFileSync(page, '<h1>Home</h1>');
    fs.utimesSync(page, 1_796_469_125.2573328, 1_796_469_125.2573328);
    expect(fs.statSync(page).mtimeMs % 1).not.toBe(0);
    recordLastBuild(firstClone, { code: 'code', content: 'content' }, { shape: 'shape', bodies: {} });
    fs.mkdirSync(secondClone);
    // The plugin's hooks as Netlify calls them, with its cache utility (ESM only, so in a Node
    // process of its own): a first build from nothing, saved after it; then a fresh clone.
    const script = `
      import { bindOpts } from '@netlify/cache-utils';
      import { onPreBuild, onPostBuild } from './scripts/netlify-cache/index.mjs';
      const event = (cwd) => ({ utils: { cache: bindOpts({ cacheDir: ${JSON.stringify(path.join(dir, 'netlify-cache'))}, cwd }) } });
      await onPreBuild(event(${JSON.stringify(firstClone)}));
      await onPostBuild(event(${JSON.stringify(firstClone)}));
      await onPreBuild(event(${JSON.stringify(secondClone)}));`;
    try {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim().split('\n')).toEqual([
        'Folio: no .next saved yet; this build starts without it',
        'Folio: no out saved yet; this build starts without it',
        'Folio: saved .next for the next build',
        'Folio: saved out for the next build',
        'Folio: restored .next from the last build',
        'Folio: restored out from the last build',
      ]);
      // What a build compiled is back in the fresh clone, where Folio's caches look for it,
      // and out/ is as the last build's record says it left it: a build there can render only
      // the pages that changed (lib/build/last-build.ts).
      expect(fs.readFileSync(entry(secondClone), 'utf8')).toBe('{"html":"<p>cached</p>"}');
      const last = readLastBuild(secondClone);
      expect(last?.inputs).toEqual({ code: 'code', content: 'content' });
      expect(isOutAsLeft(secondClone, last!)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scripts/deploy-s3.sh', () => {
  const script = read('scripts/deploy-s3.sh');

  it('uses the cache policies of lib/export/headers.ts', () => {
    const policy = (name: string) => new RegExp(`^${name}='([^']*)'$`, 'm').exec(script)?.[1];
    expect(policy('IMMUTABLE')).toBe(CACHE_POLICIES.immutable);
    expect(policy('PAGE')).toBe(CACHE_POLICIES.page);
    expect(policy('SEARCH_ENTRY')).toBe(CACHE_POLICIES.searchEntry);
    expect(policy('ICON')).toBe(CACHE_POLICIES.icon);
  });

  /** An export, a stand-in `aws` that logs its arguments, and the manifest the last deploy left. */
  function setUp(previousManifest: string | null) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-s3-'));
    const out = path.join(dir, 'out');
    const files: Record<string, string> = {
      'index.html': 'home',
      'posts/same/index.html': 'same',
      'posts/edited/index.html': 'edited, new text',
      'posts/新/index.html': 'new post',
      'rss.xml': '<rss/>',
      'social-default.png': 'png',
      'favicon.ico': 'ico',
      'manifest.webmanifest': '{}',
      'icons/icon.svg': '<svg/>',
      'icons/icon-192.png': 'png',
      // Named like an icon, but a post's file: a page's policy, and no invalidation.
      'posts/same/favicon.ico': 'ico',
      '_next/static/chunks/a1.css': 'css',
      'pagefind/pagefind.js': 'js',
      'pagefind/index/en_1.pf_index': 'index',
      _headers: '/*\n  X: y\n',
    };
    for (const [file, contents] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
      fs.writeFileSync(path.join(out, file), contents);
    }
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const log = path.join(dir, 'aws.log');
    const previous = path.join(dir, 'previous.txt');
    if (previousManifest !== null) fs.writeFileSync(previous, previousManifest);
    fs.writeFileSync(
      path.join(bin, 'aws'),
      [
        '#!/usr/bin/env bash',
        `printf '%s\\x1f' "$@" >> ${JSON.stringify(log)}; echo >> ${JSON.stringify(log)}`,
        // Reading the last manifest: there is one only if the test left it.
        `if [[ "$1 $2" == "s3 cp" && "$3" == s3://* ]]; then cp ${JSON.stringify(previous)} "$4" 2>/dev/null || exit 1; fi`,
        `if [[ "$1 $2" == "s3 cp" && "$4" == s3://* ]]; then cp "$3" ${JSON.stringify(path.join(dir, 'uploaded.txt'))}; fi`,
      ].join('\n'),
      { mode: 0o755 },
    );
    const run = (env: Record<string, string>) => {
      const output = execFileSync('bash', [path.join(root, 'scripts', 'deploy-s3.sh'), out], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env }, encoding: 'utf8' });
      const calls = fs.readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split('\x1f').slice(0, -1));
      return { output, calls, uploaded: fs.existsSync(path.join(dir, 'uploaded.txt')) ? fs.readFileSync(path.join(dir, 'uploaded.txt'), 'utf8') : null };
    };
    const hashOf = (file: string) => execFileSync('sha256sum', [path.join(out, file)], { encoding: 'utf8' }).split(' ')[0];
    return { run, hashOf, out };
  }

  const option = (call: string[], name: string) => call[call.indexOf(name) + 1];
  const filters = (call: string[]) => call.flatMap((arg, i) => (arg === '--include' || arg === '--exclude' ? [`${arg} ${call[i + 1]}`] : []));

  it('uploads hashed files immutable and never deletes them, then search entries, then the icons for a day, then everything else short, deleting what is gone', () => {
    const { run } = setUp(null);
    const { calls } = run({ S3_BUCKET: 'blog', BASE_PATH: '/my-repo', CLOUDFRONT_DISTRIBUTION_ID: 'E1' });
    const syncs = calls.filter((call) => call[0] === 's3' && call[1] === 'sync');
    expect(syncs.map((call) => call[3])).toEqual(['s3://blog/my-repo', 's3://blog/my-repo', 's3://blog/my-repo', 's3://blog/my-repo']);
    const [hashed, entries, icons, rest] = syncs;
    expect(option(hashed, '--cache-control')).toBe('public, max-age=31536000, immutable');
    expect(filters(hashed)).toEqual(['--exclude *', '--include _next/static/*', '--include _img/*', '--include pagefind/*.pf_index', '--include pagefind/*.pf_fragment', '--include pagefind/*.pf_filter', '--include pagefind/*.pf_meta']);
    expect(hashed).not.toContain('--delete');
    expect(option(entries, '--cache-control')).toBe(CACHE_POLICIES.searchEntry);
    expect(filters(entries).slice(0, 2)).toEqual(['--exclude *', '--include pagefind/*']);
    expect(option(icons, '--cache-control')).toBe(CACHE_POLICIES.icon);
    expect(filters(icons)).toEqual(['--exclude *', '--include favicon.ico', '--include icons/*']);
    expect(icons).not.toContain('--delete');
    const manifest = calls.find((call) => call[1] === 'cp' && call[3] === 's3://blog/my-repo/manifest.webmanifest')!;
    expect([option(manifest, '--cache-control'), option(manifest, '--content-type')]).toEqual([CACHE_POLICIES.icon, 'application/manifest+json']);
    expect(option(rest, '--cache-control')).toBe(CACHE_POLICIES.page);
    expect(rest).toContain('--delete');
    expect(filters(rest)).toEqual(['--exclude _next/static/*', '--exclude _img/*', '--exclude pagefind/*', '--exclude favicon.ico', '--exclude icons/*', '--exclude manifest.webmanifest', '--exclude _headers', '--exclude _redirects', '--exclude .deploy/*']);
  });

  it('reads the base path as the build does, with or without its slashes', () => {
    const destinations = (basePath: string) =>
      setUp(null)
        .run({ S3_BUCKET: 'blog', BASE_PATH: basePath })
        .calls.filter((call) => call[0] === 's3' && call[1] === 'sync')
        .map((call) => call[3]);
    for (const basePath of ['my-repo', '/my-repo/']) expect(destinations(basePath)).toEqual(Array(4).fill('s3://blog/my-repo'));
    expect(destinations('')).toEqual(Array(4).fill('s3://blog'));
  });

  it('invalidates only the pages and icons that changed, appeared or went since the last deploy, and records the new hashes', () => {
    const { run, hashOf } = setUp('');
    const first = run({ S3_BUCKET: 'blog', BASE_PATH: '/my-repo', CLOUDFRONT_DISTRIBUTION_ID: 'E1' });
    expect(first.uploaded).toContain('  posts/edited/index.html\n');

    const previous = [`${hashOf('index.html')}  index.html`, `${hashOf('posts/same/index.html')}  posts/same/index.html`, `${'0'.repeat(64)}  posts/edited/index.html`, `${'1'.repeat(64)}  posts/gone/index.html`, `${hashOf('rss.xml')}  rss.xml`, `${'2'.repeat(64)}  favicon.ico`, ...['manifest.webmanifest', 'icons/icon.svg', 'icons/icon-192.png'].map((file) => `${hashOf(file)}  ${file}`)].join('\n');
    const { calls, uploaded } = setUp(`${previous}\n`).run({ S3_BUCKET: 'blog', BASE_PATH: '/my-repo', CLOUDFRONT_DISTRIBUTION_ID: 'E1' });
    const invalidation = calls.find((call) => call[0] === 'cloudfront')!;
    expect(option(invalidation, '--distribution-id')).toBe('E1');
    const paths = invalidation.slice(invalidation.indexOf('--paths') + 1);
    expect(paths.sort()).toEqual(['/my-repo/posts/%E6%96%B0/', '/my-repo/posts/%E6%96%B0/index.html', '/my-repo/posts/edited/', '/my-repo/posts/edited/index.html', '/my-repo/posts/gone/', '/my-repo/posts/gone/index.html', '/my-repo/favicon.ico'].sort());
    const manifestUpload = calls.at(-1)!;
    expect(manifestUpload.slice(0, 2)).toEqual(['s3', 'cp']);
    expect(manifestUpload[3]).toBe('s3://blog/my-repo/.deploy/page-hashes.txt');
    expect(uploaded!.split('\n').filter(Boolean).map((line) => line.split('  ')[1]).sort()).toEqual(['index.html', 'posts/edited/index.html', 'posts/same/index.html', 'posts/新/index.html', 'rss.xml', 'favicon.ico', 'manifest.webmanifest', 'icons/icon.svg', 'icons/icon-192.png'].sort());
  });

  it('on a dry run, goes through every upload as a dry run and changes nothing', () => {
    const { run, out } = setUp('');
    const { calls, output } = run({ S3_BUCKET: 'blog', CLOUDFRONT_DISTRIBUTION_ID: 'E1', DRY_RUN: '1' });
    // Every upload is a dry run; the one call that is not reads the last deploy's hashes.
    expect(calls.filter((call) => call.includes('--dryrun')).map((call) => call.slice(0, 4))).toEqual([
      ['s3', 'sync', out, 's3://blog'],
      ['s3', 'sync', out, 's3://blog'],
      ['s3', 'sync', out, 's3://blog'],
      ['s3', 'cp', path.join(out, 'manifest.webmanifest'), 's3://blog/manifest.webmanifest'],
      ['s3', 'sync', out, 's3://blog'],
    ]);
    expect(calls.filter((call) => !call.includes('--dryrun'))).toEqual([['s3', 'cp', 's3://blog/.deploy/page-hashes.txt', expect.any(String), '--only-show-errors']]);
    expect(output).toMatch(/\(dry run\) would invalidate: .*\/posts\/edited\//);
  });
});

describe('.ci/run', () => {
  /**
   * Runs .ci/run with stand-ins for the commands it runs, which log their arguments and the
   * browser asked for (`FOLIO_BROWSER`), as `uid` and with `chromium` installed or not.
   * Nothing else is on PATH, so the script can reach no real command but these.
   */
  function runCi({ uid, chromium, aptGet = true }: { uid: number; chromium: boolean; aptGet?: boolean }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-ci-'));
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const log = path.join(dir, 'calls.log');
    const stub = (name: string, body = '') =>
      fs.writeFileSync(path.join(bin, name), `#!/bin/bash\necho "${name} $* [FOLIO_BROWSER=\${FOLIO_BROWSER:-}]" >> ${JSON.stringify(log)}\n${body}\n`, { mode: 0o755 });
    for (const name of ['npm', 'node', 'npx']) stub(name);
    if (aptGet) stub('apt-get');
    if (chromium) stub('chromium');
    stub('id', `echo ${uid}`);
    fs.symlinkSync(execFileSync('bash', ['-c', 'command -v dirname'], { encoding: 'utf8' }).trim(), path.join(bin, 'dirname'));
    const result = spawnSync('/bin/bash', [path.join(root, '.ci', 'run')], { env: { PATH: bin, HOME: dir, NODE_ENV: 'test' }, encoding: 'utf8' });
    const calls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
    return { status: result.status, stderr: result.stderr, calls: calls.filter((call) => !call.startsWith('id ')) };
  }

  it("installs Debian's chromium as root, runs npm test under it, then the files that use the browser each in their own way under the packaged Chromium", () => {
    const { status, calls } = runCi({ uid: 0, chromium: false });
    expect(status).toBe(0);
    expect(calls).toEqual([
      'apt-get update -q [FOLIO_BROWSER=]',
      'apt-get install -y -q chromium [FOLIO_BROWSER=]',
      'npm ci --no-audit --no-fund [FOLIO_BROWSER=]',
      'npm test [FOLIO_BROWSER=system]',
      'node --import tsx e2e/run.ts e2e/site.test.ts e2e/cms.test.ts e2e/dev.test.ts e2e/redirects.test.ts [FOLIO_BROWSER=packaged]',
      'npx -y -p node@24 -- node -e if (!process.version.startsWith("v24.")) throw new Error(`expected Node 24, ran ${process.version}`) [FOLIO_BROWSER=]',
      'npx -y -p node@24 -- node --import tsx scripts/build.ts [FOLIO_BROWSER=]',
    ]);
  });

  it('installs nothing when chromium is there already', () => {
    const { calls } = runCi({ uid: 1000, chromium: true });
    expect(calls.filter((call) => call.startsWith('apt-get'))).toEqual([]);
    expect(calls.slice(-4, -2)).toEqual(['npm test [FOLIO_BROWSER=system]', 'node --import tsx e2e/run.ts e2e/site.test.ts e2e/cms.test.ts e2e/dev.test.ts e2e/redirects.test.ts [FOLIO_BROWSER=packaged]']);
  });

  it('then builds the sample site under Node 24, whatever the browser', () => {
    for (const setting of [{ uid: 0, chromium: false }, { uid: 1000, chromium: false }]) {
      expect(runCi(setting).calls.slice(-2)).toEqual([
        'npx -y -p node@24 -- node -e if (!process.version.startsWith("v24.")) throw new Error(`expected Node 24, ran ${process.version}`) [FOLIO_BROWSER=]',
        'npx -y -p node@24 -- node --import tsx scripts/build.ts [FOLIO_BROWSER=]',
      ]);
    }
  });

  it('says so and runs the whole suite under the packaged Chromium where it cannot install one (not root, or no apt-get)', () => {
    for (const setting of [{ uid: 1000, chromium: false }, { uid: 0, chromium: false, aptGet: false }]) {
      const { status, stderr, calls } = runCi(setting);
      expect(status).toBe(0);
      expect(stderr).toContain("cannot install Debian's chromium here");
      expect(calls.slice(0, 2)).toEqual(['npm ci --no-audit --no-fund [FOLIO_BROWSER=]', 'npm test [FOLIO_BROWSER=packaged]']);
    }
  });
});
