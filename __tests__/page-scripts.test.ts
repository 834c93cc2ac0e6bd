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
});
