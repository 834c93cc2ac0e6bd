import { LIVE_PREVIEW_SCRIPT_ID } from '../../lib/routes/page-scripts';

/** What `npm run dev` sends on its event stream after each run of the prepare step (scripts/preview-events.ts). */
export interface PreparedEvent {
  /** How many times the prepare step has run since `npm run dev` started. */
  run: number;
  /** When that run ended, in ms since the epoch. */
  at: number;
}

/** The name of the server-sent event that `npm run dev` sends after each run of the prepare step. */
export const PREPARED_EVENT = 'prepared';

/**
 * Runs in the browser, in dev only, as an inline script: it listens to `npm run dev`'s event
 * stream (on its own port, `port`, of the host the page came from) and, after each run of the
 * prepare step, has the page's props fetched again and the page re-rendered in place. It is
 * inlined from its source text (see `livePreviewScript`), so it uses nothing from outside its
 * own body, and keeps its comments up here, out of the text every dev page ships.
 *
 * - `next dev` hydrates every page (even those with `unstable_runtimeJS: false`), so React
 *   owns the DOM: the page is refreshed through Next's router, `router.replace(asPath)` with
 *   `scroll: false`, which runs `getStaticProps` again and re-renders with the new props. The
 *   scroll position stays where it was; a post that is gone gets Next's 404 page, and a broken
 *   post its error panel, as on a first load. Without the router (a page that failed to
 *   hydrate), the page is reloaded, and the browser restores its scroll position.
 * - On each connection (the first, and after `npm run dev` restarts) the stream sends the
 *   last run first: the page refreshes if that run is one it has not shown, that is, one
 *   that ended after the page was requested (`performance.timeOrigin`) or, on a reconnection,
 *   one it has not seen.
 * - Refreshes never overlap: events during one make one more afterwards.
 * - `data-live-preview="connected"` on `<html>` says the stream is open (tests wait for it).
 */
function watchPreparedSite(port: number, eventName: string) {
  const root = document.documentElement;
  let seen: number | null = null;
  let refreshing = false;
  let again = false;
  const refresh = async () => {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      const router = (window as { next?: { router?: { asPath: string; replace: (url: string, as?: string, options?: { scroll: boolean }) => Promise<boolean> } } }).next?.router;
      if (router) await router.replace(router.asPath, undefined, { scroll: false });
      else location.reload();
    } catch (error) {
      console.error('Live preview: the page could not be refreshed', error);
    } finally {
      refreshing = false;
      if (again) {
        again = false;
        void refresh();
      }
    }
  };
  const events = new EventSource(`${location.protocol}//${location.hostname}:${port}/`);
  events.addEventListener('open', () => {
    root.dataset.livePreview = 'connected';
  });
  events.addEventListener('error', () => {
    root.dataset.livePreview = 'disconnected';
  });
  events.addEventListener(eventName, (event) => {
    const { run, at } = JSON.parse((event as MessageEvent<string>).data) as { run: number; at: number };
    const stale = seen === null ? at > performance.timeOrigin : run !== seen;
    seen = run;
    if (stale) void refresh();
  });
}

/**
 * The inline script's text: `watchPreparedSite`, called with the events' port. Its source is
 * compiled code, whose line-leading whitespace is never significant (it has no multi-line strings).
 */
export const livePreviewScript = (port: number): string =>
  `(${watchPreparedSite.toString().replace(/\n\s+/g, '\n')})(${JSON.stringify(port)},${JSON.stringify(PREPARED_EVENT)})`;

/**
 * The live preview's script, for the `<head>` of every page in dev only (pages/_document.tsx
 * renders it when `npm run dev` gives it the port of its event stream). No exported page
 * carries it, and lib/routes/page-scripts.ts does not allow it on one.
 */
export function LivePreviewScript({ port }: { port: number }) {
  return <script id={LIVE_PREVIEW_SCRIPT_ID} dangerouslySetInnerHTML={{ __html: livePreviewScript(port) }} />;
}
