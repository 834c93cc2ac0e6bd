import type { LanguageLink } from '../../lib/page-props/types';
import styles from './LanguageSwitcher.module.css';

export interface LanguageSwitcherProps {
  /** The code of the page's language, whose link is marked current. */
  current: string;
  /** Every language of the site: this page in it, or its home page. */
  links: LanguageLink[];
  /** The navigation's accessible name, in the page's language. */
  label: string;
}

/**
 * Links to the other languages, no script: each goes to this very page in that language, or to
 * that language's home page when the page has no translation. Each link is named in its own
 * language and says so (`lang`), and the page's own is marked current.
 */
export function LanguageSwitcher({ current, links, label }: LanguageSwitcherProps) {
  return (
    <nav aria-label={label} className={styles.switcher}>
      <ul>
        {links.map((link) => (
          <li key={link.lang}>
            <a href={link.href} lang={link.lang} hrefLang={link.lang} aria-current={link.lang === current ? 'page' : undefined}>
              {link.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
