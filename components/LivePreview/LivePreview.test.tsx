/**
 * @jest-environment node
 *
 * The live preview's script runs in a jsdom page of its own, as a browser runs it from the
 * head. jsdom has no EventSource: a stand-in records the stream the script opens and lets the
 * test send its events; `window.next.router` is a stand-in for Next's router, whose
 * `replace` the test resolves when it likes. The real stream and router are driven by
 * e2e/dev.test.ts.
 */
import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { LIVE_PREVIEW_SCRIPT_ID } from '../../lib/routes/page-scripts';
import { LivePreviewScript, PREPARED_EVENT, type PreparedEvent } from './LivePreview';

const PORT = 41_234;

/** Loads a page with the script in its head; returns the stream it opened and the router's calls. */
function loadPage() {
  const streams: { url: string; emit: (type: string, data?: PreparedEvent) => void }[] = [];
  const replaced: { url: string; options: unknown; finish: () => void }[] = [];
  const dom = new JSDOM(`<!doctype html><html><head>${renderToStaticMarkup(<LivePreviewScript port={PORT} />)}</head><body><main>Post</main></body></html>`, {
    url: 'http://localhost:3000/posts/hello/',
    runScripts: 'dangerously',
    beforeParse(window) {
      class FakeEventSource extends window.EventTarget {
        constructor(readonly url: string) {
          super();
          streams.push({
            url,
            emit: (type, data) => this.dispatchEvent(data ? new window.MessageEvent(type, { data: JSON.stringify(data) }) : new window.Event(type)),
          });
        }
      }
      Object.assign(window, {
        EventSource: FakeEventSource,
        next: {
          router: {
            asPath: '/posts/hello/',
            replace: (url: string, _as: unknown, options: unknown) => new Promise<boolean>((resolve) => replaced.push({ url, options, finish: () => resolve(true) })),
          },
        },
      });
    },
  });
  const timeOrigin = dom.window.performance.timeOrigin;
  return { dom, streams, replaced, timeOrigin };
}

/** Lets the page's promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LivePreviewScript', () => {
  it('is one inline script with its id, whose text opens the stream at the port on the page\'s own host', () => {
    const markup = renderToStaticMarkup(<LivePreviewScript port={PORT} />);
    expect(markup).toMatch(new RegExp(`^<script id="${LIVE_PREVIEW_SCRIPT_ID}">[^<]+</script>$`));
    const { streams } = loadPage();
    expect(streams.map((stream) => stream.url)).toEqual([`http://localhost:${PORT}/`]);
  });

  it('marks the page connected while the stream is open', () => {
    const { dom, streams } = loadPage();
    const root = dom.window.document.documentElement;
    expect(root.dataset.livePreview).toBeUndefined();
    streams[0].emit('open');
    expect(root.dataset.livePreview).toBe('connected');
    streams[0].emit('error');
    expect(root.dataset.livePreview).toBe('disconnected');
  });

  it('re-renders the page in place, scroll kept, after each new run of the prepare step, and not for the run it was rendered from', async () => {
    const { streams, replaced, timeOrigin } = loadPage();
    const [stream] = streams;
    // The run before the page was requested is the one it shows.
    stream.emit(PREPARED_EVENT, { run: 3, at: timeOrigin - 1000 });
    await settle();
    expect(replaced).toEqual([]);

    stream.emit(PREPARED_EVENT, { run: 4, at: timeOrigin + 5000 });
    await settle();
    expect(replaced.map(({ url, options }) => ({ url, options }))).toEqual([{ url: '/posts/hello/', options: { scroll: false } }]);
    replaced[0].finish();
    await settle();

    // A reconnection sends the last run again: nothing new, nothing to do.
    stream.emit(PREPARED_EVENT, { run: 4, at: timeOrigin + 5000 });
    await settle();
    expect(replaced).toHaveLength(1);
  });

  it('refreshes at once when the last run ended after the page was requested', async () => {
    const { streams, replaced, timeOrigin } = loadPage();
    streams[0].emit(PREPARED_EVENT, { run: 7, at: timeOrigin + 10 });
    await settle();
    expect(replaced).toHaveLength(1);
  });

  it('never overlaps refreshes: runs that end during one make one more afterwards', async () => {
    const { streams, replaced, timeOrigin } = loadPage();
    const [stream] = streams;
    stream.emit(PREPARED_EVENT, { run: 1, at: timeOrigin - 1 });
    stream.emit(PREPARED_EVENT, { run: 2, at: timeOrigin + 1 });
    await settle();
    stream.emit(PREPARED_EVENT, { run: 3, at: timeOrigin + 2 });
    stream.emit(PREPARED_EVENT, { run: 4, at: timeOrigin + 3 });
    await settle();
    expect(replaced).toHaveLength(1);
    replaced[0].finish();
    await settle();
    expect(replaced).toHaveLength(2);
    replaced[1].finish();
    await settle();
    expect(replaced).toHaveLength(2);
  });
});
