/**
 * `npm run serve`: serves an export (`out/`) on this machine the way a CDN serves it, to
 * preview a production build and to run the e2e tests against:
 * - gzip or brotli, as the browser's `Accept-Encoding` asks (compression);
 * - each file's media type, `image/x-icon` for the favicon too;
 * - the headers of `out/_headers`, matched as Netlify matches them (its own parser);
 * - the redirects of `out/_redirects` (the old URLs of posts), read with Netlify's own parser:
 *   a 301 with the Location the first rule for the path gives, with or without its slash;
 * - `/posts/x/` → `posts/x/index.html`, `/posts/x` → a 301 to `/posts/x/`;
 * - anything else → `404.html` with status 404; under a folder a `404` rule of `_redirects`
 *   names (`/fr/*  /fr/404.html  404`, each language's own 404 page), the file it names, as
 *   Netlify serves it (and Cloudflare Pages, which serves the nearest `404.html`);
 * - under a base path, when the site was built with one: the site is at `/my-repo/`, and
 *   nothing is outside it.
 *
 *   npm run serve                                  # out/ at http://127.0.0.1:3000/
 *   npm run serve -- --port 8080 --base-path /my-repo [out-dir]
 *   BASE_PATH=/my-repo npm run serve               # the base path `npm run build` used
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { parseAllRedirects } from '@netlify/redirect-parser';
import compression from 'compression';
import sirv from 'sirv';
import { parseBasePath, stripBasePath } from '../lib/routes/base-path';

/**
 * The rules of `outDir/_headers` (none if there is no such file); a file Netlify would
 * reject is an error here too.
 */
async function readHeaderRules(outDir: string): Promise<Header[]> {
  const file = path.join(outDir, '_headers');
  if (!fs.existsSync(file)) return [];
  const { headers, errors } = await parseAllHeaders({ headersFiles: [file], configHeaders: [], minimal: false });
  if (errors.length) throw new Error(`${file} is not valid:\n${errors.map((error) => error.message).join('\n')}`);
  // Not minimal: every rule comes with its path as a regular expression.
  return headers as Header[];
}

/** One rule of `_redirects` as Netlify's parser reads it (`minimal: false`), of what serve uses. */
interface RedirectRule {
  path: string;
  to: string;
  status?: number;
}

/** A path as two spellings of it compare: decoded, without its trailing slash. */
const comparablePath = (pathname: string) => {
  try {
    return decodeURI(pathname).replace(/(.)\/$/, '$1');
  } catch {
    return pathname;
  }
};

/** A `404` rule of `_redirects` for every path under a folder: `/fr/*  /fr/404.html  404`. */
interface NotFoundRule {
  /** The folder, with its trailing slash: `/fr/`. */
  folder: string;
  /** The page it serves, as a URL of the site: `/fr/404.html`. */
  page: string;
}

/** The status of a `_redirects` rule that serves a page as the answer to a missing path. */
const NOT_FOUND_STATUS = 404;

/**
 * The rules of `outDir/_redirects`: the redirects by the path they redirect from (the first
 * rule for a path wins, as on Netlify and Cloudflare Pages), and the `404` rules of folders;
 * none if there is no such file. A file Netlify would reject is an error here too.
 */
async function readRedirectRules(outDir: string): Promise<{ redirects: Map<string, RedirectRule>; notFound: NotFoundRule[] }> {
  const file = path.join(outDir, '_redirects');
  const rules = { redirects: new Map<string, RedirectRule>(), notFound: [] as NotFoundRule[] };
  if (!fs.existsSync(file)) return rules;
  const { redirects, errors } = await parseAllRedirects({ redirectsFiles: [file], configRedirects: [], minimal: false });
  if (errors.length) throw new Error(`${file} is not valid:\n${errors.map((error: Error) => error.message).join('\n')}`);
  for (const rule of redirects as RedirectRule[]) {
    if (rule.status === NOT_FOUND_STATUS && rule.path.endsWith('/*')) rules.notFound.push({ folder: rule.path.slice(0, -1), page: rule.to });
    else if (!rules.redirects.has(comparablePath(rule.path))) rules.redirects.set(comparablePath(rule.path), rule);
  }
  return rules;
}

