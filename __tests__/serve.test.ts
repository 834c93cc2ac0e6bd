/**
 * @jest-environment node
 *
 * `npm run serve` (scripts/serve.ts) on a small export written here: content encoding as
 * the request negotiates it, the `_headers` rules, the `_redirects` of old URLs, 404.html,
 * each language's own 404 page, folder redirects, base path.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { CACHE_POLICIES, writeHeadersFile } from '../lib/export/headers';
import type { BuildManifest } from '../lib/export/manifest-file';
import { writeRedirects } from '../lib/export/redirects';
import { start } from '../scripts/serve';

const PAGE = `<!doctype html><html><head><script id="theme-script">document.documentElement.dataset.x=1</script></head><body>${'<p>Cached at the edge.</p>'.repeat(200)}</body></html>`;
const NOT_FOUND = '<!doctype html><title>Page not found</title><h1>Page not found</h1>';
const NOT_FOUND_FR = '<!doctype html><html lang="fr"><title>Page introuvable</title><h1>Page introuvable</h1>';
const NOT_FOUND_AR = '<!doctype html><html lang="ar" dir="rtl"><title>الصفحة غير موجودة</title><h1>الصفحة غير موجودة</h1>';

/**
 * An export in three languages (English at the root, French and Arabic under their codes)
 * with a home page each, a post, a stylesheet under `_next/static/`, each language's 404 page,
 * an old URL of the post (`/old/`) and its `_redirects` and `_headers`.
 */
function writeExport(basePath: string): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-serve-'));
  const files: Record<string, string> = {
    'index.html': PAGE,
    'posts/first/index.html': PAGE.replace('Cached', 'First'),
    '_next/static/chunks/a1b2c3.css': `body{color:#111}${'.x{margin:0}'.repeat(300)}`,
    '404.html': NOT_FOUND,
    'fr/index.html': PAGE.replace('Cached', 'Mis en cache'),
    'fr/404.html': NOT_FOUND_FR,
    'ar/404.html': NOT_FOUND_AR,
    'favicon.ico': 'an icon',
  };
  for (const [file, contents] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    fs.writeFileSync(path.join(outDir, file), contents);
  }
  const languages = ['en', 'fr', 'ar'].map((code) => ({ code, default: code === 'en' }));
  const manifest = { site: { url: 'https://folio.example.com', language: 'en', languages }, basePath, redirects: [{ from: '/old/', to: `${basePath}/posts/first/`, title: 'First' }] } as BuildManifest;
  writeRedirects(manifest, outDir);
  writeHeadersFile(outDir, { basePath, themeScripts: ['document.documentElement.dataset.x=1'] });
  return outDir;
}

