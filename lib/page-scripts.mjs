// @ts-check
/**
 * The only scripts a page may carry, known by their markup, so a test (or a
 * Content-Security-Policy) can tell them from anything else:
 * - the theme script, `<script id="theme-script">` in the head of every page: it applies the
 *   reader's saved light/dark choice before the first paint and wires the theme toggle;
 * - structured data, `<script type="application/ld+json">`, which browsers never run;
 * - on the search page alone, its script file, `<script type="module" src="/search.js">`
 *   (public/search.js), which loads Pagefind and the search index when a search needs them.
 * Plain JavaScript, so the end-to-end suite can use it under Node without a TypeScript step.
 */

export const THEME_SCRIPT_ID = 'theme-script';

/** The search page's path, the one page that loads a script file. */
export const SEARCH_PAGE_PATH = '/search/';

/** The search page's script (public/search.js), root-relative. */
export const SEARCH_SCRIPT_PATH = '/search.js';

/** The theme script's size limit in bytes: it runs before the first paint on every page. */
export const THEME_SCRIPT_MAX_BYTES = 1024;

/**
 * @typedef {object} ScriptTag What a `<script>` element is, as read from its attributes.
 * @property {string | null} [src]
 * @property {string | null} [type]
 * @property {string | null} [id]
 */

/**
 * True for a script the page at `pagePath` may carry: the search page's script file as a
 * module on the search page, else no `src`, and either the theme script (run as JavaScript,
 * so with no `type` or a JavaScript one) or JSON-LD data.
 * @param {ScriptTag} script
 * @param {string} pagePath the page's root-relative path, with a trailing slash
 * @returns {boolean}
 */
export function isAllowedScript({ src, type, id }, pagePath) {
  if (src != null) return pagePath === SEARCH_PAGE_PATH && src === SEARCH_SCRIPT_PATH && type === 'module';
  const kind = (type ?? '').trim().toLowerCase();
  if (kind === 'application/ld+json') return true;
  return id === THEME_SCRIPT_ID && (kind === '' || kind === 'text/javascript');
}
