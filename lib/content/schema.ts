/**
 * The content contract: the one schema every post's front matter is validated against.
 * It is also the type source: `FrontMatter` is inferred from it, so the checks and the
 * types cannot drift apart.
 */
import { z } from 'zod';
import { parseAliasPath } from '../routes/redirects';
import { urlScheme } from '../routes/urls';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * A front matter date is a calendar date: the `YYYY-MM-DD` the author wrote. Any time and
 * offset after it are accepted (gatsby-starter-blog and Next's blog-starter write ISO
 * date-times) but ignored, so no time zone, the author's or the build machine's, can move
 * the 15th to the 14th. YAML is parsed with the core schema, which has no timestamp type (see lib/content/load.ts), so
 * an unquoted date arrives here as the same string as a quoted one.
 */
export const calendarDate = z.string({ error: (issue) => (issue.input === undefined ? 'is required' : `${JSON.stringify(issue.input)} is not a valid date`) }).transform((value, ctx) => {
  const match = ISO_DATE.exec(value.trim());
  const [year, month, day] = match ? match.slice(1, 4).map(Number) : [];
  const valid = match && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!valid) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a valid date (use YYYY-MM-DD)` });
    return z.NEVER;
  }
  return value.trim().slice(0, 10);
});

/** What is wrong with `input` where `what` was expected; YAML reads `2019` and `yes` as a number and a boolean. */
function notText(what: string, input: unknown): string {
  if (input === undefined || input === null) return 'is required';
  const quoted = typeof input === 'number' || typeof input === 'boolean' ? `; YAML reads it as a ${typeof input}: write it in quotes ("${input}") to use it as text` : '';
  return `must be ${what}, got ${JSON.stringify(input)}${quoted}`;
}

const text = (what: string) => z.string({ error: (issue) => notText(what, issue.input) });

const requiredText = (what: string) => text(what).trim().min(1, 'must not be empty');
const optionalText = (what: string) => requiredText(what).optional();

/** Lumen writes `tags:` as a list; a single string (`tags: aws`) is read as a list of one, and an empty `tags:` as none. */
const tagList = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : (value ?? undefined)),
  z
    .array(text('a tag name').trim().min(1, 'must not hold an empty tag'), {
      error: (issue) => `must be a list of tags, like [aws, caching], or one tag; got ${JSON.stringify(issue.input)}`,
    })
    .default([]),
);

/**
 * A URL a page head, JSON-LD or a feed will carry: a path (`/images/a.png`, `./cover.jpg`) or
 * an http(s) URL. Any other scheme (`javascript:`, `data:`), in any case, a scheme-relative
 * `//host/x` and a backslash (which browsers read as `/`) are refused, as are control
 * characters, which browsers drop from URLs (`java\tscript:`).
 */
const pathOrHttpUrl = (what: string) =>
  requiredText(what).superRefine((value, ctx) => {
    const problem = /[\u0000-\u001f\u007f]/.test(value)
      ? 'has a control character'
      : value.includes('\\')
        ? 'has a backslash; paths use /'
        : value.startsWith('//')
          ? 'starts with //; write the scheme (https://)'
          : ![null, 'http', 'https'].includes(urlScheme(value))
            ? 'is neither a path nor an http(s) URL'
            : null;
    if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} ${problem}: give a path (/images/a.png, or ./a.png in a folder post) or an https:// URL` });
  }).optional();

/**
 * The URLs a post used to have (`aliases`, or Jekyll's `redirect_from`): a list of site paths,
 * or one, each in its normal form (lib/routes/redirects.ts).
 */
const aliasList = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : (value ?? undefined)),
  z
    .array(
      text('a path').transform((value, ctx) => {
        const parsed = parseAliasPath(value.trim());
        if ('sitePath' in parsed) return parsed.sitePath;
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} ${parsed.problem}` });
        return z.NEVER;
      }),
      { error: (issue) => `must be a list of paths on this site, like [/old-slug/], or one; got ${JSON.stringify(issue.input)}` },
    )
    .optional(),
);

/**
 * Where a cross-post was first published: an absolute http(s) URL, without credentials or
 * control characters, kept as `URL` writes it.
 */
const canonicalUrl = requiredText('an https:// URL')
  .transform((value, ctx) => {
    const url = !/[\u0000-\u001f\u007f]/.test(value) && URL.canParse(value) ? new URL(value) : null;
    const problem = !url || (url.protocol !== 'https:' && url.protocol !== 'http:') ? 'is not an http(s) URL' : url.username || url.password ? 'has credentials in it' : null;
    if (!problem) return url!.href;
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} ${problem}: give the address where the post was first published, like https://dev.to/me/my-post` });
    return z.NEVER;
  })
  .optional();

