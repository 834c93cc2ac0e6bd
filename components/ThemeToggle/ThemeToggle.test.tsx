/**
 * @jest-environment node
 *
 * Each page is its own jsdom window (the theme script runs while the page loads, and its
 * listeners must not leak into other tests); jsdom's own environment cannot host another jsdom.
 */
import { within } from '@testing-library/react';
import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { THEME_SCRIPT_ID, THEME_SCRIPT_MAX_BYTES } from '../../lib/routes/page-scripts';
import { THEME_SCRIPT, THEME_STORAGE_KEY, THEME_TOGGLE_ID, ThemeScript, ThemeToggle } from './ThemeToggle';

interface PageOptions {
  /** What `localStorage` holds under the theme key when the page loads. */
  saved?: string;
  systemDark?: boolean;
  /** Makes `localStorage` throw, as browsers do when storage is blocked. */
  storageBlocked?: boolean;
}

/**
 * Loads a page the way a browser does: the theme script inline in the head (so it runs
 * before the body exists), the toggle in the body. jsdom has no `matchMedia`, so the
 * system scheme is a stand-in whose `change` can be fired.
 */
async function loadPage({ saved, systemDark = false, storageBlocked = false }: PageOptions = {}) {
  const mediaListeners: (() => void)[] = [];
  const system = { dark: systemDark };
  const html = `<!doctype html><html><head>${renderToStaticMarkup(<ThemeScript />)}</head><body>${renderToStaticMarkup(<ThemeToggle />)}</body></html>`;
  const dom = new JSDOM(html, {
    url: 'https://folio.test/',
    runScripts: 'dangerously',
    beforeParse(window) {
      window.matchMedia = ((query: string) => ({
        media: query,
        get matches() {
          return system.dark;
        },
        addEventListener: (_type: string, listener: () => void) => mediaListeners.push(listener),
      })) as unknown as typeof window.matchMedia;
      if (saved !== undefined) window.localStorage.setItem(THEME_STORAGE_KEY, saved);
      if (storageBlocked) {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new window.DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      }
    },
  });
  const { document } = dom.window;
  // jsdom fires DOMContentLoaded after the constructor returns, as a browser does after parsing.
  if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve));
  const root = document.documentElement;
  const toggle = document.getElementById(THEME_TOGGLE_ID)!;
  return {
    document,
    root,
    toggle,
    stored: () => (storageBlocked ? undefined : dom.window.localStorage.getItem(THEME_STORAGE_KEY)),
    setSystemDark(dark: boolean) {
      system.dark = dark;
      for (const listener of mediaListeners) listener();
    },
  };
}

describe('ThemeToggle', () => {
  it('is a toggle button named "Dark theme", not pressed until the script says so', async () => {
    const { document } = new JSDOM(renderToStaticMarkup(<ThemeToggle />)).window;
    const button = within(document.body).getByRole('button', { name: 'Dark theme' });
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveAttribute('id', THEME_TOGGLE_ID);
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(button.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });

  it('is pressed when the page is dark, as the theme script sets it', async () => {
    const page = await loadPage({ systemDark: true });
    expect(within(page.document.body).getByRole('button', { name: 'Dark theme', pressed: true })).toBe(page.toggle);
  });
});

describe('the theme script', () => {
  it('is one small inline script with the id tests and CSP hashes look for', async () => {
    const markup = renderToStaticMarkup(<ThemeScript />);
    expect(markup).toMatch(new RegExp(`^<script id="${THEME_SCRIPT_ID}">[^<]+</script>$`));
    expect(Buffer.byteLength(THEME_SCRIPT)).toBeLessThan(THEME_SCRIPT_MAX_BYTES);
  });

  it('follows the system when nothing is saved: no data-theme, toggle pressed only when the system is dark', async () => {
    const light = await loadPage();
    expect(light.root).not.toHaveAttribute('data-theme');
    expect(light.toggle).toHaveAttribute('aria-pressed', 'false');

    const dark = await loadPage({ systemDark: true });
    expect(dark.root).not.toHaveAttribute('data-theme');
    expect(dark.toggle).toHaveAttribute('aria-pressed', 'true');
    dark.setSystemDark(false);
    expect(dark.toggle).toHaveAttribute('aria-pressed', 'false');
  });

  it('marks <html> so CSS shows the toggle', async () => {
    expect((await loadPage()).root).toHaveAttribute('data-theme-toggle');
  });

  it.each(['dark', 'light'])('applies a saved "%s" to <html> before the body is parsed', async (saved) => {
    const { root, toggle } = await loadPage({ saved, systemDark: saved === 'light' });
    expect(root).toHaveAttribute('data-theme', saved);
    expect(toggle).toHaveAttribute('aria-pressed', String(saved === 'dark'));
  });

  it('ignores a saved value that is not a theme', async () => {
    const { root } = await loadPage({ saved: 'purple' });
    expect(root).not.toHaveAttribute('data-theme');
  });

  it('switches to the other scheme on each click and saves the choice', async () => {
    const page = await loadPage({ systemDark: true });
    page.toggle.click();
    expect(page.root).toHaveAttribute('data-theme', 'light');
    expect(page.toggle).toHaveAttribute('aria-pressed', 'false');
    expect(page.stored()).toBe('light');

    page.toggle.click();
    expect(page.root).toHaveAttribute('data-theme', 'dark');
    expect(page.toggle).toHaveAttribute('aria-pressed', 'true');
    expect(page.stored()).toBe('dark');

    // A saved choice outranks the system from then on.
    page.setSystemDark(false);
    expect(page.toggle).toHaveAttribute('aria-pressed', 'true');
  });

  it('reacts to clicks on the icon inside the button too', async () => {
    const page = await loadPage();
    page.toggle.querySelector('path')!.dispatchEvent(new page.root.ownerDocument.defaultView!.MouseEvent('click', { bubbles: true }));
    expect(page.root).toHaveAttribute('data-theme', 'dark');
  });

  it('still works when storage is blocked: follows the system, and the toggle switches the page', async () => {
    const page = await loadPage({ systemDark: true, storageBlocked: true });
    expect(page.root).not.toHaveAttribute('data-theme');
    expect(page.toggle).toHaveAttribute('aria-pressed', 'true');
    page.toggle.click();
    expect(page.root).toHaveAttribute('data-theme', 'light');
  });
});
