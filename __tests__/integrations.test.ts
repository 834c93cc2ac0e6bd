import { NO_INTEGRATIONS, allowedScriptFiles, analyticsScript, commentsEmbed, integrationCspSources, resolveIntegrations, type AnalyticsSettings, type CommentsSettings, type Integrations } from '../lib/integrations/integrations';
import { COMMENTS_LOADER_PATH } from '../lib/routes/table';
import { site, siteIntegrations } from '../lib/config/site';

const giscus: CommentsSettings = { provider: 'giscus', repo: 'owner/blog', repoId: 'R_kgDOabc', category: 'Comments', categoryId: 'DIC_kwDOabc' };
const utterances: CommentsSettings = { provider: 'utterances', repo: 'owner/blog' };
const plausible: AnalyticsSettings = { provider: 'plausible', domain: 'blog.example.com' };
const umami: AnalyticsSettings = { provider: 'umami', websiteId: '94db1cb1-74f4-4a40-ad6c-962362670409' };
const goatcounter: AnalyticsSettings = { provider: 'goatcounter', endpoint: 'https://myblog.goatcounter.com/count' };

const noSources = { scriptSrc: [], frameSrc: [], connectSrc: [], imgSrc: [], styleSrc: [] };
const only = (integrations: Partial<Integrations>) => integrationCspSources({ ...NO_INTEGRATIONS, ...integrations });

describe('the site as shipped', () => {
  it('has comments and analytics off', () => {
    expect(site.comments).toBeNull();
    expect(site.analytics).toBeNull();
    expect(siteIntegrations).toEqual(NO_INTEGRATIONS);
  });
});

describe('resolveIntegrations', () => {
  it("keeps the site's settings without an override", () => {
    expect(resolveIntegrations({ comments: giscus, analytics: null }, undefined)).toEqual({ comments: giscus, analytics: null });
    expect(resolveIntegrations({ comments: giscus, analytics: null }, '')).toEqual({ comments: giscus, analytics: null });
  });

  it('puts what FOLIO_INTEGRATIONS names in place of the site settings, and keeps the rest', () => {
    const override = JSON.stringify({ analytics: { ...plausible, scriptUrl: 'http://127.0.0.1:4100/js/script.js' } });
    expect(resolveIntegrations({ comments: giscus, analytics: umami }, override)).toEqual({ comments: giscus, analytics: { ...plausible, scriptUrl: 'http://127.0.0.1:4100/js/script.js' } });
    expect(resolveIntegrations({ comments: giscus, analytics: umami }, JSON.stringify({ comments: null }))).toEqual({ comments: null, analytics: umami });
  });

  it('names lib/config/settings.ts and every wrong field', () => {
    const broken = { provider: 'giscus', repo: 'not a repo', repoId: '', category: 'Comments', categoryId: 'DIC_1', origin: 'https://giscus.example/' };
    expect(() => resolveIntegrations({ comments: broken, analytics: null }, undefined)).toThrow(
      [
        'Invalid integration settings:',
        'lib/config/settings.ts: comments.repo: must be a GitHub repository as "owner/name"',
        'lib/config/settings.ts: comments.repoId: must not be empty',
        'lib/config/settings.ts: comments.origin: must be an origin (scheme, host and port), with no path or trailing slash',
      ].join('\n'),
    );
  });

  it('names FOLIO_INTEGRATIONS when the override is wrong', () => {
    expect(() => resolveIntegrations(NO_INTEGRATIONS, '{"analytics": {"provider": "plausible"}}')).toThrow('FOLIO_INTEGRATIONS: analytics.domain:');
    expect(() => resolveIntegrations(NO_INTEGRATIONS, '{"analytics": {"provider": "fathom", "site": "X"}}')).toThrow('FOLIO_INTEGRATIONS: analytics.provider:');
    expect(() => resolveIntegrations(NO_INTEGRATIONS, '{"comment": null}')).toThrow('FOLIO_INTEGRATIONS: (top level): Unrecognized key: "comment"');
    expect(() => resolveIntegrations(NO_INTEGRATIONS, '{"analytics": {"provider": "goatcounter", "endpoint": "javascript:alert(1)"}}')).toThrow(
      'FOLIO_INTEGRATIONS: analytics.endpoint: must be an http(s) URL',
    );
    expect(() => resolveIntegrations(NO_INTEGRATIONS, '{analytics: null}')).toThrow(/^FOLIO_INTEGRATIONS is not valid JSON: /);
  });
});

