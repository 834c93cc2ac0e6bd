import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Seo, type ArticleMeta, type SeoProps } from './Seo';

// next/head only collects its children for Next's document; render them in place instead.
// React 19 then hoists <title>, <meta> and <link> into document.head.
jest.mock('next/head', () => ({ __esModule: true, default: ({ children }: { children: ReactNode }) => <>{children}</> }));

const canonical = () => document.querySelectorAll('link[rel="canonical"]');
const description = () => document.querySelectorAll('meta[name="description"]');
const property = (name: string) => [...document.querySelectorAll(`meta[property="${name}"]`)].map((meta) => meta.getAttribute('content'));
const jsonLd = () => document.querySelectorAll('script[type="application/ld+json"]');

const feeds: SeoProps['feeds'] = [
  { href: '/rss.xml', type: 'application/rss+xml', label: 'RSS' },
  { href: '/atom.xml', type: 'application/atom+xml', label: 'Atom' },
  { href: '/feed.json', type: 'application/feed+json', label: 'JSON Feed' },
];
const page = { siteTitle: 'Folio', imageUrl: 'https://folio.example.com/social-default.png', feeds };
const article: ArticleMeta = { published: '2018-03-02', modified: '2019-01-05', tags: ['caching', 'performance'], section: 'Architecture', authors: [{ name: 'Folio Author', url: 'https://folio.example.com/authors/folio-author/' }, { name: 'Ada </script><b>', url: 'https://folio.example.com/authors/ada/' }] };
const post: SeoProps = { ...page, title: 'Cache layers', description: 'Where to cache what.', canonicalUrl: 'https://folio.example.com/posts/cache-layers/', imageUrl: 'https://folio.example.com/posts/cache-layers/cover.png', article };

/** The JSON-LD of the server-rendered head, and the number of script elements in it. */
function serverJsonLd(props: SeoProps) {
  const html = renderToStaticMarkup(<Seo {...props} />);
  const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)];
  return { html, scripts, data: scripts.length === 1 ? JSON.parse(scripts[0][1]) : undefined };
}

