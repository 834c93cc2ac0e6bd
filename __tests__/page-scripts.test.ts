import { THEME_SCRIPT_ID, isAllowedScript } from '../lib/page-scripts.mjs';

describe('isAllowedScript', () => {
  it.each([
    ['the theme script', { id: THEME_SCRIPT_ID }],
    ['the theme script typed as JavaScript', { id: THEME_SCRIPT_ID, type: 'text/javascript' }],
    ['JSON-LD data', { type: 'application/ld+json' }],
    ['JSON-LD data with an id', { type: ' Application/LD+JSON ', id: 'post-data' }],
  ])('allows %s', (_name, script) => {
    expect(isAllowedScript(script)).toBe(true);
  });

  it.each([
    ['a script file', { src: '/_next/static/chunks/main.js' }],
    ['a deferred script file', { src: '/comments.js', defer: true }],
    ['a script file with the theme id', { src: '/theme.js', id: THEME_SCRIPT_ID }],
    ['JSON-LD from a file', { src: '/data.json', type: 'application/ld+json' }],
    ['an empty src', { src: '' }],
    ['a stray inline script', {}],
    ['an inline script with another id', { id: 'analytics' }],
    ['an inline module with the theme id', { id: THEME_SCRIPT_ID, type: 'module' }],
    ['an inline script of another type', { type: 'text/plain' }],
  ])('refuses %s', (_name, script) => {
    expect(isAllowedScript(script)).toBe(false);
  });

  describe('with the script files that integrations allow', () => {
    const files = ['https://plausible.io/js/script.js', '/comments.js'];

    it.each([
      ['the analytics script, deferred', { src: 'https://plausible.io/js/script.js', defer: true }],
      ['the comments loader, deferred', { src: '/comments.js', defer: true }],
      ['the theme script still', { id: THEME_SCRIPT_ID }],
    ])('allows %s', (_name, script) => {
      expect(isAllowedScript(script, files)).toBe(true);
    });

    it.each([
      ['one of them, not deferred', { src: '/comments.js' }],
      ['one of them as a module', { src: '/comments.js', defer: true, type: 'module' }],
      ['another file', { src: 'https://plausible.io/js/script.outbound-links.js', defer: true }],
      ['a stray inline script', { defer: true }],
    ])('refuses %s', (_name, script) => {
      expect(isAllowedScript(script, files)).toBe(false);
    });
  });
});
