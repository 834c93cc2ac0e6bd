/**
 * The only scripts a page may carry, known by their markup, so a test (or a
 * Content-Security-Policy) can tell them from anything else:
 * - the theme script, `<script id="theme-script">` in the head of every page: it applies the
 *   reader's saved light/dark choice before the first paint and wires the theme toggle;
 * - the copy script, `<script id="copy-code-script">` right after a post body that has a code
 *   block (components/MdxBody), and on no other page: it gives each block a "Copy" button;
 * - structured data, `<script type="application/ld+json">`, which browsers never run;
 * - on the search page alone, its script file, `<script type="module" src="/search.js">`
 *   (public/search.js), which loads Pagefind and the search index when a search needs them;
 * - with comments or analytics on (lib/integrations/integrations.ts), exactly one deferred script file
 *   each (`allowedScriptFiles` there, kept apart so the theme toggle, which uses this module,
 *   stays small). With them off, no other page loads a script file.
 *
 * In `npm run dev` alone, every page also carries the live preview's inline script,
 * `<script id="folio-live-preview">` (components/LivePreview): it is not allowed here, so no
 * exported page may carry it, and `next dev` states no Content-Security-Policy to refuse it.
 */
import { isSearchPagePath, SEARCH_SCRIPT_PATH } from './table';

export const THEME_SCRIPT_ID = 'theme-script';

/** The id of the live preview's script, which pages carry in `npm run dev` and never in an export. */
export const LIVE_PREVIEW_SCRIPT_ID = 'folio-live-preview';

/** The theme script's size limit in bytes: it runs before the first paint on every page. */
export const THEME_SCRIPT_MAX_BYTES = 1024;

export const COPY_CODE_SCRIPT_ID = 'copy-code-script';

/** The copy script's size limit in bytes: every page with code carries it. */
export const COPY_CODE_SCRIPT_MAX_BYTES = 1024;

/** What the copy button says, and what its status line says after a copy (read out by screen readers). */
export const COPY_CODE_TEXT = { button: 'Copy', label: 'Copy code', copied: 'Copied', failed: 'Copy failed' } as const;

/**
 * The copy script's text. It runs right after a post body that has code blocks, so every
 * block of the body is parsed: the body is the element just before it. It is written as
 * text, not taken from a function's source as the theme script is, so that its text, and the
 * CSP hash that allows it, are the same whichever compiler built the page; every page's policy
 * allows it (lib/export/headers.ts), and only pages with code carry it.
 *
 * - Each highlighted block (`figure[data-rehype-pretty-code-figure]`, lib/markdown/highlight.ts)
 *   gets, after its `<pre>` (a `<figure>` may start with its caption, never with anything
 *   else), a box with a status line (`role="status"`, so "Copied" is announced) and a native
 *   button, which Tab reaches and Enter and Space press. With JavaScript off there is none.
 * - It copies the `<code>` element's text: the code as written, every space, tab and final
 *   newline of it, as the highlighter only wraps it in spans. Line numbers are CSS counters
 *   (components/MdxBody/MdxBody.module.css), which are not text, so they are never copied.
 */
export const COPY_CODE_SCRIPT = `document.currentScript.previousElementSibling.querySelectorAll("figure[data-rehype-pretty-code-figure]").forEach(function (figure) {
var code = figure.querySelector("pre > code");
if (!code) return;
var box = document.createElement("div"), status = document.createElement("span"), button = document.createElement("button");
box.className = "copy-code";
status.setAttribute("role", "status");
button.type = "button";
button.textContent = ${JSON.stringify(COPY_CODE_TEXT.button)};
button.setAttribute("aria-label", ${JSON.stringify(COPY_CODE_TEXT.label)});
button.onclick = function () {
status.textContent = "";
navigator.clipboard.writeText(code.textContent).then(function () { status.textContent = ${JSON.stringify(COPY_CODE_TEXT.copied)}; }, function () { status.textContent = ${JSON.stringify(COPY_CODE_TEXT.failed)}; });
};
box.append(status, button);
figure.append(box);
});`;

/** What a `<script>` element is, as read from its attributes. */
export interface ScriptTag {
  src?: string | null;
  type?: string | null;
  id?: string | null;
  defer?: boolean;
}

/** The page a script is on: its root-relative path, with a trailing slash, and the integrations' files it may load. */
export interface ScriptPage {
  pagePath?: string;
  scriptFiles?: readonly string[];
}

/**
 * True for a script the page at `pagePath` may carry: the search page's script file as a
 * module on the search page; one of `scriptFiles` (lib/integrations/integrations.ts
 * `allowedScriptFiles`), deferred and classic; or no `src`, and either the theme or the copy
 * script (run as JavaScript, so with no `type` or a JavaScript one) or JSON-LD data.
 */
export function isAllowedScript({ src, type, id, defer }: ScriptTag, { pagePath = '/', scriptFiles = [] }: ScriptPage = {}): boolean {
  if (src != null && isSearchPagePath(pagePath) && src === SEARCH_SCRIPT_PATH) return type === 'module';
  const kind = (type ?? '').trim().toLowerCase();
  const javaScript = kind === '' || kind === 'text/javascript';
  if (src != null) return scriptFiles.includes(src) && defer === true && javaScript;
  if (kind === 'application/ld+json') return true;
  return (id === THEME_SCRIPT_ID || id === COPY_CODE_SCRIPT_ID) && javaScript;
}

/** The theme script element as React writes it; its text has no `</script` (it is JavaScript source). */
const THEME_SCRIPT_ELEMENT = new RegExp(`<script\\b[^>]*\\bid="${THEME_SCRIPT_ID}"[^>]*>([\\s\\S]*?)</script>`, 'g');

/**
 * The text of each theme script in a page's HTML, exactly as the browser will run (and a
 * Content-Security-Policy hash must match) it. Fast enough to run on every exported page.
 */
export const themeScriptTexts = (html: string): string[] => [...html.matchAll(THEME_SCRIPT_ELEMENT)].map(([, text]) => text);
