/**
 * The site as this build sees it: the settings (lib/config/settings.ts) checked against their
 * schema, with what the environment sets for one build (`SITE_URL`, `BASE_PATH`,
 * `FOLIO_INTEGRATIONS`), read once; and the values derived from them that pages, feeds and
 * the build share. Nothing here is meant to be edited: settings live in settings.ts.
 */
import { commentsEmbed, resolveIntegrations, type CommentsEmbed, type Integrations } from '../integrations/integrations';
import { parseBasePath, parseSiteUrl, prefixBasePath } from '../routes/base-path';
import { FEED_PATHS, inLanguage, PAGE_ROUTES, termFeedPath } from '../routes/table';
import { LOCAL_BACKEND_PORT } from '../integrations/cms';
import { settingsSchema, type CheckedSettings, type MenuItem, type SiteAuthor } from './schema';
import { dictionaryOf, missingStrings, type Dictionary } from './dictionaries';
import { settings } from './settings';

export type { MenuItem, SiteAuthor };

/** True under `next dev` and `npm run dev`'s prepare step: drafts show, and a broken post shows its error on its page. */
export const isDev = process.env.NODE_ENV === 'development';

/** The environment variable through which `npm run dev` (scripts/dev.ts) tells `next dev` the port of its live preview's event stream. */
export const LIVE_PREVIEW_PORT_VARIABLE = 'FOLIO_LIVE_PREVIEW_PORT';

/**
 * The port of the live preview's event stream under `npm run dev`, which pages then listen to
 * (components/LivePreview); null anywhere else (`next build`, or `next dev` run by hand), where
 * pages carry no live preview script.
 */
export const livePreviewPort: number | null = isDev && /^\d+$/.test(process.env[LIVE_PREVIEW_PORT_VARIABLE] ?? '') ? Number(process.env[LIVE_PREVIEW_PORT_VARIABLE]) : null;

/** Where the settings are, as an author sees it in a message. */
export const SETTINGS_FILE = 'lib/config/settings.ts';

/** One language of the site, as pages, feeds and the loader use it. */
export interface SiteLanguage {
  code: string;
  name: string;
  /** Which way its text runs; null on a site of one `language`, whose pages say none (as before languages existed). */
  dir: 'ltr' | 'rtl' | null;
  dateLocale: string;
  default: boolean;
}

/**
 * The site's settings, checked, with `url` from `SITE_URL` when it is set, and its languages
 * resolved: `languages` lists them all (one, from `language`, on a site of one language), and
 * `language` and `dateLocale` are the default language's.
 */
export type SiteConfig = Omit<CheckedSettings, 'language' | 'dateLocale' | 'languages'> & {
  language: string;
  dateLocale: string;
  languages: SiteLanguage[];
  /** True when the settings list `languages`: pages then carry `dir`, and posts may live in `posts/<code>/`. */
  multilingual: boolean;
};

/** The languages of checked settings, the default one first. */
export function resolveLanguages(checked: Pick<CheckedSettings, 'language' | 'dateLocale' | 'languages'>): SiteLanguage[] {
  if (!checked.languages) return [{ code: checked.language!, name: checked.language!, dir: null, dateLocale: checked.dateLocale!, default: true }];
  return [...checked.languages].sort((a, b) => Number(b.default) - Number(a.default));
}

/** The settings checked against their schema; a wrong field fails the build, naming it. */
function checkedSettings(): SiteConfig {
  const result = settingsSchema.safeParse(settings);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${SETTINGS_FILE}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new Error(`The site settings are not valid:\n${problems.join('\n')}`);
  }
  const fromEnvironment = process.env.SITE_URL;
  const languages = resolveLanguages(result.data);
  const url = parseSiteUrl(fromEnvironment || result.data.url, fromEnvironment ? 'SITE_URL' : `url in ${SETTINGS_FILE}`);
  return { ...result.data, url, languages, language: languages[0].code, dateLocale: languages[0].dateLocale, multilingual: Boolean(result.data.languages) };
}

