/**
 * Comments and analytics: the two third-party integrations a site can turn on in
 * `lib/config/settings.ts`. Both are off by default. This module turns their settings into what pages
 * render (the comments embed, the analytics script tag) and into the Content-Security-Policy
 * sources they need, so the markup and the policy come from the same place and cannot
 * drift apart.
 *
 * `FOLIO_INTEGRATIONS` (JSON with `comments` and/or `analytics`, the same shape as in
 * `lib/config/settings.ts`, `null` for off) replaces the site's settings for one build: the e2e suite
 * builds a site whose integrations point at a local stub this way.
 */
import { z } from 'zod';
import { prefixBasePath } from '../routes/base-path';
import { COMMENTS_LOADER_PATH } from '../routes/table';

const GISCUS_ORIGIN = 'https://giscus.app';
const UTTERANCES_ORIGIN = 'https://utteranc.es';
const PLAUSIBLE_SCRIPT_URL = 'https://plausible.io/js/script.js';
const UMAMI_SCRIPT_URL = 'https://cloud.umami.is/script.js';
const GOATCOUNTER_SCRIPT_URL = 'https://gc.zgo.at/count.js';

/**
 * Where Umami Cloud's script sends its events when no `hostUrl` is set: a host baked into the
 * script, one of `api-gateway.umami.dev`, `api-gateway-eu.umami.dev` and so on by region.
 */
const UMAMI_CLOUD_COLLECTORS = 'https://*.umami.dev';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const origin = httpUrl.refine((value) => new URL(value).origin === value, 'must be an origin (scheme, host and port), with no path or trailing slash');
const repo = z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be a GitHub repository as "owner/name"');
const required = z.string().trim().min(1, 'must not be empty');
/** The provider's theme for each of the site's schemes; the loader picks the one the page shows when the reader clicks. */
const themes = z.strictObject({ light: required, dark: required });
/** How a page finds its thread: by its path, full URL, `<title>` or `og:title`. */
const mapping = z.enum(['pathname', 'url', 'title', 'og:title']);

const giscusSchema = z.strictObject({
  provider: z.literal('giscus'),
  repo,
  repoId: required,
  category: required,
  categoryId: required,
  mapping: mapping.optional(),
  strict: z.boolean().optional(),
  reactionsEnabled: z.boolean().optional(),
  inputPosition: z.enum(['top', 'bottom']).optional(),
  lang: required.optional(),
  theme: themes.optional(),
  origin: origin.optional(),
});

const utterancesSchema = z.strictObject({
  provider: z.literal('utterances'),
  repo,
  issueTerm: mapping.optional(),
  label: required.optional(),
  theme: themes.optional(),
  origin: origin.optional(),
});

const plausibleSchema = z.strictObject({
  provider: z.literal('plausible'),
  /** The site's domain as registered with Plausible. */
  domain: required,
  scriptUrl: httpUrl.optional(),
  /** Where events go (`data-api`), for a proxy; by default the script's origin. */
  apiUrl: httpUrl.optional(),
});

const umamiSchema = z.strictObject({
  provider: z.literal('umami'),
  websiteId: required,
  scriptUrl: httpUrl.optional(),
  /** Where events go (`data-host-url`), for a self-hosted Umami or a proxy. */
  hostUrl: httpUrl.optional(),
  /** Count only on these host names (`data-domains`), so previews and local builds are not counted. */
  domains: z.array(required).min(1).optional(),
});

const goatCounterSchema = z.strictObject({
  provider: z.literal('goatcounter'),
  /** The counting endpoint, `https://<code>.goatcounter.com/count` (or a self-hosted one). */
  endpoint: httpUrl,
  scriptUrl: httpUrl.optional(),
});

export const commentsSchema = z.discriminatedUnion('provider', [giscusSchema, utterancesSchema]);
export const analyticsSchema = z.discriminatedUnion('provider', [plausibleSchema, umamiSchema, goatCounterSchema]);
export const integrationsSchema = z.strictObject({ comments: commentsSchema.nullable(), analytics: analyticsSchema.nullable() });

export type CommentsSettings = z.infer<typeof commentsSchema>;
export type AnalyticsSettings = z.infer<typeof analyticsSchema>;
export type Integrations = z.infer<typeof integrationsSchema>;

