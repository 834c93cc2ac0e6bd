/**
 * Serves an exported site (`out/`) on 127.0.0.1 the way a static host does: files as they
 * are, `/posts/x/` as `/posts/x/index.html`, and anything else as the site's 404 page with
 * status 404. With `gzip`, text responses are gzipped as a CDN would (bench/search.mjs
 * measures what a reader downloads that way).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import compression from 'compression';
import sirv from 'sirv';

/**
 * Starts a server for `root` on a free port (or `port`).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function start(root, { port = 0, gzip = false } = {}) {
  // `404.html`, as static hosts look for it (scripts/finish-export.mjs writes it).
  const notFoundFile = [path.join(root, '404.html')].find((file) => fs.existsSync(file)) ?? null;
  const notFoundBody = notFoundFile ? fs.readFileSync(notFoundFile) : Buffer.from('Not found\n');
  const notFoundType = notFoundFile ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
  const serve = sirv(root, {
    etag: true,
    onNoMatch(req, res) {
      res.writeHead(404, { 'Content-Type': notFoundType, 'Content-Length': notFoundBody.length, 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : notFoundBody);
    },
  });
  const compress = gzip ? compression() : null;
  const server = http.createServer(compress ? (req, res) => compress(req, res, () => serve(req, res)) : serve);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
