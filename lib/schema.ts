/**
 * The content contract: the one schema every post's front matter is validated against.
 * It is also the type source: `FrontMatter` is inferred from it, so the checks and the
 * types cannot drift apart.
 */
import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * A front matter date is a calendar date: the `YYYY-MM-DD` the author wrote. Any time and
 * offset after it are accepted (gatsby-starter-blog and Next's blog-starter write ISO
 * date-times) but ignored, so no time zone, the author's or the build machine's, can move
 * the 15th to the 14th. YAML is parsed with the core schema, which has no timestamp type (see lib/content.ts), so
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

const text = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'is required' : `must be ${what}, got ${JSON.stringify(issue.input)}`) });

const optionalText = (what: string) => text(what).trim().min(1, 'must not be empty').optional();

/** Lumen writes `tags:` as a list; a single string (`tags: aws`) is read as a list of one. */
const tagList = z
  .union([z.array(text('a tag name').trim().min(1, 'must not hold an empty tag')), text('a list of tags').transform((tag) => [tag])])
  .default([]);

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
  socialImage: optionalText('an image path or URL'),
  cover: optionalText('an image path or URL'),
  /** Next's blog-starter calls the cover `coverImage`. */
  coverImage: optionalText('an image path or URL'),
});

/** Front matter after validation; unknown fields are kept as they were written. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type Template = FrontMatter['template'];