/** Both integrations off: what `lib/config/settings.ts` ships with. */
export const NO_INTEGRATIONS: Readonly<Integrations> = Object.freeze({ comments: null, analytics: null });

/**
 * `value` checked against `schema`, or an error that names where it came from and every
 * wrong field.
 */
function parseFrom<T extends z.ZodType>(schema: T, value: unknown, source: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${source}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  throw new Error(`Invalid integration settings:\n${problems.join('\n')}`);
}

/**
 * The integrations a build uses: the site's settings, checked, with the ones that
 * `override` (the `FOLIO_INTEGRATIONS` JSON) names put in their place. `settings` are the
 * site's (lib/config/settings.ts).
 */
export function resolveIntegrations({ comments, analytics }: { comments: unknown; analytics: unknown }, override: string | undefined): Integrations {
  const fromSite = parseFrom(integrationsSchema, { comments, analytics }, 'lib/config/settings.ts');
  if (!override) return fromSite;
  let json: unknown;
  try {
    json = JSON.parse(override);
  } catch (error) {
    throw new Error(`FOLIO_INTEGRATIONS is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
  return { ...fromSite, ...parseFrom(integrationsSchema.partial(), json, 'FOLIO_INTEGRATIONS') };
}

/** What a post page needs to load its comments on request. */
export interface CommentsEmbed {
  provider: 'giscus' | 'utterances';
  /** The provider's script, loaded only on the reader's click. */
  scriptSrc: string;
  /** That script's attributes, which configure the provider. */
  attributes: Record<string, string>;
  /** The attribute that takes the theme. */
  themeAttribute: string;
  /** The provider's theme for each of the site's schemes. */
  themes: { light: string; dark: string };
  /** Where the discussion is on GitHub, for readers without JavaScript. */
  discussionUrl: string;
  /** What that place is called. */
  discussionName: string;
  /** The same-origin script that handles the click, under the base path. */
  loaderSrc: string;
}

/**
 * The comments embed for `comments`, with each provider's defaults filled in, for a site
 * served under `basePath`.
 */
export function commentsEmbed(comments: CommentsSettings, basePath = ''): CommentsEmbed {
  const loaderSrc = prefixBasePath(basePath, COMMENTS_LOADER_PATH);
  if (comments.provider === 'giscus') {
    return {
      provider: 'giscus',
      scriptSrc: `${comments.origin ?? GISCUS_ORIGIN}/client.js`,
      attributes: {
        'data-repo': comments.repo,
        'data-repo-id': comments.repoId,
        'data-category': comments.category,
        'data-category-id': comments.categoryId,
        'data-mapping': comments.mapping ?? 'pathname',
        'data-strict': comments.strict ? '1' : '0',
        'data-reactions-enabled': comments.reactionsEnabled === false ? '0' : '1',
        'data-emit-metadata': '0',
        'data-input-position': comments.inputPosition ?? 'bottom',
        'data-lang': comments.lang ?? 'en',
      },
      themeAttribute: 'data-theme',
      themes: comments.theme ?? { light: 'light', dark: 'dark' },
      discussionUrl: `https://github.com/${comments.repo}/discussions`,
      discussionName: 'GitHub Discussions',
      loaderSrc,
    };
  }
  return {
    provider: 'utterances',
    scriptSrc: `${comments.origin ?? UTTERANCES_ORIGIN}/client.js`,
    attributes: { repo: comments.repo, 'issue-term': comments.issueTerm ?? 'pathname', ...(comments.label && { label: comments.label }) },
    themeAttribute: 'theme',
    themes: comments.theme ?? { light: 'github-light', dark: 'github-dark' },
    discussionUrl: `https://github.com/${comments.repo}/issues`,
    discussionName: 'GitHub Issues',
    loaderSrc,
  };
}

/** The one `<script defer>` tag that turns analytics on. */
export interface AnalyticsScript {
  src: string;
  /** Its `data-*` attributes, which configure the provider. */
  attributes: Record<string, string>;
}

/**
 * The analytics script tag for `analytics`, with each provider's defaults filled in.
 */
