/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { MdxBody } from '../components/MdxBody/MdxBody';
import { ContentError } from '../lib/content-error';
import { compileBody } from '../lib/markdown';

jest.setTimeout(60_000);

const SITE_URL = 'https://folio.example.com';

interface Source {
  format?: 'md' | 'mdx';
  bodyStartLine?: number;
  assetDir?: string | null;
}

/** Compiles `body` through the real pipeline and renders it as the post page does. */
async function render(body: string, { format = 'md', bodyStartLine = 1, assetDir = null }: Source = {}): Promise<string> {
  const compiled = await compileBody({ body, format, bodyStartLine, assetDir, sourcePath: `posts/test.${format}`, slug: 'test' });
  return renderToStaticMarkup(<MdxBody body={compiled} siteUrl={SITE_URL} />);
}

async function compileError(body: string, source: Source = {}): Promise<ContentError> {
  try {
    await render(body, source);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected the compile to fail');
}

describe('.md is CommonMark + GFM', () => {
  it('renders tables, task lists, strikethrough, autolink literals and footnotes', async () => {
    const html = await render(
      ['| a | b |', '|---|---|', '| 1 | 2 |', '', '- [x] done', '- [ ] todo', '', '~~old~~ www.example.com', '', 'Note[^1].', '', '[^1]: The footnote.'].join('\n'),
    );
    expect(html).toContain('<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>');
    expect(html).toMatch(/<input type="checkbox" disabled="" checked=""\/> done/);
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="http://www.example.com"');
    expect(html).toMatch(/<a href="#user-content-fn-1" id="user-content-fnref-1"/);
    expect(html).toMatch(/<li id="user-content-fn-1">/);
    expect(html).toContain('The footnote.');
  });

  it('turns <https://…> into a link', async () => {
    expect(await render('See <https://example.org/a>.')).toMatch(/<a href="https:\/\/example.org\/a"[^>]*>https:\/\/example.org\/a/);
  });

  it('keeps braces and < as text, and drops HTML comments', async () => {
    const html = await render('Sets are {a, b} and 1 < 2 and {props.x}.\n\n<!-- secret note -->\n\nAfter.');
    expect(html).toContain('<p>Sets are {a, b} and 1 &lt; 2 and {props.x}.</p>');
    expect(html).not.toContain('secret note');
    expect(html).toContain('<p>After.</p>');
  });

  it('passes raw HTML through: details, iframe embeds, div', async () => {
    const html = await render(
      [
        '<details><summary>More</summary>',
        '',
        'Hidden **text**',
        '',
        '</details>',
        '',
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Talk" loading="lazy" allowfullscreen></iframe>',
        '',
        '<div class="note">A div</div>',
      ].join('\n'),
    );
    expect(html).toMatch(/<details><summary>More<\/summary>\s*<p>Hidden <strong>text<\/strong><\/p>\s*<\/details>/);
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Talk" loading="lazy" allowFullScreen=""></iframe>');
    expect(html).toContain('<div class="note">A div</div>');
  });

  it('never executes anything: no <script>, no on* handlers, no javascript: URLs, no {expressions}', async () => {
    const globals = globalThis as { pwned?: boolean };
    const html = await render(
      [
        '<script>globalThis.pwned = true</script>',
        '',
        '<div onclick="alert(1)" onmouseover="alert(2)">hover</div>',
        '',
        '<a href="javascript:alert(3)">click</a> <img src="x.png" onerror="alert(4)" alt="x">',
        '',
        '[md link](javascript:alert(5))',
        '',
        '{globalThis.pwned = true}',
      ].join('\n'),
    );
    expect(html).not.toMatch(/<script|onclick|onmouseover|onerror|javascript:/i);
    expect(html).toContain('<div>hover</div>');
    expect(html).toContain('{globalThis.pwned = true}');
    expect(globals.pwned).toBeUndefined();
  });

  it('highlights fenced code at build time, with light and dark colours', async () => {
    const html = await render('```ts\nconst answer: number = 42;\n```');
    expect(html).toMatch(/<pre class="shiki shiki-themes github-light github-dark"/);
    expect(html).toMatch(/<span style="--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}">const<\/span>/);
  });

  it('falls back to plain text for an unknown language', async () => {
    const html = await render('```no-such-language\nplain <text>\n```');
    expect(html).toContain('plain &lt;text&gt;');
    expect(html).toMatch(/<pre class="shiki/);
  });

  it('gives headings ids and anchors, and makes a body h1 an h2', async () => {
    const html = await render('# Top\n\n## Cache me if you can\n\n### Scaling to 10 million users');
    expect(html).not.toContain('<h1');
    expect(html).toMatch(/<h2 id="top"><a [^>]*href="#top">Top<\/a><\/h2>/);
    expect(html).toMatch(/<h2 id="cache-me-if-you-can"><a [^>]*href="#cache-me-if-you-can">Cache me if you can<\/a><\/h2>/);
    expect(html).toMatch(/<h3 id="scaling-to-10-million-users">/);
  });
});

describe('.mdx is MDX', () => {
  it('renders the built-in components and runs the author\'s expressions', async () => {
    const html = await render('<Callout type="tip" title="Cache">Everything.</Callout>\n\n<Figure src="/a.png" alt="A chart" caption="Hit ratios" />\n\nTotal: {3 * 7}', { format: 'mdx' });
    expect(html).toMatch(/<aside [^>]*aria-label="Cache"[^>]*><p[^>]*>Cache<\/p>/);
    expect(html).toMatch(/<figure[^>]*><img src="\/a.png" alt="A chart" loading="lazy"/);
    expect(html).toContain('Hit ratios</figcaption>');
    expect(html).toContain('Total: 21');
  });

  it('reports a compile error with the file and its line in the file', async () => {
    const error = await compileError('Intro.\n\n<Callout>\n\nNever closed.\n', { format: 'mdx', bodyStartLine: 6 });
    expect(error.message).toBe('posts/test.mdx:8: MDX does not compile: Expected a closing tag for `<Callout>`');
  });

  it('reports a broken expression with its line', async () => {
    const error = await compileError('One.\n\nTwo {1 +}.\n', { format: 'mdx', bodyStartLine: 5 });
    expect(error.line).toBe(7);
    expect(error.message).toMatch(/^posts\/test\.mdx:7: MDX does not compile: Could not parse expression with acorn/);
  });
});

describe('folder post assets', () => {
  const assetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-assets-'));
  fs.writeFileSync(path.join(assetDir, 'diagram.png'), 'png');

  it('points relative images at the published asset folder', async () => {
    const html = await render('![A diagram](./diagram.png)', { assetDir });
    expect(html).toContain('<img alt="A diagram" loading="lazy" decoding="async" src="/posts/test/diagram.png"/>');
  });

  it('points an MDX component\'s relative src at the asset folder too', async () => {
    const html = await render('<Figure src="./diagram.png" alt="A diagram" caption="Beside the post" />', { assetDir, format: 'mdx' });
    expect(html).toMatch(/<img src="\/posts\/test\/diagram.png" alt="A diagram"/);
    const error = await compileError('<Figure src="./gone.png" alt="Gone" />', { assetDir, format: 'mdx' });
    expect(error.message).toMatch(/^posts\/test\.mdx:1: image "\.\/gone\.png" points to a file that does not exist/);
  });

  it('fails on a missing image, naming the file, the line and the path', async () => {
    const error = await compileError('Text.\n\n![Gone](./missing.png)', { assetDir, bodyStartLine: 5 });
    expect(error.message).toBe(`posts/test.md:7: image "./missing.png" points to a file that does not exist in ${path.basename(assetDir)}/`);
  });
});
