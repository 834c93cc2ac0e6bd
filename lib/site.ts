/**
 * Site settings: the one file to edit when making Folio your own blog.
 */
export interface MenuItem {
  label: string;
  /** Root-relative path with a trailing slash, or an absolute URL. */
  href: string;
}

export interface SocialLink {
  label: string;
  href: string;
}

export interface SiteConfig {
  title: string;
  description: string;
  /** The public URL of the site, without a trailing slash; used for canonical URLs. */
  url: string;
  /** The `lang` of every page. */
  language: string;
  /** `Intl.DateTimeFormat` locale for dates shown to readers. */
  dateLocale: string;
  author: {
    name: string;
    bio: string;
  };
  /** Links in the header, before the `template: "page"` pages (which are added by title). */
  menu: MenuItem[];
  social: SocialLink[];
}

export const site: SiteConfig = {
  title: 'Folio',
  description: 'Notes on building, caching and running software at scale.',
  url: 'https://folio.example.com',
  language: 'en',
  dateLocale: 'en-GB',
  author: {
    name: 'Folio Author',
    bio: 'Writes about architecture, DevOps and performance.',
  },
  menu: [{ label: 'Posts', href: '/' }],
  social: [
    { label: 'GitHub', href: 'https://github.com/' },
    { label: 'Mastodon', href: 'https://mastodon.social/' },
  ],
};

/** An absolute URL on this site, for canonical links. */
export const absoluteUrl = (pathname: string) => new URL(pathname, site.url).href;

/** The header menu: the configured entries, then every `template: "page"` page by title. */
export function siteMenu(pages: { title: string; url: string }[]): MenuItem[] {
  const configured = new Set(site.menu.map((item) => item.href));
  return [...site.menu, ...pages.filter((page) => !configured.has(page.url)).map((page) => ({ label: page.title, href: page.url }))];
}
