import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import path from 'node:path';
import { compileAndRender, SITE_URL } from '../../__tests__/helpers/render-body';
import { scratchImageStore, writeImage } from '../../__tests__/helpers/images';
import { KATEX_STYLESHEET, MdxBody } from './MdxBody';
import { isExternalUrl } from './renderBody';

// next/head hands its children to the page's <head> through Next's document; here it renders
// them in place, so the test can see what MdxBody asks for (the built site's test checks the
// real <head>).
jest.mock('next/head', () => ({ __esModule: true, default: ({ children }: { children: ReactNode }) => <>{children}</> }));

// The first compile starts shiki, which can take a few seconds.
const COMPILE_TIMEOUT = 60_000;

/** A scratch public/ with the image the tests show, and a cache for what the build makes of it. */
const images = scratchImageStore();
beforeAll(() => writeImage(path.join(images.publicDir, 'images', 'diagram.png'), 640, 240, 'png'));

async function renderBody(body: string, format: 'md' | 'mdx' = 'md') {
  return render(<MdxBody body={await compileAndRender(body, { format, imageStore: images.store })} />);
}

describe('MdxBody', () => {
  it(
    'gives headings ids and, after each, a # link to it named by the heading',
    async () => {
      await renderBody('## Cache layers\n\nText.\n\n### Edge caches\n\n#### The CDN\n');

      for (const [level, id, name] of [
        [2, 'cache-layers', 'Cache layers'],
        [3, 'edge-caches', 'Edge caches'],
        [4, 'the-cdn', 'The CDN'],
      ] as const) {
        const heading = screen.getByRole('heading', { level });
        expect(heading).toHaveAttribute('id', id);
        expect(heading).toHaveTextContent(new RegExp(`^${name}$`));
        expect(within(heading).queryByRole('link')).toBeNull();
        // The link follows its heading, and a screen reader hears the heading's name for it.
        const anchor = heading.nextElementSibling;
        expect(anchor).toBe(screen.getByRole('link', { name }));
        expect(anchor).toHaveAttribute('href', `#${id}`);
        expect(anchor).toHaveClass('heading-anchor');
        // No text of its own: CSS shows its "#", so feeds and the search index read nothing extra.
        expect(anchor).toBeEmptyDOMElement();
      }
    },
    COMPILE_TIMEOUT,
  );

  it.each(['md', 'mdx'] as const)(
    'keeps a link the author put in a heading whole, in .%s: no link is inside another',
    async (format) => {
      const { container } = await renderBody('## Using [Next.js](https://nextjs.org) today\n\nText.\n', format);
      const heading = screen.getByRole('heading', { level: 2 });
      expect(heading).toHaveAttribute('id', 'using-nextjs-today');
      expect(heading).toHaveTextContent(/^Using Next\.js \(external link\) today$/);
      const link = within(heading).getByRole('link');
      expect(link).toHaveAttribute('href', 'https://nextjs.org');
      expect(link).toHaveTextContent(/^Next\.js \(external link\)$/);
      const anchor = screen.getByRole('link', { name: 'Using Next.js (external link) today' });
      expect(anchor).toHaveAttribute('href', '#using-nextjs-today');
      expect(container.querySelectorAll('a a')).toHaveLength(0);
      expect(container.querySelectorAll('a')).toHaveLength(2);
    },
    COMPILE_TIMEOUT,
  );

  it(
    'renders a `#` heading in a body as an h2, since the post title is the only h1',
    async () => {
      const { container } = await renderBody('# Introduction\n\nSome text.\n');
      expect(container.querySelector('h1')).toBeNull();
      const heading = screen.getByRole('heading', { level: 2 });
      expect(heading).toHaveAttribute('id', 'introduction');
      expect(heading).toHaveTextContent(/^Introduction$/);
      expect(screen.getByRole('link', { name: 'Introduction' })).toHaveAttribute('href', '#introduction');
    },
    COMPILE_TIMEOUT,
  );

  it(
    'marks links to other origins as external, with hidden text for screen readers',
    async () => {
      await renderBody(
        [
          'Read [the Next.js docs](https://nextjs.org/docs) and [an http page](http://example.org/page).',
          '',
          'Also [about](/about/), [a post](https://folio.example.com/posts/reinvent-2017/) and [a section](#usage).',
        ].join('\n'),
      );

      for (const [name, href] of [
        ['the Next.js docs', 'https://nextjs.org/docs'],
        ['an http page', 'http://example.org/page'],
      ]) {
        const link = screen.getByRole('link', { name: `${name} (external link)` });
        expect(link).toHaveAttribute('href', href);
        expect(link).toHaveClass('external-link');
        expect(link).toHaveAttribute('rel', expect.stringContaining('external'));
        const hidden = within(link).getByText('(external link)');
        expect(hidden).toHaveClass('visually-hidden');
      }

      for (const [name, href] of [
        ['about', '/about/'],
        ['a post', 'https://folio.example.com/posts/reinvent-2017/'],
        ['a section', '#usage'],
      ]) {
        const link = screen.getByRole('link', { name });
        expect(link).toHaveAttribute('href', href);
        expect(link).not.toHaveClass('external-link');
        expect(link).not.toHaveAttribute('rel');
        expect(link).not.toHaveTextContent('(external link)');
      }
      expect(screen.getAllByText('(external link)')).toHaveLength(2);
    },
    COMPILE_TIMEOUT,
  );

  it(
    'shows images as the build made them, keeping their alt text: the first eagerly, the others lazily',
    async () => {
      await renderBody('![Bar chart of cache hit ratios](/images/diagram.png)\n\n![The same chart again](/images/diagram.png)\n');
      // Each image is shown in its zoom button (its overlay's copy is lib/images/body-images.ts's, tested in __tests__/images.test.tsx).
      const shown = (name: string) => within(screen.getByRole('button', { name: `Enlarge image: ${name}` })).getByRole('img', { name });
      const first = shown('Bar chart of cache hit ratios');
      expect(first).toHaveAttribute('src', expect.stringMatching(/^\/_img\/diagram-[0-9a-f]{12}-640\.png$/));
      expect(first).toHaveAttribute('srcset', expect.stringMatching(/-480\.png 480w, .*-640\.png 640w$/));
      expect(first).toHaveAttribute('width', '640');
      expect(first).toHaveAttribute('height', '240');
      expect(first).toHaveAttribute('loading', 'eager');
      expect(first).toHaveAttribute('fetchpriority', 'high');
      expect(first.parentElement?.tagName).toBe('PICTURE');
      const second = shown('The same chart again');
      expect(second).toHaveAttribute('loading', 'lazy');
      expect(second).toHaveAttribute('decoding', 'async');
      expect(second).not.toHaveAttribute('fetchpriority');
    },
    COMPILE_TIMEOUT,
  );

  it(
    'renders <Callout> and <Figure> from an .mdx source',
    async () => {
      await renderBody(
        [
          '<Callout type="tip" title="Cache everything">',
          '  If it is read more than it is written, cache it.',
          '</Callout>',
          '',
          '<Callout type="warning">',
          '  A long TTL on a page that changes is a stale page.',
          '</Callout>',
          '',
          '<Figure src="/images/diagram.png" alt="Hit ratios by layer" caption="From the folder post." />',
        ].join('\n'),
        'mdx',
      );

      const tip = screen.getByRole('complementary', { name: 'Cache everything' });
      expect(tip).toHaveClass('callout', 'callout-tip');
      expect(tip).toHaveTextContent('If it is read more than it is written, cache it.');

      const warning = screen.getByRole('complementary', { name: 'Warning' });
      expect(warning).toHaveClass('callout', 'callout-warning');
      expect(within(warning).getByText('Warning')).toBeInTheDocument();
      expect(warning).toHaveTextContent('A long TTL on a page that changes is a stale page.');

      const image = within(screen.getByRole('button', { name: 'Enlarge image: Hit ratios by layer' })).getByRole('img', { name: 'Hit ratios by layer' });
      expect(image).toHaveAttribute('src', expect.stringMatching(/^\/_img\/diagram-[0-9a-f]{12}-640\.png$/));
      expect(image.parentElement?.tagName).toBe('PICTURE');
      const figure = image.closest('figure');
      expect(figure).not.toBeNull();
      expect(within(figure!).getByText('From the folder post.').tagName).toBe('FIGCAPTION');
    },
    COMPILE_TIMEOUT,
  );
});