describe('Seo', () => {
  it('sets the title with the site title appended, the meta description and the canonical link', () => {
    render(<Seo {...page} title="Cache layers" description="Where to cache what." canonicalUrl="https://folio.example.com/posts/cache-layers/" />);

    expect(document.querySelectorAll('title')).toHaveLength(1);
    expect(document.title).toBe('Cache layers | Folio');

    expect(description()).toHaveLength(1);
    expect(description()[0]).toHaveAttribute('content', 'Where to cache what.');

    expect(canonical()).toHaveLength(1);
    expect(canonical()[0]).toHaveAttribute('href', 'https://folio.example.com/posts/cache-layers/');
    expect(document.head).toContainElement(canonical()[0] as HTMLElement);
  });

  it('uses the site title alone when the page has no title of its own', () => {
    render(<Seo {...page} description="Notes." canonicalUrl="https://folio.example.com/" />);
    expect(document.title).toBe('Folio');
    expect(canonical()[0]).toHaveAttribute('href', 'https://folio.example.com/');
    expect(property('og:title')).toEqual(['Folio']);
  });

  it('links every feed with its media type', () => {
    render(<Seo {...page} description="Notes." canonicalUrl="https://folio.example.com/" />);
    const alternates = [...document.head.querySelectorAll('link[rel="alternate"]')].map((link) => [link.getAttribute('type'), link.getAttribute('href'), link.getAttribute('title')]);
    expect(alternates).toEqual([
      ['application/rss+xml', '/rss.xml', 'Folio (RSS)'],
      ['application/atom+xml', '/atom.xml', 'Folio (Atom)'],
      ['application/feed+json', '/feed.json', 'Folio (JSON Feed)'],
    ]);
  });

  it('describes any page as an Open Graph website with a large-image Twitter card, and no article data', () => {
    render(<Seo {...page} title="Archive" description="Every post." canonicalUrl="https://folio.example.com/archive/" />);
    expect(property('og:type')).toEqual(['website']);
    expect(property('og:title')).toEqual(['Archive']);
    expect(property('og:description')).toEqual(['Every post.']);
    expect(property('og:url')).toEqual(['https://folio.example.com/archive/']);
    expect(property('og:site_name')).toEqual(['Folio']);
    expect(property('og:image')).toEqual(['https://folio.example.com/social-default.png']);
    expect(document.querySelector('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    expect(document.querySelectorAll('meta[property^="article:"]')).toHaveLength(0);
    expect(jsonLd()).toHaveLength(0);
  });

  it('describes a post as an article with its dates, section and every tag', () => {
    render(<Seo {...post} />);
    expect(property('og:type')).toEqual(['article']);
    expect(property('og:image')).toEqual(['https://folio.example.com/posts/cache-layers/cover.png']);
    expect(property('article:published_time')).toEqual(['2018-03-02']);
    expect(property('article:modified_time')).toEqual(['2019-01-05']);
    expect(property('article:section')).toEqual(['Architecture']);
    expect(property('article:tag')).toEqual(['caching', 'performance']);
  });

  it('leaves out the modified time and the section when the post has none', () => {
    render(<Seo {...post} article={{ ...article, modified: null, section: null, tags: [] }} />);
    expect(property('article:published_time')).toEqual(['2018-03-02']);
    expect(property('article:modified_time')).toEqual([]);
    expect(property('article:section')).toEqual([]);
    expect(property('article:tag')).toEqual([]);
  });

  it('gives a post BlogPosting structured data', () => {
    const { data } = serverJsonLd(post);
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'Cache layers',
      description: 'Where to cache what.',
      url: 'https://folio.example.com/posts/cache-layers/',
      mainEntityOfPage: 'https://folio.example.com/posts/cache-layers/',
      image: 'https://folio.example.com/posts/cache-layers/cover.png',
      datePublished: '2018-03-02',
      dateModified: '2019-01-05',
      // Every author, in order, as a Person with their page; a hostile name reads back as written.
      author: [
        { '@type': 'Person', name: 'Folio Author', url: 'https://folio.example.com/authors/folio-author/' },
        { '@type': 'Person', name: 'Ada </script><b>', url: 'https://folio.example.com/authors/ada/' },
      ],
      keywords: ['caching', 'performance'],
    });
    // Without an update, the post was last modified when it was published.
    expect(serverJsonLd({ ...post, article: { ...article, modified: null } }).data.dateModified).toBe('2018-03-02');
  });

  it('says in the JSON-LD which series a post is a part of, escaped like the rest', () => {
    const series = { name: 'Caching </script><script>alert(1)</script>', url: 'https://folio.example.com/series/caching-script-script-alert-1-script/' };
    const { scripts, data } = serverJsonLd({ ...post, article: { ...article, series } });
    expect(data.isPartOf).toEqual({ '@type': 'CreativeWorkSeries', name: series.name, url: series.url });
    expect(scripts).toHaveLength(1);
    expect(scripts[0][1]).not.toMatch(/[<>]/);
    expect(serverJsonLd({ ...post, article: { ...article, series: null } }).data).not.toHaveProperty('isPartOf');
  });

  it('points a cross-post\'s canonical link and JSON-LD at its original, and keeps og:url at this page', () => {
    const original = 'https://dev.to/me/cache-layers?a=1&b="2"';
    render(<Seo {...post} originalUrl={original} />);
    expect(canonical()).toHaveLength(1);
    expect(canonical()[0]).toHaveAttribute('href', original);
    expect(property('og:url')).toEqual(['https://folio.example.com/posts/cache-layers/']);
    const { data } = serverJsonLd({ ...post, originalUrl: original });
    expect([data.url, data.mainEntityOfPage]).toEqual([original, original]);
  });

  it('keeps a hostile title inside the JSON-LD script', () => {
    const title = 'Ends </script><script>window.pwned = true</script> and <!-- starts a comment <script> & \u2028';
    const { html, scripts, data } = serverJsonLd({ ...post, title, description: '</SCRIPT><img src=x onerror=alert(1)>' });
    // One script element, whose JSON still reads back as the exact title.
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(scripts).toHaveLength(1);
    expect(scripts[0][1]).not.toMatch(/[<>]|\u2028/);
    expect(scripts[0][1]).toContain(
      String.raw`"headline":"Ends \u003c/script\u003e\u003cscript\u003ewindow.pwned = true\u003c/script\u003e and \u003c!-- starts a comment \u003cscript\u003e \u0026 \u2028","description":"\u003c/SCRIPT\u003e\u003cimg src=x onerror=alert(1)\u003e"`,
    );
    expect(data.headline).toBe(title);
    expect(data.description).toBe('</SCRIPT><img src=x onerror=alert(1)>');

    // The export's HTML read by an HTML parser, where an unescaped `</script>` would end the
    // script: still one script, no injected element, the same JSON.
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><html><head>${html}</head><body></body></html>`, 'text/html');
    expect(parsed.querySelectorAll('script')).toHaveLength(1);
    expect(parsed.querySelector('img')).toBeNull();
    expect(JSON.parse(parsed.querySelector('script')!.textContent ?? '').headline).toBe(title);
  });

  it('escapes a title and a description that contain markup', () => {
    const title = 'Closing </title><script>window.pwned = true</script> tags';
    const text = '"><script>window.pwned = true</script>';
    render(<Seo {...page} title={title} description={text} canonicalUrl="https://folio.example.com/posts/x/" />);

    expect(document.title).toBe(`${title} | Folio`);
    expect(document.querySelectorAll('title')).toHaveLength(1);
    expect(document.querySelector('title')!.children).toHaveLength(0);
    expect(description()[0]).toHaveAttribute('content', text);
    expect(property('og:title')).toEqual([title]);
    expect(document.querySelector('script')).toBeNull();
  });

  it('escapes markup in the static HTML that the export writes', () => {
    // In the DOM a <title> only ever holds text, so check the server-rendered HTML too,
    // where an unescaped `</title>` would close the element and start a real script.
    const html = renderToStaticMarkup(
      <Seo {...page} title="Closing </title><script>alert(1)</script>" description={'"><script>alert(2)</script>'} canonicalUrl="https://folio.example.com/posts/x/" />,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<\/title>/g)).toHaveLength(1);
    expect(html).toContain('<title>Closing &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; | Folio</title>');
    expect(html).toContain('<meta property="og:title" content="Closing &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"/>');
    expect(html).toContain('<meta name="description" content="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"/>');
  });
});
