/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { compileBody } from '../lib/markdown/compile';
import { youTubeVideo } from '../lib/markdown/embeds';
import { rawHtmlSchema } from '../lib/markdown/sanitize';
import { contentErrorOf } from './helpers/content-error';
import { scratchImageStore, writeImage } from './helpers/images';
import { compileAndRender, type BodySource as Source } from './helpers/render-body';

jest.setTimeout(60_000);

/** Compiles `body` through the real pipeline and renders it as the post page does. */
const render = async (body: string, source: Source = {}): Promise<string> => (await compileAndRender(body, source)).html;

const compileError = (body: string, source: Source = {}) => contentErrorOf(render(body, source));

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

  it('never executes anything: no <script>, no on* handlers, no {expressions}; a javascript: URL fails the build', async () => {
    // Whether a script runs is for a browser to show (e2e/); here, the markup that would run one is gone.
    const html = await render(
      [
        '<script>globalThis.pwned = true</script>',
        '',
        '<div onclick="alert(1)" onmouseover="alert(2)">hover</div>',
        '',
        '<a href="https://example.com/" onfocus="alert(3)">click</a> <img src="https://example.com/x.png" onerror="alert(4)" alt="x">',
        '',
        '{6 * 7}',
      ].join('\n'),
    );
    expect(html).not.toMatch(/<script|onclick|onmouseover|onfocus|onerror/i);
    expect(html).toContain('<div>hover</div>');
    // A `{…}` is text, not an expression, which MDX would run while rendering and show as 42.
    expect(html).toContain('<p>{6 * 7}</p>');
    expect((await compileError('[md link](javascript:alert(5))')).message).toBe('posts/test.md:1: href: "javascript:alert(5)" on <a> is not a path, an http(s) URL or a mailto: address');
  });

  it('removes <style> attributes from raw HTML, and keeps the element', async () => {
    const html = await render('<p style="position:fixed;inset:0">Styled</p> <span style="color:red">red</span>');
    expect(html).toBe('<p>Styled</p> <span>red</span>');
  });

  it('highlights fenced code at build time, with light and dark colours', async () => {
    const html = await render('```ts\nconst answer: number = 42;\n```');
    expect(html).toMatch(/<pre class="shiki" style="--shiki-light:#[0-9a-f]{3,6};--shiki-dark:#[0-9a-f]{3,6};--shiki-light-bg:#[0-9a-f]{3,6};--shiki-dark-bg:#[0-9a-f]{3,6}"/);
    expect(html).toMatch(/<span style="--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}">const<\/span>/);
  });

  it('falls back to plain text for an unknown language, and for a block without one', async () => {
    const html = await render('```no-such-language\nplain <text>\n```\n\n```\nno language\n```');
    expect(html).toContain('plain &lt;text&gt;');
    expect(html.match(/<pre class="shiki"/g)).toHaveLength(2);
    expect(html).toContain('data-language="plaintext"');
    expect(html).toContain('>no language</span>');
  });

  it('gives headings ids and anchors, and makes a body h1 an h2', async () => {
    const html = await render('# Top\n\n## Cache me if you can\n\n### Scaling to 10 million users');
    expect(html).not.toContain('<h1');
    expect(html).toMatch(/<h2 id="top">Top<\/h2><a class="heading-anchor" href="#top" aria-labelledby="top"><\/a>/);
    expect(html).toMatch(/<h2 id="cache-me-if-you-can">Cache me if you can<\/h2><a class="heading-anchor" href="#cache-me-if-you-can" aria-labelledby="cache-me-if-you-can"><\/a>/);
    expect(html).toMatch(/<h3 id="scaling-to-10-million-users">Scaling to 10 million users<\/h3><a [^>]*href="#scaling-to-10-million-users"/);
  });
});