describe('isExternalUrl', () => {
  it('is true only for http(s) URLs on another origin', () => {
    expect(isExternalUrl('https://nextjs.org/', SITE_URL)).toBe(true);
    expect(isExternalUrl('http://folio.example.com/', SITE_URL)).toBe(true);
    expect(isExternalUrl('https://folio.example.com:8443/', SITE_URL)).toBe(true);
    expect(isExternalUrl('https://folio.example.com/posts/', SITE_URL)).toBe(false);
    expect(isExternalUrl('HTTPS://FOLIO.EXAMPLE.COM/about/', SITE_URL)).toBe(false);
    expect(isExternalUrl('/about/', SITE_URL)).toBe(false);
    expect(isExternalUrl('#usage', SITE_URL)).toBe(false);
    expect(isExternalUrl(undefined, SITE_URL)).toBe(false);
  });

  it('counts protocol-relative links and leaves malformed ones unmarked instead of throwing', () => {
    expect(isExternalUrl('//elsewhere.example/x', SITE_URL)).toBe(true);
    expect(isExternalUrl('//folio.example.com/x', SITE_URL)).toBe(false);
    expect(isExternalUrl('https://[oops', SITE_URL)).toBe(false);
  });
});

describe('MdxBody edge cases', () => {
  it(
    'renders a post with a malformed link, keeps the external marking on raw-HTML links, and puts no anchor in the hidden footnotes heading',
    async () => {
      const { container } = await renderBody('[bad](https://[oops) and <a class="button" href="https://nextjs.org/">Next</a>\n\nNote[^1].\n\n[^1]: The note.');
      expect(screen.getByRole('link', { name: 'bad' })).toHaveAttribute('href', 'https://%5Boops');
      const next = screen.getByRole('link', { name: /^Next/ });
      // The sanitizer empties the raw class (only GFM's classes are allowed on links); the external marking survives.
      expect(next).toHaveClass('external-link');
      const footnotesHeading = container.querySelector('h2.sr-only');
      expect(footnotesHeading).toHaveTextContent('Footnotes');
      expect(footnotesHeading!.querySelector('a')).toBeNull();
      expect(footnotesHeading!.nextElementSibling?.tagName).toBe('OL');
    },
    COMPILE_TIMEOUT,
  );
});

