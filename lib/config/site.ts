/**
 * Site settings: the one file to edit when making Folio your own blog.
 */
import type { IconSettings, ThemeColor } from '../images/icons.mjs';
import type { AnalyticsSettings, CommentsSettings } from '../integrations/integrations.mjs';
import { SEARCH_PAGE_PATH } from '../routes/page-scripts.mjs';
import { FEED_PATHS } from '../routes/table.mjs';
import { parseBasePath, parseSiteUrl, prefixBasePath } from '../routes/base-path.mjs';

export interface MenuItem {
  label: string;
  /** Root-relative path with a trailing slash (the base path is added for you), or an absolute URL. */
  href: string;
}

export interface SocialLink {
  label: string;
  href: string;
}

/** One of the site's feeds: `scripts/finish-export.mjs` writes it at `href`, and every page links to it. */
export interface FeedLink {
  format: 'rss' | 'atom' | 'json';
  /** Its href: the file's path in `out/`, under the base path. */
  href: string;
  /** Its media type, for `<link rel="alternate" type>`. */
  type: string;
  label: string;
}

export interface SiteConfig {
  title: string;
  description: string;
  /**
   * The site's public origin (scheme and host, no path), for canonical and feed URLs; the
   * `SITE_URL` environment variable overrides it. A site served under a sub-path sets that
   * path in `BASE_PATH` (see `basePath`).
   */
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
  /** The image shown when a list page (home, tags, archive) is shared: a file in `public/` (ideally 1200×630 PNG or JPEG) or an absolute URL. Posts and pages get their own, unless cards are off or cannot be drawn for them. */
  socialImage: string;
  /**
   * Draw a 1200×630 card with its title and date for each post or page that has no
   * `socialImage` or cover (lib/social-image.ts). A card costs about 35 ms of CPU the first
   * time (a cold build of 1000 such posts spends about 35 s of CPU on them); false shares
   * those posts with `socialImage` instead.
   */
  socialCards: boolean;
  /**
   * The site's icon. `source` is the one image every icon is made from, an SVG in
   * `public/icons/` (as a site path): the build makes `favicon.ico`, the apple-touch-icon and
   * the web app manifest's PNGs from it (lib/icons.mjs). `background` fills the icons that
   * must be opaque (the apple-touch-icon) and is the manifest's `background_color`, the splash
   * screen's.
   */
  icon: IconSettings;
  /** The colour of the browser's own frame around the site (`theme-color`, and the manifest's `theme_color`), in the light and in the dark scheme. */
  themeColor: ThemeColor;
  /** Links in the header, before the `template: "page"` pages (which are added by title). */
  menu: MenuItem[];
  social: SocialLink[];
  /**
   * Comments under each post, through giscus (GitHub Discussions) or utterances (GitHub
   * Issues); null for none. Nothing loads from the provider until a reader clicks "Show comments".
   */
  comments: CommentsSettings | null;
  /** Plausible, Umami or GoatCounter: one deferred script on every page; null for none. */
  analytics: AnalyticsSettings | null;
}

export const site: SiteConfig = {
  title: 'Folio',
  description: 'Notes on building, caching and running software at scale.',
  url: process.env.SITE_URL || 'https://folio.example.com',
  language: 'en',
  dateLocale: 'en-GB',
  author: {
    name: 'Folio Author',
    bio: 'Writes about architecture, DevOps and performance.',
  },
  postsPerPage: 10,
  feedSize: 20,
  socialImage: '/social-default.png',
  socialCards: true,
  icon: { source: '/icons/icon.svg', background: '#ffffff' },
  themeColor: { light: '#ffffff', dark: '#16181d' },
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
  // See "Comments and analytics" in README.md; lib/integrations.mjs checks both when a build starts.
  comments: null,
  analytics: null,
};

site.url = parseSiteUrl(site.url, process.env.SITE_URL ? 'SITE_URL' : 'site.url in lib/site.ts');

/**
 * The sub-path the site is served under, from the `BASE_PATH` environment variable at build
 * time: `''` at the root of its origin, `/my-repo` for a GitHub Pages project site. Next's
 * `basePath` (next.config.mjs) puts its own assets there; `withBasePath` does it for every
 * link Folio writes. A malformed value fails the build with the reason.
 */
export const basePath: string = parseBasePath(process.env.BASE_PATH);

/**
 * The href of one of the site's own paths: `/posts/x/` under the base path. URLs with a
 * scheme and relative ones are returned as they are. Every root-relative URL the site emits
 * is built with it, once: post, page and term URLs (lib/content.ts), assets (lib/assets.ts),
 * the menu, the feeds and the pages' own links.
 */
export const withBasePath = (sitePath: string) => prefixBasePath(basePath, sitePath);

/** The absolute URL of an href the site emits (base path included), for canonical links, feeds and previews. */
export const absoluteUrl = (href: string) => new URL(href, site.url).href;

/** The feeds, linked from the head of every page. */
export const siteFeeds: FeedLink[] = [
  { format: 'rss', href: withBasePath(FEED_PATHS.rss), type: 'application/rss+xml', label: 'RSS' },
  { format: 'atom', href: withBasePath(FEED_PATHS.atom), type: 'application/atom+xml', label: 'Atom' },
  { format: 'json', href: withBasePath(FEED_PATHS.json), type: 'application/feed+json', label: 'JSON Feed' },
];

/** Absolute URL of the site's image, shown when a list page is shared (a post or page has its own when it can: lib/social-image.ts). */
export const socialImageUrl = () => absoluteUrl(withBasePath(site.socialImage));

/** The header menu: the configured entries, then every `template: "page"` page by title. */
export function siteMenu(pages: { title: string; url: string }[]): MenuItem[] {
  const configured = site.menu.map((item) => ({ ...item, href: withBasePath(item.href) }));
  const hrefs = new Set(configured.map((item) => item.href));
  return [...configured, ...pages.filter((page) => !hrefs.has(page.url)).map((page) => ({ label: page.title, href: page.url }))];
}
