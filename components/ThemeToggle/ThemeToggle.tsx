import { ENGLISH } from '../../lib/config/dictionaries';
import { THEME_SCRIPT_ID } from '../../lib/routes/page-scripts';
import styles from './ThemeToggle.module.css';

/** Where the reader's light/dark choice is kept, in `localStorage`. */
export const THEME_STORAGE_KEY = 'folio-theme';
export const THEME_TOGGLE_ID = 'theme-toggle';

/**
 * Runs in the browser as an inline script in the `<head>`, before the body is parsed, so
 * the saved theme is on `<html data-theme>` at the first paint and no page flashes the
 * wrong scheme. It is inlined from its source text (see `THEME_SCRIPT`), so it must use
 * nothing from outside its own body (its settings come in as arguments), and it keeps its
 * comments up here, out of the text every page ships.
 *
 * - Without a saved choice the page follows the system (`prefers-color-scheme`, in CSS).
 * - Storage can be blocked (privacy settings): then nothing is read or saved, and the
 *   toggle still switches the page it is on.
 * - `data-theme-toggle` on `<html>` says the script runs, which is what shows the toggle:
 *   with JavaScript off there is no dead button.
 * - Clicks are caught on the document, so the toggle works as soon as it is parsed; its
 *   `aria-pressed` is set once the page is parsed, and again on every change.
 */
function applyTheme(storageKey: string, toggleId: string) {
  const root = document.documentElement;
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(storageKey);
  } catch {}
  if (saved === 'light' || saved === 'dark') root.dataset.theme = saved;
  root.dataset.themeToggle = '';
  const isDark = () => (root.dataset.theme ?? (systemDark.matches ? 'dark' : 'light')) === 'dark';
  const showState = () => document.getElementById(toggleId)?.setAttribute('aria-pressed', String(isDark()));
  document.addEventListener('DOMContentLoaded', showState);
  systemDark.addEventListener('change', showState);
  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest(`#${toggleId}`)) return;
    const theme = isDark() ? 'light' : 'dark';
    root.dataset.theme = theme;
    try {
      localStorage.setItem(storageKey, theme);
    } catch {}
    showState();
  });
}

/**
 * The inline script's text: `applyTheme`, called with the site's settings. Its source is
 * compiled code whose indentation depends on the compiler; line-leading whitespace is never
 * significant in it (it has no multi-line strings), so it is dropped from every page.
 */
export const THEME_SCRIPT = `(${applyTheme.toString().replace(/\n\s+/g, '\n')})(${JSON.stringify(THEME_STORAGE_KEY)},${JSON.stringify(THEME_TOGGLE_ID)})`;

/** The theme script, for the `<head>` of every page (pages/_document.tsx). */
export function ThemeScript() {
  return <script id={THEME_SCRIPT_ID} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}

/**
 * The light/dark switch: a toggle button, pressed when the page is dark. The theme script
 * sets its state and handles its clicks; CSS shows it only when that script runs.
 */
export function ThemeToggle({ label = ENGLISH.darkTheme }: { label?: string }) {
  return (
    // In `next dev` React hydrates the page, and the script may have set aria-pressed first.
    <button type="button" id={THEME_TOGGLE_ID} className={styles.toggle} aria-pressed="false" suppressHydrationWarning>
      <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path className={styles.moon} d="M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11Z" />
        <g className={styles.sun}>
          <circle cx="12" cy="12" r="4.5" />
          <path d="M12 1.5v2.5M12 20v2.5M1.5 12H4M20 12h2.5M4.6 4.6l1.8 1.8M17.6 17.6l1.8 1.8M4.6 19.4l1.8-1.8M17.6 6.4l1.8-1.8" />
        </g>
      </svg>
      <span className="visually-hidden">{label}</span>
    </button>
  );
}
