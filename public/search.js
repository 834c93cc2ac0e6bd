// @ts-check
/**
 * The search page's script (pages/search.tsx), the one script file the site loads, as a
 * module once the page is parsed. It finds the page's parts by their `data-search-*`
 * attributes (components/SearchPage), and:
 * - fills the box from `?q=` and searches at once, so a search can be bookmarked; each
 *   search puts its words back in the URL;
 * - loads Pagefind's script, its WebAssembly and the index (`pagefind/`, written by
 *   lib/export/search-index.ts, with the further parts of a large site's index merged into
 *   it) only when the box is focused or a search runs;
 * - lists `PAGE_SIZE` results at a time, each with its title as a link, its date and an
 *   excerpt with the matched words in `<mark>`, and says in a live region what it found.
 * Its messages are the page's dictionary's, as JSON in the form's `data-search-text`.
 * Pagefind runs on the page, not in its Web Worker: one script file fewer to fetch. Every
 * URL is resolved against this script's own, so the site can live under a sub-path.
 */

/** How many results are shown, and fetched, at a time: each one is a request for its text. */
const PAGE_SIZE = 10;
/** How long typing must pause before a search runs, in milliseconds. */
const TYPING_PAUSE_MS = 250;

const form = /** @type {HTMLFormElement} */ (document.querySelector('[data-search-form]'));
const input = /** @type {HTMLInputElement} */ (form.elements.namedItem('q'));
const status = /** @type {HTMLElement} */ (document.querySelector('[data-search-status]'));
const list = /** @type {HTMLOListElement} */ (document.querySelector('[data-search-results]'));
const more = /** @type {HTMLButtonElement} */ (document.querySelector('[data-search-more]'));
/** @type {{ searching: string, noResults: string, resultCount: Record<string, string> & { other: string }, searchFailed: string }} */
const text = JSON.parse(form.dataset.searchText ?? '');
const pluralRules = new Intl.PluralRules(document.documentElement.lang);
const numbers = new Intl.NumberFormat(document.documentElement.lang);

/** As lib/config/dictionaries.ts `fillIn`. @param {string} message @param {Record<string, string>} values */
const fillIn = (message, values) => message.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);

/**
 * @typedef {{ url: string, excerpt: string, meta: Record<string, string> }} ResultData
 * @typedef {{ id: string, data: () => Promise<ResultData> }} Result
 * @typedef {{ search: (term: string) => Promise<{ results: Result[] }>, options: (options: object) => Promise<void>, mergeIndex: (path: string, options: object) => Promise<void> }} Pagefind
 */

/** @type {Promise<{ pagefind: Pagefind, notResults: Set<string> }> | undefined} */
let pagefindLoading;

/** The search index's folder; the site's root is this script's folder. */
const indexUrl = new URL('pagefind/', import.meta.url);

/**
 * This language's further index parts and the ids of their vocabulary records, never results
 * (`parts.json`, lib/export/search-index.ts). Empty for an index in one part.
 * @returns {Promise<{ parts: string[], vocabulary: string[] }>}
 */
async function indexParts() {
  const response = await fetch(new URL('parts.json', indexUrl));
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  return (await response.json())[document.documentElement.lang.toLowerCase()] ?? { parts: [], vocabulary: [] };
}

/** Pagefind with every part of the index merged, loaded on first use. */
function loadPagefind() {
  const baseUrl = new URL('./', import.meta.url).pathname;
  pagefindLoading ??= Promise.all([import(new URL('pagefind.js', indexUrl).href), indexParts()]).then(async ([/** @type {Pagefind} */ pagefind, { parts, vocabulary }]) => {
    await pagefind.options({ noWorker: true, baseUrl });
    await Promise.all(parts.map((part) => pagefind.mergeIndex(new URL(part, indexUrl).pathname, { baseUrl })));
    return { pagefind, notResults: new Set(vocabulary) };
  });
  return pagefindLoading;
}

/**
 * An excerpt from Pagefind as text and `<mark>` elements. Pagefind escapes `<` and `>` in the
 * text and wraps each match in `<mark>…</mark>`; nothing else in it is markup, so it is
 * split there and never parsed as HTML.
 * @param {string} excerpt
 */
function excerptNodes(excerpt) {
  return excerpt.split(/<\/?mark>/).map((part, index) => {
    const text = part.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    if (index % 2 === 0) return document.createTextNode(text);
    const mark = document.createElement('mark');
    mark.textContent = text;
    return mark;
  });
}

/**
 * One result as a list item: title link, date, and the matched excerpt (or, when only the
 * title matched, the post's own excerpt).
 * @param {ResultData} result
 */
function resultItem({ url, excerpt, meta }) {
  const item = document.createElement('li');
  const heading = item.appendChild(document.createElement('h2'));
  const link = heading.appendChild(document.createElement('a'));
  link.href = url;
  link.textContent = meta.title;
  const time = item.appendChild(document.createElement('p')).appendChild(document.createElement('time'));
  time.dateTime = meta.date;
  time.textContent = meta.dateLabel;
  const text = item.appendChild(document.createElement('p'));
  if (excerpt.includes('<mark>')) text.append(...excerptNodes(excerpt));
  else text.textContent = meta.excerpt;
  return item;
}

/** Counts each search, so a slower earlier one never overwrites a later one's results. */
let searchCount = 0;
/** @type {Result[]} */
let pending = [];

/**
 * Shows the next `PAGE_SIZE` results of the current search; returns the first one shown.
 * @returns {Promise<HTMLLIElement | undefined>}
 */
async function showMore() {
  const thisSearch = searchCount;
  const next = await Promise.all(pending.slice(0, PAGE_SIZE).map((result) => result.data()));
  if (thisSearch !== searchCount) return;
  pending = pending.slice(PAGE_SIZE);
  const items = next.map(resultItem);
  list.append(...items);
  more.hidden = pending.length === 0;
  return items[0];
}

/**
 * Searches for `term` and shows the first results.
 * @param {string} term
 */
async function search(term) {
  const thisSearch = ++searchCount;
  const query = term.trim();
  if (!query) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = '';
    return;
  }
  status.textContent = fillIn(text.searching, { query });
  try {
    const { pagefind, notResults } = await loadPagefind();
    const results = (await pagefind.search(query)).results.filter((result) => !notResults.has(result.id));
    if (thisSearch !== searchCount) return;
    list.replaceChildren();
    pending = results;
    await showMore();
    if (thisSearch !== searchCount) return;
    const count = results.length;
    status.textContent = fillIn(count === 0 ? text.noResults : (text.resultCount[pluralRules.select(count)] ?? text.resultCount.other), { query, count: numbers.format(count) });
  } catch (error) {
    if (thisSearch !== searchCount) return;
    pagefindLoading = undefined;
    status.textContent = text.searchFailed;
    console.error(error);
  }
}

/** Puts the box's words in the address (`?q=`), so the search can be bookmarked or shared. */
function rememberQuery() {
  const url = new URL(location.href);
  if (input.value.trim()) url.searchParams.set('q', input.value);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let typingTimer;

input.addEventListener('focus', () => loadPagefind().catch(() => (pagefindLoading = undefined)), { once: true });
input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    rememberQuery();
    search(input.value);
  }, TYPING_PAUSE_MS);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  rememberQuery();
  search(input.value);
});
// The button goes away with the last results, so focus moves on to the first new one.
more.addEventListener('click', async () => (await showMore())?.querySelector('a')?.focus());

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  search(initial);
}
