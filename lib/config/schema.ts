/**
 * What the site settings (lib/config/settings.ts) may hold: the one schema they are checked
 * against when a build starts, and the type of that file. A field with a default may be left
 * out of the settings; a wrong value fails the build naming the field.
 */
import { z } from 'zod';
import { analyticsSchema, commentsSchema } from '../integrations/integrations';
import { aliasPatternProblem } from '../routes/redirects';
import { cmsSchema } from '../integrations/cms';
import { LANGUAGE_CODE_PATTERN, RESERVED_SEGMENTS } from '../routes/table';

const text = z.string().trim().min(1, 'must not be empty');
const count = (min: number) => z.number().int(`must be a whole number`).min(min, `must be at least ${min}`);
const colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour as #rrggbb');

/** An IANA time zone name (`Europe/Paris`, `UTC`) that this Node knows. */
const timeZone = z.string().refine(
  (name) => {
    try {
      // An offset (`+01:00`) is no zone: it does not follow a place's summer time.
      return /^[A-Za-z]/.test(name) && Boolean(new Intl.DateTimeFormat('en', { timeZone: name }));
    } catch {
      return false;
    }
  },
  { error: (issue) => `${JSON.stringify(issue.input)} is not a time zone: give an IANA name such as "Europe/Paris" or "UTC"` },
);

/**
 * The start of the URL that edits a file of the repository, to which a post's path is added:
 * an https URL without query, fragment or credentials, ending in `/`.
 */
const editUrlBase = z.string().superRefine((value, ctx) => {
  const url = URL.canParse(value) ? new URL(value) : null;
  const problem = !url || url.protocol !== 'https:'
    ? 'must be an https:// URL'
    : url.username || url.password || url.search || url.hash || !url.hostname
      ? 'must be a plain https:// URL, without credentials, query or fragment'
      : !value.endsWith('/')
        ? 'must end with /, as a post\'s path is added to it'
        : null;
  if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} ${problem}, like "https://github.com/owner/repo/edit/main/"` });
});

/** A pattern of the URLs posts had on another site: `/:slug/`, `/:year/:month/:slug.html`. */
const aliasPattern = z.string().superRefine((value, ctx) => {
  const problem = aliasPatternProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} ${problem}` });
});