describe('npm run serve', () => {
  let server: Awaited<ReturnType<typeof start>>;
  const get = (pathname: string, headers: Record<string, string> = {}) => fetch(new URL(pathname, server.origin), { headers, redirect: 'manual' });
  /** The body as sent, not decoded (fetch would decode it), and its encoding. */
  const rawBody = (pathname: string, encoding: string) =>
    new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      http.get(new URL(pathname, server.origin), { headers: { 'Accept-Encoding': encoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  describe('at the root', () => {
    beforeAll(async () => {
      server = await start(writeExport(''));
    });
    afterAll(() => server.close());

    it('compresses with brotli or gzip as the request prefers, and not at all when it asks for neither', async () => {
      const br = await get('/', { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('vary')).toMatch(/Accept-Encoding/i);
      const gzip = await get('/', { 'Accept-Encoding': 'gzip' });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      const plain = await get('/', { 'Accept-Encoding': 'identity' });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(PAGE);
    });

    it('sends bytes that decode to the file', async () => {
      const br = await rawBody('/', 'br');
      expect(br.encoding).toBe('br');
      expect(zlib.brotliDecompressSync(br.body).toString()).toBe(PAGE);
      const gzip = await rawBody('/', 'gzip');
      expect(gzip.encoding).toBe('gzip');
      expect(zlib.gunzipSync(gzip.body).toString()).toBe(PAGE);
      expect(br.body.length).toBeLessThan(PAGE.length / 10);
    });

    it('applies the _headers rules: hashed assets immutable, pages short, security headers everywhere', async () => {
      const css = await get('/_next/static/chunks/a1b2c3.css');
      expect(css.status).toBe(200);
      expect(css.headers.get('cache-control')).toBe(CACHE_POLICIES.immutable);
      for (const page of ['/', '/index.html', '/posts/first/']) {
        const response = await get(page);
        expect(response.status).toBe(200);
        expect(response.headers.get('cache-control')).toBe(CACHE_POLICIES.page);
        expect(response.headers.get('content-security-policy')).toContain("script-src 'sha256-");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        expect(response.headers.get('permissions-policy')).toContain('camera=()');
      }
    });

    it('answers a missing path with 404.html and status 404, and never serves _headers', async () => {
      for (const missing of ['/posts/none/', '/nothing.css', '/_headers']) {
        const response = await get(missing);
        expect(response.status).toBe(404);
        expect(await response.text()).toBe(NOT_FOUND);
      }
    });

    it("answers a missing path under a language's folder with that language's 404 page and status 404, as the rules of _redirects say", async () => {
      const answers = [];
      for (const missing of ['/fr/nothing/', '/fr/posts/x/', '/fr/nothing.css', '/ar/posts/x/', '/ar', '/nothing/', '/french/x/', '/posts/fr/']) {
        const response = await get(missing);
        answers.push({ missing, status: response.status, body: await response.text() });
      }
      expect(answers).toEqual([
        { missing: '/fr/nothing/', status: 404, body: NOT_FOUND_FR },
        { missing: '/fr/posts/x/', status: 404, body: NOT_FOUND_FR },
        { missing: '/fr/nothing.css', status: 404, body: NOT_FOUND_FR },
        { missing: '/ar/posts/x/', status: 404, body: NOT_FOUND_AR },
        { missing: '/ar', status: 404, body: NOT_FOUND_AR },
        { missing: '/nothing/', status: 404, body: NOT_FOUND },
        { missing: '/french/x/', status: 404, body: NOT_FOUND },
        { missing: '/posts/fr/', status: 404, body: NOT_FOUND },
      ]);
      const frenchNotFound = await get('/fr/nothing/');
      expect([frenchNotFound.headers.get('content-type'), frenchNotFound.headers.get('x-content-type-options')]).toEqual(['text/html; charset=utf-8', 'nosniff']);
      const frenchHome = await get('/fr/');
      expect([frenchHome.status, await frenchHome.text()]).toEqual([200, PAGE.replace('Cached', 'Mis en cache')]);
    });

    it('answers a path with a malformed escape with 404.html, and keeps serving', async () => {
      for (const malformed of ['/%zz', '/posts/first%E0']) {
        const response = await get(malformed);
        expect(response.status).toBe(404);
        expect(await response.text()).toBe(NOT_FOUND);
      }
      expect((await get('/')).status).toBe(200);
    });

    it('redirects a folder without its slash, as static hosts do', async () => {
      const response = await get('/posts/first?x=1');
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe('/posts/first/?x=1');
    });

    it('answers an old URL of a post with the 301 of _redirects, with its slash or without, and never serves _redirects', async () => {
      for (const old of ['/old/', '/old']) {
        const response = await get(old);
        expect({ old, status: response.status, location: response.headers.get('location') }).toEqual({ old, status: 301, location: '/posts/first/' });
      }
      expect((await get('/_redirects')).status).toBe(404);
    });

    it('sends the favicon as an icon, which no table of sirv names, with the icons\' cache policy', async () => {
      const favicon = await get('/favicon.ico');
      expect([favicon.status, favicon.headers.get('content-type'), favicon.headers.get('cache-control')]).toEqual([200, 'image/x-icon', CACHE_POLICIES.icon]);
    });
  });

  describe('with headers: false, as a host that ignores _headers', () => {
    beforeAll(async () => {
      server = await start(writeExport(''), { headers: false });
    });
    afterAll(() => server.close());

    it('serves every file with none of its headers', async () => {
      const home = await get('/');
      expect(home.status).toBe(200);
      expect([home.headers.get('content-security-policy'), home.headers.get('cache-control')]).toEqual([null, null]);
      expect((await get('/posts/first/')).headers.get('x-content-type-options')).toBeNull();
    });
  });

  describe('with redirects: false, as GitHub Pages or S3, which read no _redirects', () => {
    beforeAll(async () => {
      server = await start(writeExport(''), { headers: false, redirects: false });
    });
    afterAll(() => server.close());

    it('serves the page left at the old URL, which sends the reader on', async () => {
      const old = await get('/old/');
      expect(old.status).toBe(200);
      expect(await old.text()).toContain('<meta http-equiv="refresh" content="0; url=/posts/first/">');
    });

    it("answers a missing path under a language's folder with the root 404.html, the one page GitHub Pages serves", async () => {
      const missing = await get('/fr/nothing/');
      expect([missing.status, await missing.text()]).toEqual([404, NOT_FOUND]);
    });
  });

  describe('under a base path', () => {
    beforeAll(async () => {
      server = await start(writeExport('/my-repo'), { basePath: '/my-repo/' });
    });
    afterAll(() => server.close());

    it('serves the site under it, with the rules written for it, and nothing outside it', async () => {
      expect(server.url).toBe(`${server.origin}/my-repo/`);
      const home = await get('/my-repo/');
      expect(home.status).toBe(200);
      expect(home.headers.get('cache-control')).toBe(CACHE_POLICIES.page);
      expect((await get('/my-repo/_next/static/chunks/a1b2c3.css')).headers.get('cache-control')).toBe(CACHE_POLICIES.immutable);
      expect((await get('/my-repo')).headers.get('location')).toBe('/my-repo/');
      for (const outside of ['/', '/posts/first/', '/my-repository/', '/old/']) expect((await get(outside)).status).toBe(404);
      const old = await get('/my-repo/old/');
      expect([old.status, old.headers.get('location')]).toEqual([301, '/my-repo/posts/first/']);
      const frenchMissing = await get('/my-repo/fr/nothing/');
      expect([frenchMissing.status, await frenchMissing.text()]).toEqual([404, NOT_FOUND_FR]);
      expect(await (await get('/fr/nothing/')).text()).toBe(NOT_FOUND);
    });
  });

  it('refuses a malformed _redirects file, as Netlify would', async () => {
    const outDir = writeExport('');
    fs.writeFileSync(path.join(outDir, '_redirects'), '/old/\n');
    await expect(start(outDir)).rejects.toThrow(/_redirects is not valid/);
  });

  it('refuses a malformed _headers file, as Netlify would', async () => {
    const outDir = writeExport('');
    fs.writeFileSync(path.join(outDir, '_headers'), '  X-Orphan: value\n');
    await expect(start(outDir)).rejects.toThrow(/_headers is not valid/);
  });
});
