/**
 * The build manifest as a file: what the prepare step (lib/build/manifest.ts) writes for the
 * post-export step (lib/export/finish.ts), which runs after `next build`, in another process,
 * and reads it with `readBuildManifest`. The schema here is the manifest's one definition: its
 * type is the schema's, and reading checks the file against it, so a stale or hand-edited
 * manifest fails naming the field instead of writing broken feeds.
 *
 * Kept apart from lib/build/manifest.ts, which makes the manifest from the content index and
 * the site's settings: reading it needs neither.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { settingsFields } from '../config/schema';
import type { FeedChannel, FeedLink, SiteConfig } from '../config/site';
import type { AuthorRef, PostSummary, Redirect, Term } from '../content/types';
import { integrationsSchema } from '../integrations/integrations';
import { buildManifestFile } from '../node/folders';

const termSchema: z.ZodType<Term> = z.strictObject({ name: z.string(), slug: z.string(), url: z.string() });

const authorRefSchema: z.ZodType<AuthorRef> = z.strictObject({ id: z.string(), name: z.string(), url: z.string().nullable() });

const postSummarySchema: z.ZodType<PostSummary> = z.strictObject({
  slug: z.string(),
  url: z.string(),
  template: z.enum(['post', 'page']),
  title: z.string(),
  date: z.string(),
  updated: z.string().nullable(),
  readingMinutes: z.number(),
  excerpt: z.string(),
  category: termSchema.nullable(),
  tags: z.array(termSchema),
  draft: z.boolean(),
  scheduled: z.boolean(),
  cover: z.string().nullable(),
  socialImage: z.string().nullable(),
  canonical: z.string().nullable(),
  authors: z.array(authorRefSchema),
  lang: z.string(),
});

/** The site as the build resolved it (lib/config/site.ts `SiteConfig`): its settings, with its languages. */
const siteConfigSchema: z.ZodType<SiteConfig> = settingsFields.omit({ language: true, dateLocale: true, languages: true }).extend({
  language: z.string(),
  dateLocale: z.string(),
  languages: z.array(z.strictObject({ code: z.string(), name: z.string(), dir: z.enum(['ltr', 'rtl']).nullable(), dateLocale: z.string(), default: z.boolean() })),
  multilingual: z.boolean(),
});

const feedLinkSchema: z.ZodType<FeedLink> = z.strictObject({ format: z.enum(['rss', 'atom', 'json']), href: z.string(), type: z.string(), label: z.string(), title: z.string().optional() });

/** A tag's or category's feeds (lib/page-props/lists.ts `termFeed`): the feeds of the posts its list page (`url`) lists. */
const termFeedSchema: z.ZodType<FeedChannel> = z.strictObject({ url: z.string(), lang: z.string(), title: z.string(), description: z.string(), feeds: z.array(feedLinkSchema) });

/** One page the sitemap lists (lib/build/manifest.ts `sitemapRoutes`). */
const siteRouteSchema = z.strictObject({
  /** Its href, with a trailing slash. */
  url: z.string(),
  /** Calendar date of the last change to what the page shows, or null if it shows no post. */
  lastmod: z.string().nullable(),
  /** Its href in each language that has it, by code, on a site of several languages: the sitemap's `xhtml:link` alternates. */
  alternates: z.record(z.string(), z.string()).optional(),
});

/** One redirect from an old URL of a post (lib/content/redirects.ts). */
const redirectSchema: z.ZodType<Redirect> = z.strictObject({ from: z.string(), to: z.string(), title: z.string() });

const buildManifestSchema = z.strictObject({
  site: siteConfigSchema,
  /**
   * The comments and analytics this build uses (the site's, or `FOLIO_INTEGRATIONS`'s), for
   * what runs after the build: `integrationCspSources` (lib/integrations/integrations.ts)
   * gives the Content-Security-Policy sources they need.
   */
  integrations: integrationsSchema,
  /** The base path the site was built for (lib/config/site.ts): hrefs below are under it, files in `out/` are not. */
  basePath: z.string(),
  feeds: z.array(feedLinkSchema),
  /** Every tag's and category's feeds. */
  termFeeds: z.array(termFeedSchema),
  /** The site's authors, the first the default one, as the feeds name them (lib/config/site.ts `siteAuthors`). */
  authors: z.array(authorRefSchema),
  /** Every published post, newest first. */
  posts: z.array(postSummarySchema),
  /** Every `template: "page"` page. */
  pages: z.array(postSummarySchema),
  /** Every page the sitemap lists: every page the site generates except the 404 page and cross-posts. */
  routes: z.array(siteRouteSchema),
  /**
   * Every redirect from an old URL to a post or page (the content index's `redirects`): the
   * post-export step writes `_redirects` and a page at each old URL from it, and
   * scripts/write-vercel-json.ts the `redirects` of `vercel.json`. An internal link to one of
   * them works.
   */
  redirects: z.array(redirectSchema),
});

export type SiteRoute = z.output<typeof siteRouteSchema>;

/** What the post-export step needs to know of the site to write the feeds, the sitemap, robots.txt, the search index and `_headers`. */
export type BuildManifest = z.output<typeof buildManifestSchema>;

/** The codes of the site's languages other than the default, whose pages are under `/<code>/` (none on a site of one language). */
export const prefixedLanguages = (manifest: BuildManifest): string[] => manifest.site.languages.map(({ code }) => code).filter((code) => code !== manifest.site.language);

/** Where the prepare step left the manifest of the project whose export is `outDir`. */
export const manifestFileFor = (outDir: string): string => buildManifestFile(path.dirname(outDir));

/** The manifest in `file`, checked; an error that says how to get one when there is none, or names every wrong field. */
export function readBuildManifest(file: string): BuildManifest {
  if (!fs.existsSync(file)) throw new Error(`No build manifest at ${file}: run \`npm run build\` in the project, which writes it before \`next build\`.`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The build manifest ${file} is not JSON (${error instanceof Error ? error.message : error}): run \`npm run build\` again.`);
  }
  const result = buildManifestSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  throw new Error(`The build manifest ${file} is not one this build writes: run \`npm run build\` again.\n${problems.join('\n')}`);
}