describe('commentsEmbed', () => {
  it('fills in the giscus defaults: giscus.app, path mapping, light and dark themes', () => {
    expect(commentsEmbed(giscus)).toEqual({
      provider: 'giscus',
      scriptSrc: 'https://giscus.app/client.js',
      attributes: {
        'data-repo': 'owner/blog',
        'data-repo-id': 'R_kgDOabc',
        'data-category': 'Comments',
        'data-category-id': 'DIC_kwDOabc',
        'data-mapping': 'pathname',
        'data-strict': '0',
        'data-reactions-enabled': '1',
        'data-emit-metadata': '0',
        'data-input-position': 'bottom',
        'data-lang': 'en',
      },
      themeAttribute: 'data-theme',
      themes: { light: 'light', dark: 'dark' },
      discussionUrl: 'https://github.com/owner/blog/discussions',
      discussionName: 'GitHub Discussions',
      loaderSrc: COMMENTS_LOADER_PATH,
    });
  });

  it('takes every giscus setting, and another origin', () => {
    const embed = commentsEmbed({ ...giscus, mapping: 'og:title', strict: true, reactionsEnabled: false, inputPosition: 'top', lang: 'fr', theme: { light: 'noborder_light', dark: 'noborder_dark' }, origin: 'http://127.0.0.1:4000' });
    expect(embed.scriptSrc).toBe('http://127.0.0.1:4000/client.js');
    expect(embed.attributes).toMatchObject({ 'data-mapping': 'og:title', 'data-strict': '1', 'data-reactions-enabled': '0', 'data-input-position': 'top', 'data-lang': 'fr' });
    expect(embed.themes).toEqual({ light: 'noborder_light', dark: 'noborder_dark' });
  });

  it('fills in the utterances defaults, and links to the issues', () => {
    expect(commentsEmbed(utterances)).toEqual({
      provider: 'utterances',
      scriptSrc: 'https://utteranc.es/client.js',
      attributes: { repo: 'owner/blog', 'issue-term': 'pathname' },
      themeAttribute: 'theme',
      themes: { light: 'github-light', dark: 'github-dark' },
      discussionUrl: 'https://github.com/owner/blog/issues',
      discussionName: 'GitHub Issues',
      loaderSrc: COMMENTS_LOADER_PATH,
    });
    expect(commentsEmbed({ ...utterances, issueTerm: 'title', label: 'comments' }).attributes).toEqual({ repo: 'owner/blog', 'issue-term': 'title', label: 'comments' });
  });

  it('puts the loader under the base path of a site served under one', () => {
    expect(commentsEmbed(giscus, '/my-repo').loaderSrc).toBe(`/my-repo${COMMENTS_LOADER_PATH}`);
    expect(commentsEmbed(utterances, '/my-repo').loaderSrc).toBe(`/my-repo${COMMENTS_LOADER_PATH}`);
  });
});

describe('analyticsScript', () => {
  it.each([
    ['Plausible', plausible, { src: 'https://plausible.io/js/script.js', attributes: { 'data-domain': 'blog.example.com' } }],
    ['Plausible through a proxy', { ...plausible, scriptUrl: 'https://blog.example.com/js/script.js', apiUrl: 'https://blog.example.com/api/event' }, { src: 'https://blog.example.com/js/script.js', attributes: { 'data-domain': 'blog.example.com', 'data-api': 'https://blog.example.com/api/event' } }],
    ['Umami Cloud', umami, { src: 'https://cloud.umami.is/script.js', attributes: { 'data-website-id': '94db1cb1-74f4-4a40-ad6c-962362670409', 'data-identity-stitching': 'false' } }],
    [
      'a self-hosted Umami, on some domains',
      { ...umami, scriptUrl: 'https://stats.example.com/script.js', hostUrl: 'https://stats.example.com', domains: ['example.com', 'www.example.com'] },
      { src: 'https://stats.example.com/script.js', attributes: { 'data-website-id': '94db1cb1-74f4-4a40-ad6c-962362670409', 'data-host-url': 'https://stats.example.com', 'data-domains': 'example.com,www.example.com', 'data-identity-stitching': 'false' } },
    ],
    ['GoatCounter', goatcounter, { src: 'https://gc.zgo.at/count.js', attributes: { 'data-goatcounter': 'https://myblog.goatcounter.com/count' } }],
  ] as const)('%s', (_name, analytics, expected) => {
    expect(analyticsScript(analytics as AnalyticsSettings)).toEqual(expected);
  });
});

