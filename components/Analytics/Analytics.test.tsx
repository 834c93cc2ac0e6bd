import { renderToStaticMarkup } from 'react-dom/server';
import { analyticsScript, type AnalyticsSettings } from '../../lib/integrations/integrations';
import { Analytics } from './Analytics';

/** The `<head>` markup that `Analytics` adds for `settings`, parsed as a browser parses it. */
function headFor(settings: AnalyticsSettings | null) {
  const head = document.createElement('head');
  head.innerHTML = renderToStaticMarkup(<Analytics script={settings && analyticsScript(settings)} />);
  return head;
}

/** A script element's attributes, by name. */
const attributesOf = (element: Element) => Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value]));

describe('Analytics', () => {
  it('adds nothing at all when analytics are off', () => {
    expect(headFor(null).innerHTML).toBe('');
  });

  it.each([
    ['Plausible', { provider: 'plausible', domain: 'blog.example.com' }, { src: 'https://plausible.io/js/script.js', 'data-domain': 'blog.example.com' }],
    ['Umami', { provider: 'umami', websiteId: 'b59e9c65', domains: ['blog.example.com'] }, { src: 'https://cloud.umami.is/script.js', 'data-website-id': 'b59e9c65', 'data-domains': 'blog.example.com', 'data-identity-stitching': 'false' }],
    ['GoatCounter', { provider: 'goatcounter', endpoint: 'https://myblog.goatcounter.com/count' }, { src: 'https://gc.zgo.at/count.js', 'data-goatcounter': 'https://myblog.goatcounter.com/count' }],
  ] as const)('adds one deferred %s script with its settings, and nothing else', (_name, settings, attributes) => {
    const head = headFor(settings as AnalyticsSettings);
    expect(head.children).toHaveLength(1);
    const script = head.children[0] as HTMLScriptElement;
    expect(script.tagName).toBe('SCRIPT');
    expect(script.defer).toBe(true);
    expect(script.text).toBe('');
    expect(attributesOf(script)).toEqual({ defer: '', ...attributes });
  });

  it('escapes settings into attributes', () => {
    const script = headFor({ provider: 'plausible', domain: '"><script>alert(1)</script>' }).children[0];
    expect(script.getAttribute('data-domain')).toBe('"><script>alert(1)</script>');
    expect(headFor({ provider: 'plausible', domain: '"><script>alert(1)</script>' }).querySelectorAll('script')).toHaveLength(1);
  });
});
