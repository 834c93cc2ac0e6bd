// @ts-check
/**
 * Comments and analytics: the two third-party integrations a site can turn on in
 * `lib/config/settings.ts`. Both are off by default. This module turns their settings into what pages
 * render (the comments embed, the analytics script tag) and into the Content-Security-Policy
 * sources they need, so the markup and the policy come from the same place and cannot
 * drift apart. Plain JavaScript, so the post-export step and the e2e suite can use it under
 * Node without a TypeScript step.
 *
 * `FOLIO_INTEGRATIONS` (JSON with `comments` and/or `analytics`, the same shape as in
 * `lib/config/settings.ts`, `null` for off) replaces the site's settings for one build: the e2e suite
 * builds a site whose integrations point at a local stub this way.
 */
import { z } from 'zod';
import { prefixBasePath } from '../routes/base-path.mjs';
import { COMMENTS_LOADER_PATH } from '../routes/table.mjs';

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
const integrationsSchema = z.strictObject({ comments: commentsSchema.nullable(), analytics: analyticsSchema.nullable() });

/** @typedef {z.infer<typeof commentsSchema>} CommentsSettings */
/** @typedef {z.infer<typeof analyticsSchema>} AnalyticsSettings */
/** @typedef {z.infer<typeof integrationsSchema>} Integrations */

/** Both integrations off: what `lib/config/settings.ts` ships with. */
export const NO_INTEGRATIONS = Object.freeze({ comments: null, analytics: null });

/**
 * `value` checked against `schema`, or an error that names where it came from and every
 * wrong field.
 * @template {z.ZodType} T
 * @param {T} schema
 * @param {unknown} value
 * @param {string} source
 * @returns {z.infer<T>}
 */
function parseFrom(schema, value, source) {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${source}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  throw new Error(`Invalid integration settings:\n${problems.join('\n')}`);
}

/**
 * The integrations a build uses: the site's settings, checked, with the ones that
 * `override` (the `FOLIO_INTEGRATIONS` JSON) names put in their place.
 * @param {{ comments: unknown, analytics: unknown }} settings the site's settings (lib/config/settings.ts)
 * @param {string | undefined} override
 * @returns {Integrations}
 */
export function resolveIntegrations({ comments, analytics }, override) {
  const fromSite = parseFrom(integrationsSchema, { comments, analytics }, 'lib/config/settings.ts');
  if (!override) return fromSite;
  let json;
  try {
    json = JSON.parse(override);
  } catch (error) {
    throw new Error(`FOLIO_INTEGRATIONS is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
  return { ...fromSite, ...parseFrom(integrationsSchema.partial(), json, 'FOLIO_INTEGRATIONS') };
}

/**
 * @typedef {object} CommentsEmbed What a post page needs to load its comments on request.
 * @property {'giscus' | 'utterances'} provider
 * @property {string} scriptSrc The provider's script, loaded only on the reader's click.
 * @property {Record<string, string>} attributes That script's attributes, which configure the provider.
 * @property {string} themeAttribute The attribute that takes the theme.
 * @property {{ light: string, dark: string }} themes The provider's theme for each of the site's schemes.
 * @property {string} discussionUrl Where the discussion is on GitHub, for readers without JavaScript.
 * @property {string} discussionName What that place is called.
 * @property {string} loaderSrc The same-origin script that handles the click, under the base path.
 */

/**
 * The comments embed for `comments`, with each provider's defaults filled in, for a site
 * served under `basePath`.
 * @param {CommentsSettings} comments
 * @param {string} [basePath]
 * @returns {CommentsEmbed}
 */
export function commentsEmbed(comments, basePath = '') {
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

/**
 * @typedef {object} AnalyticsScript The one `<script defer>` tag that turns analytics on.
 * @property {string} src
 * @property {Record<string, string>} attributes Its `data-*` attributes, which configure the provider.
 */

/**
 * The analytics script tag for `analytics`, with each provider's defaults filled in.
 * @param {AnalyticsSettings} analytics
 * @returns {AnalyticsScript}
 */
export function analyticsScript(analytics) {
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
 * `isAllowedScript` (lib/page-scripts.mjs) takes.
 * @param {Integrations} integrations
 * @param {{ post: boolean }} page whether the page is a post (not a `template: "page"` page or a list)
 * @returns {string[]}
 */
export function allowedScriptFiles({ comments, analytics }, { post }) {
  return [...(analytics ? [analyticsScript(analytics).src] : []), ...(comments && post ? [COMMENTS_LOADER_PATH] : [])];
}

/**
 * @typedef {object} CspSources Sources to add to Content-Security-Policy directives.
 * @property {string[]} scriptSrc
 * @property {string[]} frameSrc
 * @property {string[]} connectSrc
 * @property {string[]} imgSrc
 * @property {string[]} styleSrc
 */

const originOf = (/** @type {string} */ url) => new URL(url).origin;

/**
 * Where Umami's script sends events: `hostUrl`, else the script's own origin; Umami Cloud's
 * script has its collector host built in.
 * @param {Extract<AnalyticsSettings, { provider: 'umami' }>} umami
 */
function umamiCollector(umami) {
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
 * @param {Integrations} integrations
 * @returns {CspSources}
 */
export function integrationCspSources({ comments, analytics }) {
  /** @type {CspSources} */
  const sources = { scriptSrc: [], frameSrc: [], connectSrc: [], imgSrc: [], styleSrc: [] };
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
  return /** @type {CspSources} */ (Object.fromEntries(Object.entries(sources).map(([directive, list]) => [directive, [...new Set(list)]])));
}
