import { COPY_CODE_SCRIPT_ID, THEME_SCRIPT_ID, isAllowedScript } from '../lib/routes/page-scripts';
import { SEARCH_PAGE_PATH, SEARCH_SCRIPT_PATH } from '../lib/routes/table';

describe('isAllowedScript', () => {
  it.each([
    ['the theme script', { id: THEME_SCRIPT_ID }],
    ['the theme script typed as JavaScript', { id: THEME_SCRIPT_ID, type: 'text/javascript' }],
    ['the copy script', { id: COPY_CODE_SCRIPT_ID }],
    ['JSON-LD data', { type: 'application/ld+json' }],
    ['JSON-LD data with an id', { type: ' Application/LD+JSON ', id: 'post-data' }],
  ])('allows %s on any page', (_name, script) => {
    for (const page of ['/', '/posts/x/', SEARCH_PAGE_PATH]) expect(isAllowedScript(script, { pagePath: page })).toBe(true);
  });

  it('allows the search script, as a module, on the search page', () => {
    expect(isAllowedScript({ src: SEARCH_SCRIPT_PATH, type: 'module' }, { pagePath: SEARCH_PAGE_PATH })).toBe(true);
  });

  it.each([
    ['the search script on another page', { src: SEARCH_SCRIPT_PATH, type: 'module' }, '/'],
    ['the search script on a post', { src: SEARCH_SCRIPT_PATH, type: 'module' }, '/posts/search/'],
    ['the search script as a classic script', { src: SEARCH_SCRIPT_PATH }, SEARCH_PAGE_PATH],
    ['another script file on the search page', { src: '/pagefind/pagefind.js', type: 'module' }, SEARCH_PAGE_PATH],
    ['a script file', { src: '/_next/static/chunks/main.js' }, '/'],
    ['a deferred script file no integration allows', { src: '/comments.js', defer: true }, '/posts/x/'],
    ['a script file with the theme id', { src: '/theme.js', id: THEME_SCRIPT_ID }, '/'],
    ['JSON-LD from a file', { src: '/data.json', type: 'application/ld+json' }, '/'],
    ['an empty src', { src: '' }, '/'],
    ['a stray inline script', {}, '/'],
    ['a stray inline script on the search page', {}, SEARCH_PAGE_PATH],
    ['an inline script with another id', { id: 'analytics' }, '/'],
    ['an inline module with the theme id', { id: THEME_SCRIPT_ID, type: 'module' }, '/'],
    ['a script file with the copy id', { src: '/copy.js', id: COPY_CODE_SCRIPT_ID }, '/posts/x/'],
    ['an inline module with the copy id', { id: COPY_CODE_SCRIPT_ID, type: 'module' }, '/posts/x/'],
    ['an inline script of another type', { type: 'text/plain' }, '/'],
  ])('refuses %s', (_name, script, page) => {
    expect(isAllowedScript(script, { pagePath: page })).toBe(false);
  });

  describe('with the script files that integrations allow', () => {
    const files = ['https://plausible.io/js/script.js', '/comments.js'];

    it.each([
      ['the analytics script, deferred', { src: 'https://plausible.io/js/script.js', defer: true }],
      ['the comments loader, deferred', { src: '/comments.js', defer: true }],
      ['the theme script still', { id: THEME_SCRIPT_ID }],
    ])('allows %s', (_name, script) => {
      expect(isAllowedScript(script, { scriptFiles: files })).toBe(true);
    });

    it.each([
      ['one of them, not deferred', { src: '/comments.js' }],
      ['one of them as a module', { src: '/comments.js', defer: true, type: 'module' }],
      ['another file', { src: 'https://plausible.io/js/script.outbound-links.js', defer: true }],
      ['a stray inline script', { defer: true }],
    ])('refuses %s', (_name, script) => {
      expect(isAllowedScript(script, { scriptFiles: files })).toBe(false);
    });
  });
});
