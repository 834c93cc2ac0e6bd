import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Seo } from './Seo';

// next/head only collects its children for Next's document; render them in place instead.
// React 19 then hoists <title>, <meta> and <link> into document.head.
jest.mock('next/head', () => ({ __esModule: true, default: ({ children }: { children: ReactNode }) => <>{children}</> }));

const canonical = () => document.querySelectorAll('link[rel="canonical"]');
const description = () => document.querySelectorAll('meta[name="description"]');

describe('Seo', () => {
  it('sets the title with the site title appended, the meta description and the canonical link', () => {
    render(<Seo title="Cache layers" siteTitle="Folio" description="Where to cache what." canonicalUrl="https://folio.example.com/posts/cache-layers/" />);

    expect(document.querySelectorAll('title')).toHaveLength(1);
    expect(document.title).toBe('Cache layers | Folio');

    expect(description()).toHaveLength(1);
    expect(description()[0]).toHaveAttribute('content', 'Where to cache what.');

    expect(canonical()).toHaveLength(1);
    expect(canonical()[0]).toHaveAttribute('href', 'https://folio.example.com/posts/cache-layers/');
    expect(document.head).toContainElement(canonical()[0] as HTMLElement);
  });

  it('uses the site title alone when the page has no title of its own', () => {
    render(<Seo siteTitle="Folio" description="Notes." canonicalUrl="https://folio.example.com/" />);
    expect(document.title).toBe('Folio');
    expect(canonical()[0]).toHaveAttribute('href', 'https://folio.example.com/');
  });

  it('escapes a title and a description that contain markup', () => {
    const title = 'Closing </title><script>window.pwned = true</script> tags';
    const text = '"><script>window.pwned = true</script>';
    render(<Seo title={title} siteTitle="Folio" description={text} canonicalUrl="https://folio.example.com/posts/x/" />);

    expect(document.title).toBe(`${title} | Folio`);
    expect(document.querySelectorAll('title')).toHaveLength(1);
    expect(document.querySelector('title')!.children).toHaveLength(0);
    expect(description()[0]).toHaveAttribute('content', text);
    expect(document.querySelector('script')).toBeNull();
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('escapes markup in the static HTML that the export writes', () => {
    // In the DOM a <title> only ever holds text, so check the server-rendered HTML too,
    // where an unescaped `</title>` would close the element and start a real script.
    const html = renderToStaticMarkup(
      <Seo title="Closing </title><script>alert(1)</script>" siteTitle="Folio" description={'"><script>alert(2)</script>'} canonicalUrl="https://folio.example.com/posts/x/" />,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<\/title>/g)).toHaveLength(1);
    expect(html).toContain('<title>Closing &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; | Folio</title>');
    expect(html).toContain('content="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"');
  });

  it('removes its tags when it unmounts', () => {
    const { unmount } = render(<Seo title="A" siteTitle="Folio" description="B" canonicalUrl="https://folio.example.com/a/" />);
    expect(canonical()).toHaveLength(1);
    unmount();
    expect(canonical()).toHaveLength(0);
    expect(description()).toHaveLength(0);
    expect(document.querySelector('title')).toBeNull();
  });
});
