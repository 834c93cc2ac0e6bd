import { ENGLISH } from '../../lib/config/dictionaries';
import type { ReactNode } from 'react';
import { hrefInLanguage, withBasePath, type MenuItem, type SiteConfig } from '../../lib/config/site';
import type { PageLanguage } from '../../lib/page-props/types';
import { LanguageSwitcher } from '../LanguageSwitcher/LanguageSwitcher';
import { RelMeLinks } from '../RelMeLinks/RelMeLinks';
import { ThemeToggle } from '../ThemeToggle/ThemeToggle';
import styles from './Layout.module.css';

export interface LayoutProps {
  /** The site, with the author the footer names. */
  site: Pick<SiteConfig, 'title' | 'social'> & { author: { name: string; bio: string } };
  menu: MenuItem[];
  /** The current page's href, to mark its menu entry. */
  currentPath?: string;
  /** The page's language, whose links the switcher shows; the default language's home when absent. */
  language?: PageLanguage;
  children: ReactNode;
}

/** The frame of every page: skip link, header with navigation and theme toggle, main content, footer. */
export function Layout({ site, menu, currentPath, language, children }: LayoutProps) {
  const { author, social } = site;
  const text = language?.text ?? ENGLISH;
  return (
    <div className={styles.frame}>
      <a className={styles.skip} href="#main">
        {text.skipToContent}
      </a>
      <header className={styles.header}>
        <a className={styles.brand} href={language ? hrefInLanguage(language.lang, '/') : withBasePath('/')}>
          {site.title}
        </a>
        <nav aria-label={text.mainMenu}>
          <ul className={styles.menu}>
            {menu.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.href === currentPath ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {language && language.links.length > 1 && (
          <div className={styles.languages}>
            <LanguageSwitcher current={language.lang} links={language.links} label={text.languages} />
          </div>
        )}
        <ThemeToggle label={text.darkTheme} />
      </header>
      <main id="main" className={styles.main} tabIndex={-1}>
        {children}
      </main>
      <footer className={styles.footer}>
        <p>
          {author.name} — {author.bio}
        </p>
        <RelMeLinks links={social} label={text.elsewhere} className={styles.social} />
      </footer>
    </div>
  );
}
