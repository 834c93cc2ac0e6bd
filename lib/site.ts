/**
 * Site settings: the one file to edit when making Folio your own blog.
 */
import { SEARCH_PAGE_PATH } from './page-scripts.mjs';

export interface MenuItem {
  label: string;
  /** Root-relative path with a trailing slash, or an absolute URL. */
  href: string;
}

export interface SocialLink {
  label: string;
  href: string;
}

/** One of the site's feeds: `scripts/finish-export.mjs` writes it at `href`, and every page links to it. */
export interface FeedLink {
  format: 'rss' | 'atom' | 'json';
  /** Root-relative path of the file in `out/`. */
  href: string;
  /** Its media type, for `<link rel="alternate" type>`. */
  type: string;
  label: string;
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
  /** How many posts the home page and each tag and category page list per page. */
  postsPerPage: number;
  /** How many of the newest posts the RSS, Atom and JSON feeds hold. */
  feedSize: number;
  /** The image shown when a page without a `socialImage` or `cover` is shared: a file in `public/` (ideally 1200×630 PNG or JPEG) or an absolute URL. */
  socialImage: string;
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
  postsPerPage: 10,
  feedSize: 20,
  socialImage: '/social-default.png',
  menu: [
    { label: 'Posts', href: '/' },
    { label: 'Tags', href: '/tags/' },
    { label: 'Archive', href: '/archive/' },
    { label: 'Search', href: SEARCH_PAGE_PATH },
  ],
  social: [
    { label: 'GitHub', href: 'https://github.com/' },
    { label: 'Mastodon', href: 'https://mastodon.social/' },
  ],
};

/** An absolute URL on this site, for canonical links. */
export const absoluteUrl = (pathname: string) => new URL(pathname, site.url).href;

/** The feeds, linked from the head of every page. */
export const siteFeeds: FeedLink[] = [
  { format: 'rss', href: '/rss.xml', type: 'application/rss+xml', label: 'RSS' },
  { format: 'atom', href: '/atom.xml', type: 'application/atom+xml', label: 'Atom' },
  { format: 'json', href: '/feed.json', type: 'application/feed+json', label: 'JSON Feed' },
];

/** Absolute URL of the image shown when a page is shared: its own (`socialImage` or `cover`), else the site's. */
export const socialImageUrl = (image?: string | null) => absoluteUrl(image ?? site.socialImage);

/** The header menu: the configured entries, then every `template: "page"` page by title. */
export function siteMenu(pages: { title: string; url: string }[]): MenuItem[] {
  const configured = new Set(site.menu.map((item) => item.href));
  return [...site.menu, ...pages.filter((page) => !configured.has(page.url)).map((page) => ({ label: page.title, href: page.url }))];
}