/** The id of one of the site's authors (lib/config/settings.ts); whether the site has it is checked when the post is read (lib/content/parse.ts). */
const authorId = requiredText('an author id from the settings, like "ada"');

/**
 * The post's author: an author's id. Next's blog-starter writes an object (`{ name, picture }`)
 * here, which is kept as it is and names none of the site's authors.
 */
const authorField = z
  .union([authorId, z.looseObject({ name: requiredText('text') })], { error: (issue) => `must be an author id from the settings, like "ada"; got ${JSON.stringify(issue.input)}` })
  .optional();

/** The post's authors, ids from the settings; one id alone is a list of one. */
const authorList = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : (value ?? undefined)),
  z.array(authorId, { error: (issue) => `must be a list of author ids from the settings, like [ada, grace]; got ${JSON.stringify(issue.input)}` }).min(1, 'must name at least one author').optional(),
);

export const frontMatterSchema = z.looseObject({
  title: text('text').trim().min(1, 'is required'),
  date: calendarDate,
  /** When the post last changed meaningfully; `lastmod` is another name for it. Shown on the post and used by feeds and the sitemap. */
  updated: calendarDate.optional(),
  lastmod: calendarDate.optional(),
  /** The lead paragraph and meta description. `description` is gatsby-starter-blog's and Lumen's name for it. */
  excerpt: optionalText('text'),
  description: optionalText('text'),
  template: z.enum(['post', 'page'], { error: (issue) => `must be "post" or "page", got ${JSON.stringify(issue.input)}` }).default('post'),
  /** `"/posts/x/"` (Lumen) or a bare `"x"`. */
  slug: optionalText('text'),
  draft: z.boolean({ error: (issue) => `must be true or false, got ${JSON.stringify(issue.input)}` }).default(false),
  category: optionalText('text'),
  tags: tagList,
  socialImage: pathOrHttpUrl('an image path or URL'),
  cover: pathOrHttpUrl('an image path or URL'),
  /** Next's blog-starter calls the cover `coverImage`. */
  coverImage: pathOrHttpUrl('an image path or URL'),
  /** The URLs the post used to have, which redirect to it; `redirect_from` (Jekyll's name) is another name for it. */
  aliases: aliasList,
  redirect_from: aliasList,
  /** Where a cross-post was first published: its canonical link points there. */
  canonical: canonicalUrl,
  /** The series the post is a part of, by name: its parts link each other and its page lists them (docs/writing.md). */
  series: optionalText('a series name'),
  /** The post's place in its series, 1 for the first part; parts without one follow in date order. */
  seriesOrder: z
    .number({ error: (issue) => `must be a whole number from 1, like 2, got ${JSON.stringify(issue.input)}` })
    .int({ error: (issue) => `must be a whole number from 1, like 2, got ${JSON.stringify(issue.input)}` })
    .min(1, { error: (issue) => `must be a whole number from 1, like 2, got ${JSON.stringify(issue.input)}` })
    .optional(),
  /** Shown in the featured section at the top of the home page. */
  featured: z.boolean({ error: (issue) => `must be true or false, got ${JSON.stringify(issue.input)}` }).default(false),
  /** Who wrote the post: `author` (one id) or `authors` (a list), never both; the site's first author when neither is given. */
  author: authorField,
  authors: authorList,
  /** The post's language, one of the site's `languages` (docs/i18n.md); else its folder's (`posts/fr/`), else the default. */
  lang: optionalText('a language code'),
  /** What its translations share (docs/i18n.md); else its file name (`posts/fr/hello.md` translates `posts/en/hello.md`). */
  translationKey: optionalText('text'),
}).superRefine((frontMatter, ctx) => {
  if (frontMatter.author !== undefined && frontMatter.authors) {
    ctx.addIssue({ code: 'custom', path: ['authors'], message: 'and author are both given: name every author under authors' });
  }
  if (frontMatter.aliases && frontMatter.redirect_from) {
    ctx.addIssue({ code: 'custom', path: ['redirect_from'], message: 'is another name for aliases: list the old URLs under one of them' });
  }
  for (const field of ['series', 'featured'] as const) {
    if (frontMatter.template === 'page' && frontMatter[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'is for posts: a template "page" page is in no series and no post list' });
  }
  if (frontMatter.seriesOrder !== undefined && frontMatter.series === undefined) {
    ctx.addIssue({ code: 'custom', path: ['seriesOrder'], message: 'gives a place in a series, but the post names no series: add series: "Its name"' });
  }
});

/** Front matter after validation; unknown fields are kept as they were written. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type Template = FrontMatter['template'];