export function analyticsScript(analytics: AnalyticsSettings): AnalyticsScript {
  switch (analytics.provider) {
    case 'plausible':
      return { src: analytics.scriptUrl ?? PLAUSIBLE_SCRIPT_URL, attributes: { 'data-domain': analytics.domain, ...(analytics.apiUrl && { 'data-api': analytics.apiUrl }) } };
    case 'umami':
      return {
        src: analytics.scriptUrl ?? UMAMI_SCRIPT_URL,
        attributes: {
          'data-website-id': analytics.websiteId,
          ...(analytics.hostUrl && { 'data-host-url': analytics.hostUrl }),
          ...(analytics.domains && { 'data-domains': analytics.domains.join(',') }),
          // Newer trackers keep a visitor id in localStorage to link sessions; no visitor is followed here.
          'data-identity-stitching': 'false',
        },
      };
    case 'goatcounter':
      return { src: analytics.scriptUrl ?? GOATCOUNTER_SCRIPT_URL, attributes: { 'data-goatcounter': analytics.endpoint } };
  }
}

/**
 * The script files a page may load: the analytics script on every page when analytics are
 * on, and the comments loader on posts when comments are on; none otherwise. What
 * `isAllowedScript` (lib/routes/page-scripts.ts) takes. `post` says whether the page is a post
 * (not a `template: "page"` page or a list).
 */
export function allowedScriptFiles({ comments, analytics }: Integrations, { post }: { post: boolean }): string[] {
  return [...(analytics ? [analyticsScript(analytics).src] : []), ...(comments && post ? [COMMENTS_LOADER_PATH] : [])];
}

/** Sources to add to Content-Security-Policy directives. */
export interface CspSources {
  scriptSrc: string[];
  frameSrc: string[];
  connectSrc: string[];
  imgSrc: string[];
  styleSrc: string[];
}

const originOf = (url: string) => new URL(url).origin;

/**
 * Where Umami's script sends events: `hostUrl`, else the script's own origin; Umami Cloud's
 * script has its collector host built in.
 */
function umamiCollector(umami: Extract<AnalyticsSettings, { provider: 'umami' }>): string {
  if (umami.hostUrl) return originOf(umami.hostUrl);
  const scriptOrigin = originOf(umami.scriptUrl ?? UMAMI_SCRIPT_URL);
  return scriptOrigin === originOf(UMAMI_SCRIPT_URL) ? UMAMI_CLOUD_COLLECTORS : scriptOrigin;
}

/**
 * The Content-Security-Policy sources the configured integrations need beyond `'self'`,
 * each directive's without repeats; all empty when both are off.
 * - giscus: its script, its frame, and its `default.css`, which its script links.
 * - utterances: its script and its frame. Its script also inserts an inline `<style>`;
 *   the comments' own CSS holds the same rules, so the policy need not allow inline styles.
 * - Plausible: its script; events are POSTed to `apiUrl`, else to the script's origin.
 * - Umami: its script; events are POSTed to `hostUrl`, else the script's origin (Umami
 *   Cloud: `https://*.umami.dev`).
 * - GoatCounter: its script; hits go to the endpoint by `sendBeacon`, or as an image when
 *   that fails.
 */
export function integrationCspSources({ comments, analytics }: Integrations): CspSources {
  const sources: CspSources = { scriptSrc: [], frameSrc: [], connectSrc: [], imgSrc: [], styleSrc: [] };
  if (comments) {
    const provider = originOf(commentsEmbed(comments).scriptSrc);
    // The loader (`/comments.js`) is this site's own file; pages without it allow no script file at all.
    sources.scriptSrc.push("'self'", provider);
    sources.frameSrc.push(provider);
    if (comments.provider === 'giscus') sources.styleSrc.push(provider);
  }
  if (analytics) {
    sources.scriptSrc.push(originOf(analyticsScript(analytics).src));
    if (analytics.provider === 'plausible') sources.connectSrc.push(originOf(analytics.apiUrl ?? analytics.scriptUrl ?? PLAUSIBLE_SCRIPT_URL));
    if (analytics.provider === 'umami') sources.connectSrc.push(umamiCollector(analytics));
    if (analytics.provider === 'goatcounter') {
      sources.connectSrc.push(originOf(analytics.endpoint));
      sources.imgSrc.push(originOf(analytics.endpoint));
    }
  }
  const unique = (list: string[]) => [...new Set(list)];
  return { scriptSrc: unique(sources.scriptSrc), frameSrc: unique(sources.frameSrc), connectSrc: unique(sources.connectSrc), imgSrc: unique(sources.imgSrc), styleSrc: unique(sources.styleSrc) };
}
