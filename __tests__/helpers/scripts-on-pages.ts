/**
 * The `<script>` elements each page of a site built with comments and analytics off may carry,
 * in document order, written out here rather than taken from the code that puts them on pages
 * (lib/routes/page-scripts.ts), so a test of the export has an expectation of its own: the theme
 * script on every page, the JSON-LD data of a post before it, the copy script after a post
 * body that has code (`pagesWithCode`, the site's pages whose body has a code block), and the
 * search page's own script file after the theme script. Each as its `src`, `type` and `id`,
 * for the e2e suite too. `pagePath` is a page's root-relative path, with a trailing slash.
 */
export function scriptsOn(pagePath: string, pagesWithCode: readonly string[]): { src: string | null; type: string | null; id: string | null }[] {
  const theme = { src: null, type: null, id: 'theme-script' };
  const copy = pagesWithCode.includes(pagePath) ? [{ src: null, type: null, id: 'copy-code-script' }] : [];
  if (pagePath.startsWith('/posts/')) return [{ src: null, type: 'application/ld+json', id: null }, theme, ...copy];
  if (pagePath === '/search/') return [theme, { src: '/search.js', type: 'module', id: null }];
  return [theme, ...copy];
}