/** An https:// URL without credentials, for a link the site shows to readers. */
const httpsUrl = z.string().superRefine((value, ctx) => {
  const url = URL.canParse(value) ? new URL(value) : null;
  const problem = !url || url.protocol !== 'https:' || !url.hostname ? 'must be an https:// URL' : url.username || url.password ? 'must not hold credentials' : null;
  if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} ${problem}, like "https://mastodon.social/@ada"` });
});

/**
 * One author of the site. `id` is what posts name in `author:` or `authors:`, and the last
 * segment of the author's page (`/authors/<id>/`); `avatar` is an image in `public/` (a site
 * path), which the image pipeline makes in several sizes and formats.
 */
const authorSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by single hyphens, like "ada-lovelace": it is the end of the author page\'s URL').refine((id) => !RESERVED_SEGMENTS.has(id), 'is a name the build owns'),
  name: text,
  bio: text,
  avatar: z.string().regex(/^\/[^/\\]/, 'must be the site path of an image in public/, like "/images/authors/ada.png"').nullable().default(null),
  links: z.array(z.strictObject({ label: text, href: httpsUrl })).default([]),
});

/**
 * A BCP 47 language tag as pages, feeds and folders use it: `en`, `fr`, `pt-br`. Its two or three
 * letters are never a name the build writes at the root (lib/routes/table.ts `RESERVED_ROOT_NAMES`).
 */
const languageCode = z.string().regex(new RegExp(`^${LANGUAGE_CODE_PATTERN}$`), { error: (issue) => `${JSON.stringify(issue.input)} is not a language code: write one like "en", "fr" or "pt-br", in lower case` });

/** A date locale `Intl.DateTimeFormat` knows (`en-GB`, `ar-EG`). */
const dateLocale = text.refine((locale) => Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 1, { error: (issue) => `${JSON.stringify(issue.input)} is not a locale this Node can format dates in` });

/** One language of a site in several (`languages`). */
const siteLanguage = z.strictObject({
  code: languageCode,
  /** Its name in its own language, as the language switcher shows it: `Français`. */
  name: text,
  /** Which way its text runs: `rtl` for Arabic, Hebrew, Persian or Urdu. */
  dir: z.enum(['ltr', 'rtl']).default('ltr'),
  /** `Intl.DateTimeFormat` locale for the dates its pages show: `fr-FR`, `ar-EG`. */
  dateLocale,
  /** True for the one language whose pages are at the root of the site. */
  default: z.boolean().default(false),
});

const link = z.strictObject({
  label: text,
  /** Root-relative path with a trailing slash (the base path is added for you), or an absolute URL. */
  href: text,
});

/**
 * A header menu entry: its label the same in every language (`'Tags'`), or one per language
 * (`{ en: 'Tags', fr: 'Étiquettes' }`), the default language's shown where a language has none.
 */
const menuItem = z.strictObject({
  label: z.union([text, z.record(languageCode, text)]),
  /** Root-relative path with a trailing slash (the base path is added for you, and a language's prefix), or an absolute URL. */
  href: text,
});

/** The settings' fields, each checked on its own; `settingsSchema` checks them together. */
export const settingsFields = z.strictObject({
  title: text,
  description: text,
  /**
   * The site's public origin (scheme and host, no path), for canonical and feed URLs; the
   * `SITE_URL` environment variable overrides it. A site served under a sub-path sets that
   * path in `BASE_PATH`.
   */
  url: text,
  /** The site's one author, as before there were several: a name and a bio. Give it or `authors`, not both. */
  author: z.strictObject({ name: text, bio: text }).optional(),
  /**
   * The site's authors, the first of them the default author of a post that names none. With
   * more than one, each has a page listing their posts. Give it or `author`, not both.
   */
  authors: z.array(authorSchema).min(1, 'must list at least one author').optional(),
  /** The `lang` of every page, for a site in one language; a site in several lists them in `languages` instead. */
  language: text.optional(),
  /** `Intl.DateTimeFormat` locale for dates shown to readers, with `language`. */
  dateLocale: text.optional(),
  /**
   * The site's languages, for a site in more than one (docs/i18n.md): the default one's pages
   * are at the root, each other one's under `/<code>/`. In place of `language` and `dateLocale`.
   */
  languages: z.array(siteLanguage).min(1, 'must list at least one language').optional(),
  /**
   * The site's time zone, an IANA name: the day it is there decides which posts are scheduled
   * (dated after today) and so held back. The build machine's own zone never counts.
   */
  timeZone: timeZone.default('UTC'),
  /**
   * What a production build does with a post dated after today (in `timeZone`): `'hold'` leaves
   * it out, like a draft, until a build on or after its date; `'publish'` publishes it at once.
   */
  scheduledPosts: z.enum(['hold', 'publish']).default('hold'),
  /** How many posts the home page and each tag and category page list per page. */
  postsPerPage: count(1).default(10),
  /** How many of the newest posts the RSS, Atom and JSON feeds hold. */
  feedSize: count(1).default(20),
  /** How long a post's excerpt is at most, in characters, when it is taken from its body. */
  excerptLength: count(20).default(160),
  /** Words a reader reads in a minute, for a post's reading time. */
  wordsPerMinute: count(50).default(200),
  /** A post shows its table of contents from this many section headings on. */
  tableOfContentsMinHeadings: count(1).default(3),
  /** How many related posts a post page shows at most. */
  relatedPosts: count(0).default(3),
  /**
   * The widths, in pixels, made of every raster image in a post (never wider than the image
   * itself): each image is offered at these widths in AVIF, WebP and its own format.
   */
  imageWidths: z.array(count(16)).min(1).default([480, 960, 1600]),
  /**
   * The image shown when a list page (home, tags, archive) is shared: a file in `public/`
   * (ideally 1200×630 PNG or JPEG) or an absolute URL. Posts and pages get their own.
   */
  socialImage: text,
  /**
   * Draw a 1200×630 card with its title and date for each post or page that has no
   * `socialImage` or cover (lib/images/social-image.ts). A card costs about 35 ms of CPU the
   * first time; false shares those posts with `socialImage` instead.
   */
  socialCards: z.boolean().default(true),
  /** The colours of the cards: the light scheme's, as the pages show it. */
  cardColours: z.strictObject({ background: colour, heading: colour, muted: colour, accent: colour }).default({ background: '#ffffff', heading: '#111111', muted: '#595959', accent: '#0b5cad' }),
  /**
   * The site's icon. `source` is the one image every icon is made from, an SVG in
   * `public/icons/` (as a site path): the build makes `favicon.ico`, the apple-touch-icon and
   * the web app manifest's PNGs from it (lib/images/icons.ts). `background` fills the icons
   * that must be opaque (the apple-touch-icon) and is the manifest's `background_color`.
   */
  icon: z.strictObject({ source: text, background: colour }),
  /** The colour of the browser's own frame around the site (`theme-color`), in the light and in the dark scheme. */
  themeColor: z.strictObject({ light: colour, dark: colour }),
  /**
   * Adds an "Edit this post" link at the end of each post and page, to its source file: this
   * URL followed by the file's path in the project (`posts/hello.md`), e.g.
   * `https://github.com/owner/repo/edit/main/`. Null for none.
   */
  editUrl: editUrlBase.nullable().default(null),
  /**
   * Take a post's `updated` date, when its front matter gives none, from the last commit that
   * changed its file (one `git log` for all posts). It needs the whole history: a shallow
   * clone or a folder outside git is reported as a warning, and no date is read from it.
   */
  updatedFromGit: z.boolean().default(false),
  /**
   * What a production build does with a link in a post to a page, post, tag, category, file or
   * `#anchor` of this site that the export does not have: `'error'` fails the build naming the
   * file and line of each; `'warn'` prints each and builds.
   */
  brokenLinks: z.enum(['error', 'warn']).default('error'),
  /**
   * The URLs every post had on the site this blog moved from, as patterns of `:slug`, `:year`,
   * `:month` and `:day` (the post's slug and date): each becomes an old URL of each post, which
   * redirects to it, as its front matter `aliases` do. gatsby-starter-blog put posts at
   * `/:slug/`; Lumen at `/posts/:slug/`, where Folio puts them too, so it needs none.
   */
  postAliasPatterns: z.array(aliasPattern).default([]),
  /** Links in the header, before the `template: "page"` pages (which are added by title). */
  menu: z.array(menuItem),
  /** Links to the author elsewhere, in the footer. */
  social: z.array(link),
  /**
   * Comments under each post, through giscus (GitHub Discussions) or utterances (GitHub
   * Issues); null for none. Nothing loads from the provider until a reader clicks "Show comments".
   */
  comments: commentsSchema.nullable(),
  /** Plausible, Umami or GoatCounter: one deferred script on every page; null for none. */
  analytics: analyticsSchema.nullable(),
  /** The CMS at `/admin/` (docs/cms.md): its app, and the GitHub repository it commits to once the site is published. */
  cms: cmsSchema.default({ app: 'decap', repo: null, branch: 'main', authBaseUrl: null }),
  /**
   * What one post may cost the build: each post is built in a worker process with this much
   * memory and time, and a post that needs more fails the build naming it.
   */
  postLimits: z.strictObject({ memoryMb: count(128), seconds: count(5) }).default({ memoryMb: 512, seconds: 60 }),
});

