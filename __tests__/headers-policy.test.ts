/** @jest-environment node */
// The security headers (lib/export/headers.ts) word for word, and the details of the rules that
// headers.test.ts leaves out: which extra sources are refused, and rules that do not depend
// on the order the files come in or on an earlier `_headers`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CACHE_POLICIES, contentSecurityPolicy, cspHash, headerRules, headersFor, themeScriptHashes, writeHeadersFile } from '../lib/export/headers';
import { YOUTUBE_PLAY_STYLE } from '../lib/integrations/youtube-frame';
import { COPY_CODE_SCRIPT } from '../lib/routes/page-scripts';

const HASH = cspHash('theme();');
const policy = { themeScriptHashes: [HASH] };

describe('the Content-Security-Policy of a page', () => {
  it('is, directive by directive:', () => {
    expect(contentSecurityPolicy(policy).split('; ')).toEqual([
      "default-src 'self'",
      `script-src ${HASH} ${cspHash(COPY_CODE_SCRIPT)}`,
      `style-src 'self' ${cspHash(YOUTUBE_PLAY_STYLE)}`,
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data: https:",
      "media-src 'self' https:",
      "font-src 'self'",
      "connect-src 'self'",
      'frame-src https://www.youtube-nocookie.com',
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'self'",
    ]);
  });

  it('is the same whatever order the pages\' theme scripts come in', () => {
    expect(themeScriptHashes(['b();', 'a();', 'b();'])).toEqual([cspHash('a();'), cspHash('b();')].sort());
    expect(themeScriptHashes(['a();', 'b();'])).toEqual(themeScriptHashes(['b();', 'a();']));
  });
});

describe('extra sources', () => {
  const withExtra = (extra: Record<string, unknown>) => () => contentSecurityPolicy({ ...policy, extra: extra as never });

  it.each(["'unsafe-hashes'", "'strict-dynamic'", 'http:', 'data:', 'blob:'])('refuse %s as a script source', (source) => {
    expect(withExtra({ scriptSrc: [source] })).toThrow(`Content-Security-Policy: scriptSrc may not add ${source}, which would let any script run; add the script's origin instead`);
  });

  it('take the schemes a script may not come from in the other directives', () => {
    const csp = contentSecurityPolicy({ ...policy, extra: { imgSrc: ['blob:'], connectSrc: ['https:'], frameSrc: ['data:'] } });
    expect(csp).toContain("img-src 'self' data: https: blob:");
    expect(csp).toContain("connect-src 'self' https:");
    expect(csp).toContain('frame-src https://www.youtube-nocookie.com data:');
  });

  it('refuse an empty source and one that is not text, naming the directive', () => {
    expect(withExtra({ imgSrc: [''] })).toThrow('Content-Security-Policy: imgSrc source "" is not one source expression (like https://example.com)');
    expect(withExtra({ connectSrc: [5] })).toThrow('Content-Security-Policy: connectSrc source 5 is not one source expression (like https://example.com)');
  });

  it('may leave a directive unset', () => {
    expect(contentSecurityPolicy({ ...policy, extra: { imgSrc: undefined } })).toBe(contentSecurityPolicy(policy));
  });
});

describe('the files of a kind', () => {
  it('search chunks are the files whose name ends in a Pagefind chunk extension', () => {
    expect(headersFor('/pagefind/index/en_1a2b.pf_index', policy)['Cache-Control']).toBe(CACHE_POLICIES.immutable);
    expect(headersFor('/pagefind/notes.pf_meta.json', policy)['Cache-Control']).toBe(CACHE_POLICIES.searchEntry);
    // An index in parts: each part's chunks are chunks; the list of parts names the current ones.
    expect(headersFor('/pagefind/parts/2/fragment/en_1a2b.pf_fragment', policy)['Cache-Control']).toBe(CACHE_POLICIES.immutable);
    expect(headersFor('/pagefind/parts/2/pagefind-entry.json', policy)['Cache-Control']).toBe(CACHE_POLICIES.searchEntry);
    expect(headersFor('/pagefind/parts.json', policy)['Cache-Control']).toBe(CACHE_POLICIES.searchEntry);
  });
});

describe('headerRules', () => {
  const files = ['/index.html', '/_next/static/app.js', '/posts/a/index.html', '/posts/a/cover.png', '/pagefind/pagefind.js', '/favicon.ico'];

  it('are none for no files', () => {
    expect(headerRules([], { basePath: '', ...policy })).toEqual([]);
  });

  it('do not depend on the order the files are listed in', () => {
    expect(headerRules([...files].reverse(), { basePath: '', ...policy })).toEqual(headerRules([...files].sort(), { basePath: '', ...policy }));
  });

  it('leave out the _headers file that an earlier build wrote', () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-headers-'));
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
      fs.writeFileSync(path.join(outDir, file), 'x');
    }
    const first = writeHeadersFile(outDir, { basePath: '', themeScripts: ['theme();'] });
    const second = writeHeadersFile(outDir, { basePath: '', themeScripts: ['theme();'] });
    expect(second).toEqual(first);
    expect(second.map((rule) => rule.pattern)).not.toContain('/_headers');
    expect(second.map((rule) => rule.pattern)).toContain('/index.html');
  });
});