describe('MdxBody markdown extras', () => {
  it(
    'links KaTeX\'s stylesheet only when the body has math',
    async () => {
      const { container, unmount } = await renderBody('The area is $\\pi r^2$.');
      expect(container.querySelector(`link[rel="stylesheet"][href="${KATEX_STYLESHEET}"]`)).not.toBeNull();
      expect(container.querySelector('.katex math annotation')).toHaveTextContent('\\pi r^2');
      unmount();

      const plain = await renderBody('No math here, just \\$5.');
      expect(plain.container.querySelector('link')).toBeNull();
      expect(plain.container.querySelector('.katex')).toBeNull();
    },
    COMPILE_TIMEOUT,
  );

  it(
    'renders a GitHub alert as a named complementary landmark',
    async () => {
      await renderBody('> [!IMPORTANT]\n> Rotate the keys.');
      const alert = screen.getByRole('complementary', { name: 'Important' });
      expect(alert).toHaveClass('callout', 'callout-important');
      expect(alert).toHaveTextContent(/^Important\s*Rotate the keys\.$/);
    },
    COMPILE_TIMEOUT,
  );

  it(
    'gives a highlighted code block its title and the class its CSS hangs on',
    async () => {
      const { container } = await renderBody('```js title="hello.js" {2}\nconst a = 1;\nconsole.log(a);\n```');
      const figure = container.querySelector('figure');
      expect(figure).toHaveClass('code-block');
      expect(within(figure!).getByText('hello.js').tagName).toBe('FIGCAPTION');
      expect(figure!.querySelector('pre')).toHaveClass('shiki');
      expect(figure!.querySelector('[data-highlighted-line]')).toHaveTextContent('console.log(a);');
    },
    COMPILE_TIMEOUT,
  );

  it(
    'renders a YouTube link alone on a line as a framed player, and <YouTube> in MDX',
    async () => {
      await renderBody('[Cache me if you can](https://youtu.be/WFRIivS2mpo)\n\n<YouTube id="WFRIivS2mpo" title="The same talk" />', 'mdx');
      expect(screen.getByTitle('Cache me if you can').tagName).toBe('IFRAME');
      expect(screen.getByTitle('The same talk')).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/WFRIivS2mpo');
    },
    COMPILE_TIMEOUT,
  );
});