/**
 * The settings: their fields; the site's author or authors given once, each id once; and a
 * site's language given once, either as `language` or as `languages`.
 */
export const settingsSchema = settingsFields.superRefine((settings, ctx) => {
  const problem = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (!settings.author === !settings.authors) {
    problem(['authors'], settings.author ? 'and author are both given: list every author under authors' : "is missing: give the site's authors (or its one author as author)");
  }
  settings.authors?.forEach((author, position) => {
    if (settings.authors!.findIndex((other) => other.id === author.id) !== position) problem(['authors', position, 'id'], `${JSON.stringify(author.id)} is the id of an author before it; each author needs their own`);
  });
  const codes = settings.languages?.map((language) => language.code) ?? (settings.language ? [settings.language] : []);
  const defaultCode = settings.languages?.find((language) => language.default)?.code ?? settings.language;
  settings.menu.forEach(({ label }, position) => {
    if (typeof label === 'string') return;
    for (const code of Object.keys(label)) if (!codes.includes(code)) problem(['menu', position, 'label', code], `is not one of the site's languages (${codes.join(', ')})`);
    if (defaultCode && !(defaultCode in label)) problem(['menu', position, 'label'], `has no label in the default language, "${defaultCode}", which the languages without one show`);
  });
  if (!settings.languages) {
    for (const field of ['language', 'dateLocale'] as const) if (!settings[field]) problem([field], 'is required, unless `languages` lists the site\'s languages');
    return;
  }
  for (const field of ['language', 'dateLocale'] as const) if (settings[field]) problem([field], 'is each language\'s in `languages`: remove it');
  const defaults = settings.languages.filter((language) => language.default).length;
  if (defaults !== 1) problem(['languages'], `must mark exactly one language \`default: true\`, not ${defaults}`);
  settings.languages.forEach(({ code }, position) => {
    if (settings.languages!.findIndex((other) => other.code === code) !== position) problem(['languages', position, 'code'], `"${code}" is listed twice`);
  });
});

/** The settings as an author writes them: fields with a default may be left out. */
export type SiteSettings = z.input<typeof settingsSchema>;

/** The settings checked, every default filled in. */
export type CheckedSettings = z.output<typeof settingsSchema>;

/** A header menu entry as a page shows it: its label in the page's language. */
export interface MenuItem {
  label: string;
  href: string;
}

/** One of the site's authors, checked. */
export type SiteAuthor = z.output<typeof authorSchema>;

/** One of the site's languages, checked. */
export type SiteLanguageSettings = NonNullable<CheckedSettings['languages']>[number];