describe('URLs in a body', () => {
  const HOSTILE = 'javascript:alert(1)';

  /** Each attribute that holds a URL and that the allow-list keeps, on each element it keeps it on, in raw HTML. */
  it.each([
    ['a', 'href', `<a href="${HOSTILE}">x</a>`],
    ['img', 'src', `<img src="${HOSTILE}" alt="x">`],
    ['img', 'longdesc', `<img src="https://example.com/a.png" longdesc="${HOSTILE}" alt="x">`],
    ['source', 'srcset', `<picture><source srcset="https://example.com/a.png 1x, ${HOSTILE} 2x"><img src="https://example.com/a.png" alt="x"></picture>`],
    ['source', 'src', `<video><source src="${HOSTILE}"></video>`],
    ['video', 'src', `<video src="${HOSTILE}"></video>`],
    ['video', 'poster', `<video poster="${HOSTILE}"></video>`],
    ['audio', 'src', `<audio src="${HOSTILE}"></audio>`],
    ['iframe', 'src', `<iframe src="${HOSTILE}" title="x"></iframe>`],
    ['blockquote', 'cite', `<blockquote cite="${HOSTILE}">x</blockquote>`],
    ['q', 'cite', `<q cite="${HOSTILE}">x</q>`],
    ['del', 'cite', `<del cite="${HOSTILE}">x</del>`],
    ['ins', 'cite', `<ins cite="${HOSTILE}">x</ins>`],
    ['div', 'action', `<div action="${HOSTILE}">x</div>`],
  ])('fails the build on a javascript: URL in <%s %s>, naming the file, the line and the attribute', async (tag, attribute, html) => {
    const error = await compileError(`Intro.\n\n${html}`, { bodyStartLine: 4 });
    expect(error.message).toBe(`posts/test.md:6: ${attribute}: "${HOSTILE}" on <${tag}> is not ${attribute === 'href' ? 'a path, an http(s) URL or a mailto: address' : 'a path or an http(s) URL'}`);
    expect(error.field).toBe(attribute);
    expect(error.line).toBe(6);
  });

  it('checks every attribute the allow-list keeps that HTML reads as a URL', async () => {
    // The attributes whose value HTML's attribute index gives as a URL, by their property names.
    const URL_ATTRIBUTES = ['action', 'cite', 'data', 'formAction', 'href', 'icon', 'itemId', 'longDesc', 'manifest', 'ping', 'poster', 'src', 'srcSet', 'background', 'codeBase', 'profile'];
    const attributes = rawHtmlSchema.attributes ?? {};
    const tagNames = rawHtmlSchema.tagNames ?? [];
    const kept = (tag: string) => [...(attributes[tag] ?? []), ...(attributes['*'] ?? [])].map((definition) => (typeof definition === 'string' ? definition : definition[0]));
    const checked: string[] = [];
    for (const tag of tagNames) {
      for (const property of kept(tag).filter((name) => URL_ATTRIBUTES.includes(name))) {
        const attribute = property.toLowerCase();
        // The element in the context the allow-list keeps it in: a table's parts in a table.
        const element = `<${tag} ${attribute}="${HOSTILE}">x</${tag}>`;
        const html = ['td', 'th'].includes(tag) ? `<table><tr>${element}</tr></table>` : ['tr', 'tbody', 'thead', 'tfoot'].includes(tag) ? `<table>${element}</table>` : element;
        expect(await compileError(html)).toMatchObject({ field: attribute });
        checked.push(`${tag}[${attribute}]`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['a[href]', 'img[src]', 'img[longdesc]', 'source[srcset]', 'video[poster]', 'blockquote[cite]']));
  });

  it.each([
    ['a link', '[x](javascript:alert(1))', 'href', 'a'],
    ['a link by reference', '[x][ref]\n\n[ref]: data:text/html,hi', 'href', 'a'],
    ['an autolink', '<javascript:alert(1)>', 'href', 'a'],
    ['an image', '![x](data:image/png;base64,AAAA)', 'src', 'img'],
    ['a link to a file on the build machine', '[x](file:///etc/passwd)', 'href', 'a'],
    ['an upper-case scheme', '[x](JAVASCRIPT:alert(1))', 'href', 'a'],
    ['a scheme split by a tab, which browsers remove', '<a href="java&#9;script:alert(1)">x</a>', 'href', 'a'],
    ['a scheme after a space', '<a href=" javascript:alert(1)">x</a>', 'href', 'a'],
    ['a mailto: address as an image', '<img src="mailto:a@example.com" alt="x">', 'src', 'img'],
  ])('fails the build on %s in Markdown that is not a path or an http(s) URL', async (_, body, attribute, tag) => {
    const error = await compileError(body);
    expect(error.field).toBe(attribute);
    expect(error.message).toMatch(new RegExp(`^posts/test\\.md:1: ${attribute}: ".*" on <${tag}> is not a path`));
  });

  it.each([
    ['a JSX link', '<a href="javascript:alert(1)">x</a>', 'href', 'a'],
    ["a component's src", '<Figure src="javascript:alert(1)" alt="x" />', 'src', 'Figure'],
    ['a Markdown link', '[x](vbscript:msgbox)', 'href', 'a'],
    ['a JSX video poster', '<video poster="data:image/png;base64,AAAA" />', 'poster', 'video'],
  ])('fails the build on %s in .mdx that is not a path or an http(s) URL', async (_, body, attribute, tag) => {
    const error = await compileError(`Intro.\n\n${body}\n`, { format: 'mdx' });
    expect(error.field).toBe(attribute);
    expect(error.message).toMatch(new RegExp(`^posts/test\\.mdx:3: ${attribute}: ".*" on <${tag}> is not a path`));
  });

  it('keeps paths, http(s) URLs and, in links, mailto: addresses, whatever the case of their scheme', async () => {
    const html = await render(
      [
        '<MAILTO:FOO@BAR.BAZ> <a href="HTTPS://example.com/">upper</a> [mixed](Http://example.org/) <a href="Mailto:a@example.com">mail</a>',
        '',
        '[relative](other/) [root](/about/) [fragment](#top) [query](?page=2) [protocol-relative](//example.net/x)',
        '',
        '<img src="HTTPS://example.com/a.png" alt="a"> <video poster="https://example.com/p.png" src="HTTP://example.com/v.mp4"></video>',
      ].join('\n'),
    );
    const hrefs = selectAll('a', fromHtml(html, { fragment: true })).map((link) => link.properties.href);
    expect(hrefs).toEqual(['MAILTO:FOO@BAR.BAZ', 'HTTPS://example.com/', 'Http://example.org/', 'Mailto:a@example.com', 'other/', '/about/', '#top', '?page=2', '//example.net/x']);
    expect(html).toMatch(/<img alt="a" src="HTTPS:\/\/example.com\/a.png"/);
    expect(html).toContain('<video poster="https://example.com/p.png" src="HTTP://example.com/v.mp4"></video>');
    // An upper-case link elsewhere is marked external like any other.
    expect(html).toMatch(/<a href="HTTPS:\/\/example.com\/" class="external-link" rel="external noopener">upper/);
  });
});

describe('ids and names from raw HTML (DOM clobbering)', () => {
  const ids = (html: string, property: 'id' | 'name') => selectAll(`[${property}]`, fromHtml(html, { fragment: true })).map((element) => element.properties[property]);

  it('prefixes every id and name from raw HTML, so none can stand in for the page\'s own', async () => {
    const html = await render('<img name="getElementById" src="https://example.com/a.png" alt=""> <a id="theme-script">x</a> <span id="theme-toggle">y</span> <a name="main">z</a>');
    expect(ids(html, 'id')).toEqual(['user-content-theme-script', 'user-content-theme-toggle']);
    expect(ids(html, 'name')).toEqual(['user-content-getElementById', 'user-content-main']);
  });

  it('points # links at the prefixed ids, and keeps footnotes and heading anchors working', async () => {
    const html = await render(
      ['## Setup', '', 'See [the note](#note), [the old anchor](#old), [setup](#setup) and a footnote[^1].', '', '<span id="note">Note</span> <a name="old">Old</a>', '', '<h2 id="intro">Intro</h2>', '', '[^1]: The footnote.'].join('\n'),
    );
    const tree = fromHtml(html, { fragment: true });
    const href = (name: string) => selectAll('a', tree).find((link) => hastToString(link) === name)?.properties.href;
    expect(href('the note')).toBe('#user-content-note');
    expect(href('the old anchor')).toBe('#user-content-old');
    expect(href('setup')).toBe('#setup');
    // Every # link has its target, and every heading's anchor names its heading.
    const targets = new Set(selectAll('[id], a[name]', tree).map((element) => String(element.properties.id ?? element.properties.name)));
    const fragments = selectAll('a[href^="#"]', tree).map((link) => decodeURIComponent(String(link.properties.href).slice(1)));
    expect(fragments.filter((fragment) => !targets.has(fragment))).toEqual([]);
    expect(selectAll('h2 + a', tree).map((anchor) => [anchor.properties.href, anchor.properties.ariaLabelledBy])).toEqual([
      ['#setup', ['setup']],
      ['#user-content-intro', ['user-content-intro']],
    ]);
    // The footnote: its reference and its back link point at each other, described by the hidden label.
    const reference = select('sup > a', tree)!;
    expect(reference.properties).toMatchObject({ href: '#user-content-fn-1', id: 'user-content-fnref-1', ariaDescribedBy: ['user-content-footnote-label'] });
    expect(select('#user-content-fn-1 a', tree)!.properties.href).toBe('#user-content-fnref-1');
    expect(select('h2.sr-only', tree)!.properties.id).toBe('user-content-footnote-label');
  });
});

describe('raw HTML elements whose content is not HTML (GFM\'s tag filter)', () => {
  const FILTERED = ['title', 'textarea', 'style', 'xmp', 'script', 'noembed', 'noframes', 'plaintext'];
  /** The body's text and elements, as a browser would read its HTML. */
  const shown = async (body: string) => {
    const tree = fromHtml(await render(body), { fragment: true });
    return { text: hastToString(tree).replace(/\s+/g, ' ').trim(), tags: selectAll('*', tree).map((element) => element.tagName) };
  };

  it.each(FILTERED)('removes <%s> with its content, leaving no text, in a paragraph and as a block', async (name) => {
    expect(await shown(`Before <${name}>hidden **x**</${name}> after **bold**.\n\nNext *paragraph*.`)).toEqual({ text: 'Before after bold. Next paragraph.', tags: ['p', 'strong', 'p', 'em'] });
    expect(await shown(`<${name.toUpperCase()} class="x">\nhidden\n</${name.toUpperCase()}>\n\nAfter *it*.`)).toEqual({ text: 'After it.', tags: ['p', 'em'] });
    expect(await shown(`<div><${name}>hidden</${name}>shown</div>`)).toEqual({ text: 'shown', tags: ['div'] });
  });

  it.each(['textarea', 'style', 'script'])('removes a <%s> block with blank lines in it, which CommonMark keeps as one block of HTML', async (name) => {
    expect(await shown(`<${name}>\nhidden\n\n*still hidden*\n</${name}>\nAfter *it*.`)).toEqual({ text: 'After it.', tags: ['p', 'em'] });
    expect(await shown(`<${name}>\nhidden\n\n*still hidden*\n</${name}>\n\nAfter *it*.`)).toEqual({ text: 'After it.', tags: ['p', 'em'] });
  });

  it.each(FILTERED)('never lets an unclosed <%s> swallow what follows: its start tag alone is removed', async (name) => {
    expect(await shown(`Before <${name}> after **bold**.\n\nNext *paragraph*.\n\n<p>Raw <em>HTML</em></p>`)).toEqual({
      text: 'Before after bold. Next paragraph. Raw HTML',
      tags: ['p', 'strong', 'p', 'em', 'p', 'em'],
    });
    expect(await shown(`<div><${name} title="a>b">\nshown\n\nAfter *it*.`)).toEqual({ text: 'shown After it.', tags: ['div', 'p', 'em'] });
  });

  it('keeps an <iframe> embed, closed at its start tag: its content is dropped, and an unclosed one swallows nothing', async () => {
    const embed = '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Talk"></iframe>';
    expect(await render('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Talk">fallback</iframe>')).toBe(embed);
    expect(await render('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Talk">\n\nAfter *it*.')).toBe(`${embed}\n<p>After <em>it</em>.</p>`);
    expect(await render('Inline <iframe src="https://www.youtube-nocookie.com/embed/abc" title="Talk"> then **bold**.')).toBe(`<p>Inline ${embed} then <strong>bold</strong>.</p>`);
  });

  it('reads a tag in a comment as part of the comment, and a stray end tag as nothing', async () => {
    expect(await shown('<div><!-- <style> --><p>kept</p></div>\n\nText </style></textarea> more.')).toEqual({ text: 'kept Text more.', tags: ['div', 'p', 'p'] });
  });
});

describe('.mdx is MDX', () => {
  it('renders the built-in components and runs the author\'s expressions', async () => {
    const html = await render('<Callout type="tip" title="Cache">Everything.</Callout>\n\n<Figure src="https://example.com/a.png" alt="A chart" caption="Hit ratios" />\n\nTotal: {3 * 7}', { format: 'mdx' });
    expect(html).toMatch(/<aside [^>]*aria-label="Cache"[^>]*><p[^>]*>Cache<\/p>/);
    expect(html).toMatch(/<figure[^>]*><img alt="A chart" src="https:\/\/example.com\/a.png" loading="eager" fetchPriority="high" decoding="async"\/>/);
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
  beforeAll(() => writeImage(path.join(assetDir, 'diagram.png'), 200, 100, 'png'));

  it('points relative images, links and media at the published asset folder', async () => {
    fs.writeFileSync(path.join(assetDir, 'notes.txt'), 'notes');
    const html = await render('![A diagram](./diagram.png) [the notes](./notes.txt)\n\n<video src="./diagram.png"></video>', { assetDir });
    expect(html).toMatch(/<img alt="A diagram" src="\/_img\/diagram-[0-9a-f]{12}-200\.png"/);
    expect(html).toContain('<a href="/posts/test/notes.txt">the notes</a>');
    expect(html).toContain('<video src="/posts/test/diagram.png">');
  });

  it('gives an MDX component\'s relative src the built image too', async () => {
    const html = await render('<Figure src="./diagram.png" alt="A diagram" caption="Beside the post" />', { assetDir, format: 'mdx' });
    expect(html).toMatch(/<figure[^>]*><span class="image-zoom"><button [^>]*><picture><source type="image\/avif" srcSet="\/_img\/diagram-[0-9a-f]{12}-200\.avif 200w"/);
    const error = await compileError('<Figure src="./gone.png" alt="Gone" />', { assetDir, format: 'mdx' });
    expect(error.message).toMatch(/^posts\/test\.mdx:1: image "\.\/gone\.png" points to a file that does not exist/);
  });

  it('fails on a missing image, naming the file, the line and the path', async () => {
    const error = await compileError('Text.\n\n![Gone](./missing.png)', { assetDir, bodyStartLine: 5 });
    expect(error.message).toBe(`posts/test.md:7: image "./missing.png" points to a file that does not exist in ${path.basename(assetDir)}/`);
  });

  it('fails on a link to a missing file', async () => {
    const error = await compileError('See [the data](./missing.csv).', { assetDir });
    expect(error.message).toBe(`posts/test.md:1: link "./missing.csv" points to a file that does not exist in ${path.basename(assetDir)}/`);
  });

  it.each([
    ['a link', '[the package](../../package.json)', 'link "../../package.json"'],
    ['a video', '<video src="../../../etc/passwd"></video>', '<video src> "../../../etc/passwd"'],
    ['an encoded link', '[x](%2E%2E/%2E%2E/package.json)', 'link "%2E%2E/%2E%2E/package.json"'],
    ['a link that climbs back up', '[x](./a/../../secret.txt)', 'link "./a/../../secret.txt"'],
    ['an image', '![A diagram](../diagram.png)', 'image "../diagram.png"'],
    ['a quote\'s source', '<blockquote cite="../notes.txt">x</blockquote>', '<blockquote cite> "../notes.txt"'],
  ])('fails on %s that climbs out of the folder, naming the file and the line', async (_, body, what) => {
    const error = await compileError(`Intro.\n\n${body}`, { assetDir, bodyStartLine: 3 });
    expect(error.message).toBe(`posts/test.md:5: ${what} points outside ${path.basename(assetDir)}/`);
  });

  it('fails on an MDX component\'s src that climbs out of the folder', async () => {
    const error = await compileError('<Figure src="../other/diagram.png" alt="A diagram" />', { assetDir, format: 'mdx' });
    expect(error.message).toBe(`posts/test.mdx:1: image "../other/diagram.png" points outside ${path.basename(assetDir)}/`);
  });

  it('fails on a link that is not a valid URL, naming it', async () => {
    const error = await compileError('See [the data](./bad%E0.csv).', { assetDir });
    expect(error.message).toBe('posts/test.md:1: link "./bad%E0.csv" is not a valid URL');
  });
});

describe('math', () => {
  it('renders $inline$ and $$display$$ math with KaTeX at build time in .md, with MathML for screen readers', async () => {
    const { html, usesMath } = await compileAndRender('Energy: $E = mc^2$.\n\n$$\n\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\n$$\n');
    expect(usesMath).toBe(true);
    expect(html).toMatch(/<p>Energy: <span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">/);
    expect(html).toContain('<annotation encoding="application/x-tex">E = mc^2</annotation>');
    // A wide formula scrolls in its own box rather than widening the page.
    expect(html).toMatch(/<span class="katex-display" style="overflow-x:auto;overflow-y:hidden"><span class="katex"><span class="katex-mathml"><math [^>]*display="block"/);
    expect(html).toContain('<span class="mfrac">');
    // The TeX source is not left behind as code.
    expect(html).not.toMatch(/<code|language-math/);
  });

  it('renders math in .mdx, where braces in TeX are not expressions', async () => {
    const { html, usesMath } = await compileAndRender('Half: $\\frac{1}{2}$, and {1 + 1} is an expression.', { format: 'mdx' });
    expect(usesMath).toBe(true);
    expect(html).toContain('<annotation encoding="application/x-tex">\\frac{1}{2}</annotation>');
    expect(html).toContain('is an expression');
    expect(html).toMatch(/, and 2 is an expression/);
  });

  it('renders a ```math block as display math', async () => {
    const html = await render('```math\na^2 + b^2 = c^2\n```');
    expect(html).toMatch(/^<span class="katex-display"[^>]*><span class="katex">/);
    expect(html).not.toContain('<pre');
  });

  it('reports no math, so no stylesheet, for a body without any; an escaped \\$ is a dollar', async () => {
    const { html, usesMath } = await compileAndRender('It costs \\$5, or \\$10 with `$code$`.\n\n```ts\nconst price = "$5";\n```');
    expect(usesMath).toBe(false);
    expect(html).not.toContain('katex');
    expect(html).toContain('It costs $5, or $10 with <code>$code$</code>.');
  });

  it('keeps KaTeX\'s untrusted commands off: no links or styles from TeX', async () => {
    // KaTeX warns that \htmlStyle is not LaTeX; the warning is not what this test is about.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const html = await render('$\\href{javascript:alert(1)}{click}$ and $\\htmlStyle{position:fixed}{x}$');
    warn.mockRestore();
    // The commands are shown as errors; their arguments stay in the TeX annotation, as text.
    expect(html).toMatch(/<span class="mord" style="color:#cc0000">\\href<\/span>/);
    expect(html).not.toMatch(/<a |href=|style="[^"]*position/);
  });

  it('keeps raw HTML sanitized around math', async () => {
    const html = await render('$x$ <img src="https://example.com/a.png" onerror="alert(1)" alt="a"> <code class="language-math" onclick="alert(2)">y</code>');
    expect(html).not.toMatch(/onerror|onclick/);
    expect(html).toMatch(/<img alt="a" [^>]*src="https:\/\/example.com\/a.png"/);
  });
});

describe('GitHub alerts', () => {
  it.each([
    ['NOTE', 'note', 'Note'],
    ['TIP', 'tip', 'Tip'],
    ['IMPORTANT', 'important', 'Important'],
    ['WARNING', 'warning', 'Warning'],
    ['CAUTION', 'caution', 'Caution'],
  ])('> [!%s] in .md is a Callout aside named "%s"', async (marker, type, title) => {
    const html = await render(`> [!${marker}]\n> Back up **first**.\n> Then [upgrade](/upgrade/).`);
    expect(html).toMatch(new RegExp(`^<aside class="callout callout-${type}" aria-label="${title}"><p class="callout-title">${title}</p><div class="callout-content">\\s*<p>Back up <strong>first</strong>.\\nThen <a href="/upgrade/">upgrade</a>.</p>\\s*</div></aside>$`));
    expect(html).not.toContain(`[!${marker}]`);
    expect(html).not.toContain('<blockquote');
  });

  it('works in .mdx too, and leaves the GitHub title and icon out', async () => {
    const html = await render('> [!WARNING]\n> Mind the gap.\n\n> [!TIP]\n>\n> A tip after a blank line.', { format: 'mdx' });
    expect(html).toMatch(/<aside class="callout callout-warning" aria-label="Warning"><p class="callout-title">Warning<\/p><div class="callout-content">\s*<p>Mind the gap.<\/p>/);
    expect(html).toMatch(/<aside class="callout callout-tip" aria-label="Tip">.*<p>A tip after a blank line.<\/p>/s);
    expect(html).not.toMatch(/<svg|WARNING|markdown-alert/);
  });

  it('leaves plain quotes and unknown markers as quotes', async () => {
    const html = await render('> Just a quote.\n\n> [!DANGER]\n> Not a GitHub alert type.');
    expect(html).toContain('<blockquote>\n<p>Just a quote.</p>\n</blockquote>');
    expect(html).toContain('[!DANGER]');
    expect(html).not.toContain('<aside');
  });

  it('sanitizes raw HTML inside an alert in .md', async () => {
    const html = await render('> [!NOTE]\n> <img src="https://example.com/x.png" alt="x" onerror="alert(1)"> <a href="https://example.com/" onclick="alert(2)">x</a>\n>\n> <script>alert(3)</script>');
    expect(html).toContain('<aside class="callout callout-note" aria-label="Note">');
    expect(html).not.toMatch(/onerror|onclick|<script/);
    expect((await compileError('> [!NOTE]\n> <a href="javascript:alert(2)">x</a>')).field).toBe('href');
  });
});

describe('code blocks', () => {
  const code = ['const a = 1;', 'const b = 2;', 'const c = 3;', 'const d = 4;'].join('\n');
  const lines = (html: string) => [...html.matchAll(/<span data-line=""( data-highlighted-line="")?>/g)].map((match) => Boolean(match[1]));

  it.each(['md', 'mdx'] as const)('in .%s: highlighted lines past the block\'s end fail naming the range, at no cost', async (format) => {
    const started = performance.now();
    const error = await compileError(`Intro.\n\n\`\`\`ts {2,5-100000000}\n${code}\n\`\`\``, { format });
    expect(error.message).toBe(`posts/test.${format}:3: code block highlights line 100000000 ({2,5-100000000}), but it has 4 lines`);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await compileError('```js {2}\nalone\n```', { format })).message).toBe(`posts/test.${format}:1: code block highlights line 2 ({2}), but it has 1 line`);
  });

  it.each(['md', 'mdx'] as const)('in .%s: a title, highlighted lines and line numbers', async (format) => {
    const html = await render(`\`\`\`ts title="lib/a.ts" {1,3-4} showLineNumbers\n${code}\n\`\`\``, { format });
    expect(html).toMatch(/^<figure class="code-block" data-rehype-pretty-code-figure=""><figcaption data-rehype-pretty-code-title=""[^>]*>lib\/a.ts<\/figcaption><pre class="shiki"/);
    expect(lines(html)).toEqual([true, false, true, true]);
    expect(html).toMatch(/<code data-line-numbers=""[^>]* data-line-numbers-max-digits="1">/);
    // The meta is read, not shown.
    expect(html.match(/lib\/a\.ts/g)).toHaveLength(1);
    expect(html).not.toMatch(/showLineNumbers|\{1,3-4\}|metastring/);
  });

  it.each(['md', 'mdx'] as const)('in .%s: the text of each block is the code written, byte for byte, with its highlighting', async (format) => {
    // Each fence's content, as CommonMark defines it: its lines, each with its line ending.
    const blocks = ['\tindented with a tab\n\nafter a blank line\n', '', 'one line\n', 'trailing blank lines\n\n\n', '\n\nleading blank lines\n'];
    const body = blocks.map((content) => `\`\`\`ts\n${content}\`\`\``).join('\n\n');
    const codeTexts = (html: string) => selectAll('pre', fromHtml(html, { fragment: true })).map((pre) => hastToString(pre));
    expect(codeTexts(await render(body, { format }))).toEqual(blocks);

    const featured = await render('```ts title="a.ts" {3} showLineNumbers\nconst a = 1;\n\nconst b = 2;\n```', { format });
    expect(codeTexts(featured)).toEqual(['const a = 1;\n\nconst b = 2;\n']);
    expect(lines(featured)).toEqual([false, false, true]);
    // The blank line is an empty row, which the stylesheet gives its height.
    expect(featured).toContain('<span data-line=""></span>');
  });

  it('shows no title, highlight or numbers unless asked', async () => {
    const html = await render(`\`\`\`ts\n${code}\n\`\`\``);
    expect(html).not.toContain('figcaption');
    expect(lines(html)).toEqual([false, false, false, false]);
    expect(html).not.toContain('data-line-numbers');
  });

  it('leaves inline code alone', async () => {
    expect(await render('Call `run(){:ts}` or `fetch()`.')).toBe('<p>Call <code>run(){:ts}</code> or <code>fetch()</code>.</p>');
  });

  it('colours every token however long a line takes to tokenize, as on a busy machine', async () => {
    const body = '```ts\nconst answer: number = 42;\n```';
    const tokenColours = (html: string) => [...html.matchAll(/--shiki-light:(#\w+)/g)].map((match) => match[1]);
    const expected = tokenColours(await render(body));
    // Each reading of the clock is a second later: shiki's 500 ms limit per line would stop at once.
    let now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    try {
      expect(tokenColours(await render(body))).toEqual(expected);
    } finally {
      clock.mockRestore();
    }
    expect(new Set(expected).size).toBeGreaterThan(2);
  });

  it('uses one highlighter per process', async () => {
    await jest.isolateModulesAsync(async () => {
      const shiki = jest.requireActual<typeof import('shiki')>('shiki');
      const createHighlighter = jest.fn(shiki.createHighlighter);
      jest.doMock('shiki', () => ({ ...shiki, createHighlighter }));
      const { compileBody: freshCompileBody } = await import('../lib/markdown/compile');
      for (const body of ['```ts\nconst a = 1;\n```', '```python\nprint(1)\n```', '```ts\nlet b = 2;\n```']) {
        await freshCompileBody({ body, format: 'md', bodyStartLine: 1, assetDir: null, sourcePath: 'posts/t.md', slug: 't' });
      }
      expect(createHighlighter).toHaveBeenCalledTimes(1);
    });
  });
});

describe('YouTube embeds', () => {
  const ID = 'WFRIivS2mpo';

  it.each([
    [`https://www.youtube.com/watch?v=${ID}`, 'YouTube video'],
    [`https://youtu.be/${ID}`, 'YouTube video'],
    [`<https://m.youtube.com/watch?v=${ID}&feature=share>`, 'YouTube video'],
    [`[Cache me if you can](https://www.youtube.com/watch?v=${ID})`, 'Cache me if you can'],
  ])('a link alone on a line in .md, %s, becomes a click-to-load embed titled "%s"', async (line, title) => {
    const html = await render(`Intro.\n\n${line}\n\nAfter.`);
    expect(html).toMatch(
      new RegExp(`<figure class="youtube"><iframe class="youtube-frame" title="${title}" src="https://www.youtube-nocookie.com/embed/${ID}" srcDoc="[^"]+" loading="lazy"`),
    );
    expect(html).toContain(`<figcaption class="youtube-caption"><a href="https://www.youtube.com/watch?v=${ID}">${title}</a> on YouTube</figcaption>`);
    expect(html).toContain('<p>Intro.</p>');
    expect(html).toContain('<p>After.</p>');
  });

  it('keeps a start time from t=', async () => {
    const html = await render(`https://youtu.be/${ID}?t=1m30s`);
    expect(html).toContain(`src="https://www.youtube-nocookie.com/embed/${ID}?start=90"`);
    expect(html).toContain(`href="https://www.youtube.com/watch?v=${ID}&amp;t=90s"`);
  });

  it('leaves a link within a sentence, and links to YouTube that are not videos, as links', async () => {
    const html = await render(
      [`Watch [the talk](https://youtu.be/${ID}) first.`, '', 'https://www.youtube.com/@folio', '', 'https://youtu.be/not-an-id', '', `https://example.com/watch?v=${ID}`].join('\n'),
    );
    expect(html).not.toContain('<iframe');
    expect(html).toContain(`<a href="https://youtu.be/${ID}" class="external-link" rel="external noopener">the talk`);
    expect(html.match(/<a /g)).toHaveLength(4);
  });

  it.each(['md', 'mdx'] as const)('in .%s, a link to a video alone on a line is an embed', async (format) => {
    expect(await render(`https://youtu.be/${ID}`, { format })).toMatch(/^<figure class="youtube"><iframe /);
  });

  it('is a <YouTube> component in .mdx', async () => {
    const html = await render(`<YouTube id="${ID}" title="Cache me if you can" start={42} />`, { format: 'mdx' });
    expect(html).toMatch(new RegExp(`<iframe class="youtube-frame" title="Cache me if you can" src="https://www.youtube-nocookie.com/embed/${ID}\\?start=42"`));
  });

  it('reports a <YouTube> without a video id, with its line', async () => {
    const error = await compileError('Intro.\n\n<YouTube id="https://youtu.be/x" title="Talk" />\n', { format: 'mdx', bodyStartLine: 4 });
    expect(error.message).toMatch(/^posts\/test\.mdx:6: <YouTube> needs an id="…"/);
  });

  it('is not a way in for raw HTML in .md: a raw <YouTube> is dropped, a raw link alone on a line is embedded safely', async () => {
    const html = await render(`<YouTube id="${ID}" title="x"></YouTube>\n\n<p><a href="https://youtu.be/${ID}" onclick="alert(1)">Talk</a></p>`);
    expect(html.match(/<iframe/g)).toHaveLength(1);
    expect(html).not.toMatch(/onclick|<youtube/i);
  });
});

describe('the excerpt of a post whose front matter gives none: its first paragraph', () => {
  const imageStore = scratchImageStore().store;
  const excerptOf = async (body: string, format: 'md' | 'mdx' = 'md') =>
    (await compileBody({ body, format, bodyStartLine: 1, assetDir: null, sourcePath: `posts/test.${format}`, slug: 'test' }, { imageStore })).excerpt;
  /** Prose long enough to fill any lead. */
  const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

  it('is the first paragraph as plain text, cut near 160 characters at a word boundary', async () => {
    const sentence = 'The **quick** brown fox jumps over the [lazy](https://example.com) dog again and again. ';
    const excerpt = await excerptOf(`## A heading first\n\n${sentence.repeat(4)}\n\nSecond paragraph.`);
    expect(excerpt.startsWith('The quick brown fox jumps over the lazy dog again and again. The quick')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(161);
    expect(excerpt.length).toBeGreaterThan(120);
    expect(excerpt).toMatch(/ [a-z]+…$/);
    expect(excerpt).not.toMatch(/\*|\[|\]|\(/);
  });

  it('keeps a short first paragraph whole, after a long code block with blank lines in it', async () => {
    const code = Array.from({ length: 300 }, (_, i) => `line ${i}\n`).join('\n');
    expect(await excerptOf(`\`\`\`text\n${code}\`\`\`\n\nAfter the code.\n\n${filler(500)}\n`)).toBe('After the code.');
    expect(await excerptOf(`${'> '.repeat(100)}A quote, deep.\n\n* * *\n\n- - - - - -\n\nAfter the quote.`)).toBe('After the quote.');
  });

  it('resolves a link reference defined at the end of a long body', async () => {
    expect(await excerptOf(`See [the docs][docs] first.\n\n${filler(1000)}\n\n[docs]: https://example.com/docs\n`)).toBe('See the docs first.');
  });

  it('in .mdx, leaves out prose inside a component and the expressions', async () => {
    expect(await excerptOf('<Callout type="tip">\n  Not this.\n</Callout>\n\nThis is {"the"} first paragraph.', 'mdx')).toBe('This is first paragraph.');
    const callout = `<Callout type="note">\n\nInside the callout.\n\n${Array.from({ length: 40 }, () => filler(10)).join('\n\n')}\n\n</Callout>`;
    expect(await excerptOf(`${callout}\n\nAfter the callout.\n\n${filler(400)}\n`, 'mdx')).toBe('After the callout.');
  });

  it('is empty for a body without a paragraph', async () => {
    expect(await excerptOf(`## Only a heading\n\n\`\`\`js\n${filler(800)}\n\`\`\`\n`)).toBe('');
  });
});

describe('the excerpt marker: <!-- more --> in .md, {/* more */} in .mdx', () => {
  const imageStore = scratchImageStore().store;
  const compiled = (body: string, format: 'md' | 'mdx' = 'md') =>
    compileBody({ body, format, bodyStartLine: 1, assetDir: null, sourcePath: `posts/test.${format}`, slug: 'test' }, { imageStore });
  const lead = 'The **first** paragraph.\n\n## A heading\n\n- a [listed](https://example.com) point\n\n```sh\nnot prose\n```\n\nThe second one.';
  const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');

  it.each([
    ['md', '<!-- more -->'],
    ['md', '<!--more-->'],
    ['mdx', '{/* more */}'],
  ] as const)('in .%s, %s makes the excerpt every paragraph, list and quote before it, as plain text', async (format, marker) => {
    const { excerpt } = await compiled(`${lead}\n\n${marker}\n\nAfter the marker.`, format);
    expect(excerpt).toBe('The first paragraph. a listed point The second one.');
  });

  it('keeps the text before the marker whole past excerptLength, up to four times it', async () => {
    const { excerpt } = await compiled(`${long}\n\n${long}\n\n<!-- more -->\n\nRest.`);
    expect(excerpt).toBe(`${long} ${long}`);
    expect(excerpt.length).toBeGreaterThan(160);
    const { excerpt: runaway } = await compiled(`${Array.from({ length: 20 }, () => long).join('\n\n')}\n\n<!-- more -->\n\nRest.`);
    expect(runaway.length).toBeLessThanOrEqual(641);
    expect(runaway).toMatch(/…$/);
  });

  it.each([
    ['md', '<!-- more -->'],
    ['mdx', '{/* more */}'],
  ] as const)('renders nothing for the marker in .%s, and the whole body around it', async (format, marker) => {
    const html = await render(`Before.\n\n${marker}\n\nAfter.`, { format });
    expect(html).toBe('<p>Before.</p>\n<p>After.</p>');
  });

  it('is only a marker on a line of its own: another comment, or one inside a paragraph, is not one and is no text', async () => {
    expect((await compiled('First paragraph.\n\n<!-- not more -->\n\nSecond.')).excerpt).toBe('First paragraph.');
    expect((await compiled('First <!-- more --> <b>bold</b> paragraph.\n\nSecond.')).excerpt).toBe('First bold paragraph.');
  });
});

describe('youTubeVideo', () => {
  it('finds the video id and start time of watch and short links', () => {
    expect(youTubeVideo('https://www.youtube.com/watch?v=WFRIivS2mpo')).toEqual({ id: 'WFRIivS2mpo', start: 0 });
    expect(youTubeVideo('http://youtube.com/watch?feature=share&v=WFRIivS2mpo&t=75')).toEqual({ id: 'WFRIivS2mpo', start: 75 });
    expect(youTubeVideo('https://youtu.be/WFRIivS2mpo?t=1h2m3s')).toEqual({ id: 'WFRIivS2mpo', start: 3723 });
    expect(youTubeVideo('https://m.youtube.com/watch?v=WFRIivS2mpo&t=bogus')).toEqual({ id: 'WFRIivS2mpo', start: 0 });
  });

  it('is null for anything else', () => {
    for (const url of ['https://www.youtube.com/@channel', 'https://www.youtube.com/watch?v=short', 'https://youtu.be/', 'https://notyoutube.com/watch?v=WFRIivS2mpo', 'javascript://youtu.be/WFRIivS2mpo', 'youtu.be/WFRIivS2mpo', 'https://[oops']) {
      expect(youTubeVideo(url)).toBeNull();
    }
  });
});