describe('integrationCspSources', () => {
  it('adds nothing when both integrations are off', () => {
    expect(integrationCspSources(NO_INTEGRATIONS)).toEqual(noSources);
  });

  it.each([
    ['giscus: its script, frame and stylesheet', { comments: giscus }, { ...noSources, scriptSrc: ["'self'", 'https://giscus.app'], frameSrc: ['https://giscus.app'], styleSrc: ['https://giscus.app'] }],
    ['giscus from a local stub', { comments: { ...giscus, origin: 'http://127.0.0.1:4000' } }, { ...noSources, scriptSrc: ["'self'", 'http://127.0.0.1:4000'], frameSrc: ['http://127.0.0.1:4000'], styleSrc: ['http://127.0.0.1:4000'] }],
    ['utterances: its script and frame', { comments: utterances }, { ...noSources, scriptSrc: ["'self'", 'https://utteranc.es'], frameSrc: ['https://utteranc.es'] }],
    ['Plausible: its script, and events to it', { analytics: plausible }, { ...noSources, scriptSrc: ['https://plausible.io'], connectSrc: ['https://plausible.io'] }],
    ['Plausible through a proxy', { analytics: { ...plausible, scriptUrl: 'https://cdn.example.com/p.js', apiUrl: 'https://events.example.com/api/event' } }, { ...noSources, scriptSrc: ['https://cdn.example.com'], connectSrc: ['https://events.example.com'] }],
    ['Umami Cloud: events to its collectors', { analytics: umami }, { ...noSources, scriptSrc: ['https://cloud.umami.is'], connectSrc: ['https://*.umami.dev'] }],
    ['a self-hosted Umami', { analytics: { ...umami, scriptUrl: 'https://stats.example.com/script.js' } }, { ...noSources, scriptSrc: ['https://stats.example.com'], connectSrc: ['https://stats.example.com'] }],
    ['Umami with a host URL', { analytics: { ...umami, hostUrl: 'https://collect.example.com/' } }, { ...noSources, scriptSrc: ['https://cloud.umami.is'], connectSrc: ['https://collect.example.com'] }],
    ['GoatCounter: its script; hits by beacon or image', { analytics: goatcounter }, { ...noSources, scriptSrc: ['https://gc.zgo.at'], connectSrc: ['https://myblog.goatcounter.com'], imgSrc: ['https://myblog.goatcounter.com'] }],
  ] as const)('%s', (_name, integrations, expected) => {
    expect(only(integrations as Partial<Integrations>)).toEqual(expected);
  });

  it('lists a source once when both integrations share it', () => {
    const stub = 'http://127.0.0.1:4000';
    expect(only({ comments: { ...giscus, origin: stub }, analytics: { ...plausible, scriptUrl: `${stub}/js/script.js` } })).toEqual({ ...noSources, scriptSrc: ["'self'", stub], frameSrc: [stub], styleSrc: [stub], connectSrc: [stub] });
  });
});

describe('allowedScriptFiles', () => {
  it('allows no script file when both integrations are off', () => {
    expect(allowedScriptFiles(NO_INTEGRATIONS, { post: true })).toEqual([]);
  });

  it('allows the analytics script on every page, and the comments loader on posts only', () => {
    const integrations = { comments: giscus, analytics: plausible };
    expect(allowedScriptFiles(integrations, { post: true })).toEqual(['https://plausible.io/js/script.js', COMMENTS_LOADER_PATH]);
    expect(allowedScriptFiles(integrations, { post: false })).toEqual(['https://plausible.io/js/script.js']);
    expect(allowedScriptFiles({ comments: giscus, analytics: null }, { post: false })).toEqual([]);
  });
});
