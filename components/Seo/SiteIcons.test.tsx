import { render } from '@testing-library/react';
import { iconHrefs } from '../../lib/images/icons';
import { SiteIcons } from './SiteIcons';

const themeColor = { light: '#ffffff', dark: '#16181d' };
const links = () => [...document.head.querySelectorAll('link')].map((link) => [link.rel, link.getAttribute('href'), link.getAttribute('type'), link.getAttribute('sizes')]);

describe('SiteIcons', () => {
  it('links the favicon, the SVG icon, the apple-touch-icon and the manifest', () => {
    render(<SiteIcons hrefs={iconHrefs({ source: '/icons/icon.svg', background: '#ffffff' }, '')} themeColor={themeColor} />);
    expect(links()).toEqual([
      ['icon', '/favicon.ico', null, '16x16 32x32 48x48'],
      ['icon', '/icons/icon.svg', 'image/svg+xml', 'any'],
      ['apple-touch-icon', '/icons/apple-touch-icon.png', null, null],
      ['manifest', '/manifest.webmanifest', null, null],
    ]);
  });

  it('links them under the base path, the source SVG by the name the settings give it', () => {
    render(<SiteIcons hrefs={iconHrefs({ source: '/icons/logo.svg', background: '#ffffff' }, '/my-repo')} themeColor={themeColor} />);
    expect(links().map(([, href]) => href)).toEqual(['/my-repo/favicon.ico', '/my-repo/icons/logo.svg', '/my-repo/icons/apple-touch-icon.png', '/my-repo/manifest.webmanifest']);
  });

  it('gives the browser frame the light colour in the light scheme and the dark one in the dark scheme', () => {
    render(<SiteIcons hrefs={iconHrefs({ source: '/icons/icon.svg', background: '#ffffff' }, '')} themeColor={themeColor} />);
    const colours = [...document.head.querySelectorAll('meta[name="theme-color"]')].map((meta) => [meta.getAttribute('media'), meta.getAttribute('content')]);
    expect(colours).toEqual([
      ['(prefers-color-scheme: light)', '#ffffff'],
      ['(prefers-color-scheme: dark)', '#16181d'],
    ]);
  });
});