/** A running server of an export: `url` is the site's home, base path included. */
export interface Served {
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/** Media types that sirv's table lacks, as CDNs send them: the favicon's. */
const MEDIA_TYPES = new Map([['.ico', 'image/x-icon']]);

/**
 * Starts serving `outDir` on `host`:`port` (a free port by default) under `basePath`; with
 * `headers: false` and `redirects: false`, without the headers of `_headers` and the redirects
 * of `_redirects`, as GitHub Pages or S3 serve it.
 */
export async function start(
  outDir: string,
  { port = 0, host = '127.0.0.1', basePath = '', headers = true, redirects = true }: { port?: number; host?: string; basePath?: string; headers?: boolean; redirects?: boolean } = {},
): Promise<Served> {
  const base = parseBasePath(basePath, 'the base path');
  const rules = headers ? await readHeaderRules(outDir) : [];
  const { redirects: redirectRules, notFound: notFoundRules } = redirects ? await readRedirectRules(outDir) : { redirects: new Map<string, RedirectRule>(), notFound: [] };
  const notFoundFile = path.join(outDir, '404.html');
  const notFound = fs.existsSync(notFoundFile) ? { body: fs.readFileSync(notFoundFile), type: 'text/html; charset=utf-8' } : { body: Buffer.from('Not found\n'), type: 'text/plain; charset=utf-8' };
  /** Each folder's own 404 page (a language's), when the file its rule names is there. */
  const folderNotFound = notFoundRules.flatMap(({ folder, page }) => {
    const sitePath = stripBasePath(base, page);
    const file = sitePath === null ? null : path.join(outDir, ...sitePath.split('/').filter(Boolean));
    return file && fs.existsSync(file) ? [{ folder, body: fs.readFileSync(file) }] : [];
  });
  const files = sirv(outDir, {
    etag: true,
    setHeaders: (res, pathname) => {
      const type = MEDIA_TYPES.get(path.extname(pathname));
      if (type) res.setHeader('Content-Type', type);
    },
  });
  // Connect middleware, typed for Express; it uses nothing of Express's request or response.
  const compress = compression() as unknown as (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

  /** Answers with the 404 page of the first rule whose folder holds `pathname` (as Netlify's `/fr/*` matches `/fr` too), or `404.html`. */
  const sendNotFound = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    const folderPage = folderNotFound.find(({ folder }) => pathname.startsWith(folder) || pathname === folder.slice(0, -1));
    const { body, type } = folderPage ? { body: folderPage.body, type: 'text/html; charset=utf-8' } : notFound;
    res.writeHead(NOT_FOUND_STATUS, { 'Content-Type': type });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  /** Whether `sitePath` names a folder with a page in it; a path with a malformed escape names none. */
  const isPageFolder = (sitePath: string) => {
    try {
      return fs.existsSync(path.join(outDir, decodeURIComponent(sitePath), 'index.html'));
    } catch {
      return false;
    }
  };
  const redirect = (res: http.ServerResponse, location: string, status = 301) => {
    res.writeHead(status, { Location: location });
    res.end();
  };

  const server = http.createServer((req, res) => {
    const { pathname, search } = new URL(req.url ?? '/', 'http://localhost');
    for (const rule of rules) {
      if (rule.forRegExp.test(pathname)) for (const [name, value] of Object.entries(rule.values)) res.setHeader(name, value);
    }
    compress(req, res, () => {
      const rule = redirectRules.get(comparablePath(pathname));
      if (rule) return redirect(res, rule.to, rule.status);
      const sitePath = stripBasePath(base, pathname);
      if (sitePath === null || sitePath === '/_headers' || sitePath === '/_redirects') return sendNotFound(req, res, pathname);
      if (base && pathname === base) return redirect(res, `${base}/${search}`);
      // A folder without its slash: hosts redirect, so relative URLs in the page resolve.
      if (!sitePath.endsWith('/') && isPageFolder(sitePath)) return redirect(res, `${pathname}/${search}`);
      req.url = sitePath + search;
      files(req, res, () => sendNotFound(req, res, pathname));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${base}/`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', default: process.env.PORT ?? '3000' }, host: { type: 'string', default: '127.0.0.1' }, 'base-path': { type: 'string', default: process.env.BASE_PATH ?? '' } },
  });
  const outDir = path.resolve(positionals[0] ?? 'out');
  if (!fs.existsSync(path.join(outDir, 'index.html'))) {
    console.error(`No site in ${outDir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  start(outDir, { port: Number(values.port), host: values.host, basePath: values['base-path'] }).then(({ url }) => console.log(`Serving ${path.relative(process.cwd(), outDir) || '.'} at ${url}`));
}
