/**
 * The live preview's event stream for `npm run dev` (scripts/dev.ts): a tiny Server-Sent
 * Events server on a port of its own, which tells every open page when the prepare step has
 * run again, so that the page fetches its props again (components/LivePreview).
 *
 * It is not a route of `next dev`: an API route would be a page file that `next build` must
 * not export, and a Next server cannot learn from another process that the prepare step ran.
 * Nor does it go through Next's own HMR socket, which carries only what Turbopack compiled:
 * posts are data, not modules. Pages reach it at their own host name and this port, so it
 * sends `Access-Control-Allow-Origin: *`; what it tells (a run number and a time) is no secret.
 */
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PREPARED_EVENT, type PreparedEvent } from '../components/LivePreview/LivePreview';

export interface PreviewEvents {
  port: number;
  /** Tells every open page that the prepare step has run again (whether or not every post built). */
  prepared: () => void;
  close: () => Promise<void>;
}

/** How long a page waits before reconnecting after the stream broke (`npm run dev` restarted, say), in ms. */
const RECONNECT_MS = 500;

/**
 * Starts the event stream on `host` (all interfaces when undefined, as `next dev` listens) at a
 * free port. `lastRun` is the run that has already ended, sent to each page as it connects.
 */
export async function startPreviewEvents(host: string | undefined, lastRun: PreparedEvent): Promise<PreviewEvents> {
  const pages = new Set<ServerResponse>();
  let last = lastRun;
  const message = () => `event: ${PREPARED_EVENT}\ndata: ${JSON.stringify(last)}\n\n`;

  const server = http.createServer((request, response) => {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
      Connection: 'keep-alive',
    });
    response.write(`retry: ${RECONNECT_MS}\n${message()}`);
    pages.add(response);
    request.on('close', () => pages.delete(response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });

  return {
    port: (server.address() as AddressInfo).port,
    prepared: () => {
      last = { run: last.run + 1, at: Date.now() };
      for (const page of pages) page.write(message());
    },
    close: () =>
      new Promise((resolve) => {
        for (const page of pages) page.end();
        server.close(() => resolve());
      }),
  };
}