export const site: SiteConfig = checkedSettings();

/** The default language's code: its pages are at the root. */
export const defaultLanguage = site.language;

/** The site's language whose code is `code`; the default language for any other. */
export const languageOf = (code: string): SiteLanguage => site.languages.find((language) => language.code === code) ?? site.languages[0];

/** The prefix of a language's site paths for the route table's `inLanguage`: null for the default language, its code for any other. */
export const languagePrefix = (code: string): string | null => (code === defaultLanguage ? null : code);

/**
 * The interface text of the language `code` (lib/config/dictionaries.ts). A site of one
 * `language` keeps the English text it always had; a site with `languages` gets each one's.
 */
export const uiTextOf = (code: string): Dictionary => (site.multilingual ? dictionaryOf(code, defaultLanguage) : dictionaryOf('en', 'en'));

/** The build's warnings for strings the site's languages' dictionaries lack, each shown in the default language's text instead. */
export const dictionaryWarnings = (): string[] =>
  site.multilingual
    ? site.languages.flatMap(({ code }) =>
        missingStrings(code).map((key) => `lib/config/dictionaries.ts: the "${code}" dictionary has no "${key}": its pages show the ${defaultLanguage === code ? 'English' : `"${defaultLanguage}"`} text`),
      )
    : [];

/** The href of a site path, as the route table makes it, in the language `code`: `/tags/` in French is `/fr/tags/`, under the base path. */
export const hrefInLanguage = (code: string, sitePath: string) => withBasePath(inLanguage(languagePrefix(code), sitePath));

/**
 * The sub-path the site is served under, from the `BASE_PATH` environment variable at build
 * time: `''` at the root of its origin, `/my-repo` for a GitHub Pages project site. Next's
 * `basePath` (next.config.ts) puts its own assets there; `withBasePath` does it for every
 * link Folio writes. A malformed value fails the build with the reason.
 */
export const basePath: string = parseBasePath(process.env.BASE_PATH);

/**
 * The port of the CMS's local backend (`decap-server`) that `npm run cms` runs, from
 * `FOLIO_CMS_PORT` (scripts/cms.ts sets it), for the development admin page's configuration.
 */
export const cmsLocalBackendPort: number = parsePort(process.env.FOLIO_CMS_PORT, LOCAL_BACKEND_PORT);

function parsePort(value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`FOLIO_CMS_PORT must be a port number, got ${JSON.stringify(value)}`);
  return port;
}

/**
 * The href of one of the site's own paths: `/posts/x/` under the base path. URLs with a
 * scheme and relative ones are returned as they are. Every root-relative URL the site emits
 * is built with it, once.
 */
export const withBasePath = (sitePath: string) => prefixBasePath(basePath, sitePath);

/**
 * How long an excerpt the author chose (front matter `excerpt`, or a body's text before its
 * `<!-- more -->` marker) may be: four times `excerptLength`, so a chosen lead is kept whole
 * and only a runaway one is cut.
 */
export const authoredExcerptLength = site.excerptLength * 4;

/**
 * The URL that edits the source file at `sourcePath` (`posts/a b.md`, relative to the project)
 * in the repository (the site's `editUrl` setting unless given), each segment percent-encoded;
 * null when there is none.
 */
export const editUrlOf = (sourcePath: string, editUrl: string | null = site.editUrl): string | null =>
  editUrl && editUrl + sourcePath.split('/').map(encodeURIComponent).join('/');

/** The absolute URL of an href the site emits (base path included), for canonical links, feeds and previews. */
export const absoluteUrl = (href: string) => new URL(href, site.url).href;

/** One of the site's feeds: the post-export step writes it at `href`, and pages link to it. */
export interface FeedLink {
  format: 'rss' | 'atom' | 'json';
  /** Its href: the file's path in `out/`, under the base path. */
  href: string;
  /** Its media type, for `<link rel="alternate" type>`. */
  type: string;
  label: string;
  /** The feed's title when it is not the site's: a tag's or category's feed has its list's. */
  title?: string;
}

/**
 * What a set of feeds (one in each format) follows: the site's posts, or one tag's or
 * category's. The href of the page that lists those posts, the feeds' title and description,
 * and their links. The build manifest carries the tags' and categories' for the post-export step.
 */
export interface FeedChannel {
  url: string;
  /** The language of its posts, which the feeds declare. */
  lang: string;
  title: string;
  description: string;
  feeds: FeedLink[];
}

/** What each feed format is, for links to it. */
const FEED_FORMATS: Pick<FeedLink, 'format' | 'type' | 'label'>[] = [
  { format: 'rss', type: 'application/rss+xml', label: 'RSS' },
  { format: 'atom', type: 'application/atom+xml', label: 'Atom' },
  { format: 'json', type: 'application/feed+json', label: 'JSON Feed' },
];

/** The feeds, linked from the head of every page. */
export const siteFeeds: FeedLink[] = FEED_FORMATS.map((format) => ({ ...format, href: withBasePath(FEED_PATHS[format.format]) }));

/** The feeds of the language `code`, which its pages link: the default language's at the root, each other's under its code (`/fr/rss.xml`). */
export const feedsIn = (code: string): FeedLink[] =>
  code === defaultLanguage ? siteFeeds : siteFeeds.map((feed) => ({ ...feed, href: hrefInLanguage(code, FEED_PATHS[feed.format]) }));

/**
 * The three feeds of a tag's or category's list, whose page is at the site path `listPath`,
 * titled `title`: linked from that list's pages, beside the site's.
 */
export const termFeeds = (listPath: string, title: string): FeedLink[] => FEED_FORMATS.map((format) => ({ ...format, href: withBasePath(termFeedPath(listPath, format.format)), title }));

/**
 * The site's authors, the first the default author of a post that names none: the `authors`
 * setting, or the one `author` of a site that gives that instead (whose id no URL shows).
 */
export const siteAuthors: SiteAuthor[] = site.authors ?? [{ id: 'author', name: site.author!.name, bio: site.author!.bio, avatar: null, links: [] }];

/** A site with more than one author gives each a page, and has an index of them; a site with one keeps its single author block and URLs. */
export const hasAuthorPages = siteAuthors.length > 1;

/** The href of an author's page; null on a site with one author, which has none. */
export const authorPageHref = (id: string): string | null => (hasAuthorPages ? withBasePath(PAGE_ROUTES.author.path(id)) : null);

/** Absolute URL of the site's image, shown when a list page is shared (a post or page has its own when it can). */
export const socialImageUrl = () => absoluteUrl(withBasePath(site.socialImage));

/**
 * The header menu of a language's pages: the configured entries, each labelled in that language
 * and a site path taken to the language's own (`/tags/` to `/fr/tags/`), then every
 * `template: "page"` page by title.
 */
export function siteMenu(pages: { title: string; url: string }[], lang: string = defaultLanguage): MenuItem[] {
  const configured = site.menu.map(({ label, href }) => ({
    label: typeof label === 'string' ? label : (label[lang] ?? label[defaultLanguage]),
    href: withBasePath(href.startsWith('/') ? inLanguage(languagePrefix(lang), href) : href),
  }));
  const hrefs = new Set(configured.map((item) => item.href));
  return [...configured, ...pages.filter((page) => !hrefs.has(page.url)).map((page) => ({ label: page.title, href: page.url }))];
}

/**
 * The integrations this build uses: the site's, or those that `FOLIO_INTEGRATIONS` puts in
 * their place. Server-side only (page data, the document, the build manifest); components get
 * what it decides as props.
 */
export const siteIntegrations: Integrations = resolveIntegrations(site, process.env.FOLIO_INTEGRATIONS);

/** What every post page embeds for comments, made once; null when comments are off. */
export const siteCommentsEmbed: CommentsEmbed | null = siteIntegrations.comments && commentsEmbed(siteIntegrations.comments, basePath);
