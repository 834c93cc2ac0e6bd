/** @jest-environment node */
// What raw HTML in a `.md` post keeps and loses (lib/markdown/compile.ts: the tag filter, the
// sanitizer's allow-list, the prefixing of ids, the check of every URL), element by element
// and attribute by attribute, through the real pipeline and the post page's renderer.
import { compileBody } from '../lib/markdown/compile';
import { contentErrorOf } from './helpers/content-error';
import { scratchImageStore } from './helpers/images';
import { compileAndRender } from './helpers/render-body';

jest.setTimeout(60_000);

const render = async (body: string, format: 'md' | 'mdx' = 'md') => (await compileAndRender(body, { format })).html;

const compileError = (body: string, format: 'md' | 'mdx' = 'md') => contentErrorOf(compileAndRender(body, { format }));

describe('the allow-list of raw HTML', () => {
  it('keeps the embeds, media, figures and marks it adds to GitHub\'s, with their attributes', async () => {
    const html = await render(
      [
        '<iframe src="https://example.org/embed" title="Talk" width="560" height="315" allow="fullscreen" allowfullscreen loading="lazy" referrerpolicy="no-referrer" frameborder="0"></iframe>',
        '',
        '<video src="https://example.org/v.mp4" poster="/p.jpg" width="640" height="360" controls muted loop playsinline preload="none"><source src="https://example.org/v.webm" type="video/webm" srcset="https://example.org/v.webm" media="(min-width: 1px)"></video>',
        '',
        '<audio src="https://example.org/a.mp3" controls loop preload="metadata"></audio>',
        '',
        '<figure class="wide"><img src="https://example.org/a.png" alt="A"><figcaption>A <mark>marked</mark> <abbr title="HyperText Markup Language">HTML</abbr> caption</figcaption></figure>',
      ].join('\n'),
    );
    expect(html).toContain(
      '<iframe src="https://example.org/embed" title="Talk" width="560" height="315" allow="fullscreen" allowFullScreen="" loading="lazy" referrerPolicy="no-referrer" frameBorder="0"></iframe>',
    );
    expect(html).toContain('<video src="https://example.org/v.mp4" poster="/p.jpg" width="640" height="360" controls="" muted="" loop="" playsInline="" preload="none">');
    expect(html).toContain('<source src="https://example.org/v.webm" type="video/webm" srcSet="https://example.org/v.webm" media="(min-width: 1px)"/>');
    expect(html).toContain('<audio src="https://example.org/a.mp3" controls="" loop="" preload="metadata"></audio>');
    expect(html).toContain('<figure class="wide">');
    expect(html).toContain('<figcaption>A <mark>marked</mark> <abbr title="HyperText Markup Language">HTML</abbr> caption</figcaption>');
  });

  it('keeps no attribute it does not list on an embed, and prefixes ids and names', async () => {
    const html = await render('<iframe src="https://example.org/e" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;" name="frame" sandbox="allow-scripts"></iframe>\n\n<abbr title="t" id="x">A</abbr>');
    expect(html).toContain('<iframe src="https://example.org/e" name="user-content-frame"></iframe>');
    expect(html).toContain('<abbr title="t" id="user-content-x">A</abbr>');
  });
});

describe('the tag filter', () => {
  it('removes an inline filtered element with its content, in any case, whatever inline HTML it holds', async () => {
    expect(await render('a <STYLE>x</STYLE> b')).toBe('<p>a  b</p>');
    expect(await render('a <style>x <b>bold</b> y</style> z')).toBe('<p>a  z</p>');
    expect(await render('a </style> b <style>c</style> d')).toBe('<p>a  b  d</p>');
  });

  it('goes on filtering after an inline element it removed', async () => {
    // A stray <textarea> left unfiltered would swallow the rest of the paragraph. (An <xmp> starts no HTML block.)
    expect(await render('<xmp>x</xmp> one <textarea> two')).toBe('<p> one  two</p>');
  });

  it('keeps an inline iframe, closed at once, in any case', async () => {
    expect(await render('Watch <iframe src="https://example.org/e"></iframe> now')).toBe('<p>Watch <iframe src="https://example.org/e"></iframe> now</p>');
    expect(await render('Watch <IFRAME src="https://example.org/e"></IFRAME> now')).toBe('<p>Watch <iframe src="https://example.org/e"></iframe> now</p>');
  });

  it('drops a stray end tag alone, and keeps what follows it', async () => {
    expect(await render('<div>a</style>keep<style>x</style>b</div>')).toBe('<div>akeepb</div>');
  });

  it('keeps a code block\'s title in a post with raw HTML', async () => {
    expect(await render('<b>raw</b>\n\n```ts title="a.ts"\nconst a = 1;\n```')).toMatch(/<figcaption data-rehype-pretty-code-title=""[^>]*>a\.ts<\/figcaption>/);
  });
});

describe('links to prefixed ids', () => {
  it('point at the prefixed id, percent-encoded or not, and leave a path of the same name alone', async () => {
    expect(await render('<a name="setup"></a> [docs](/setup) [top](#setup)')).toBe('<p><a name="user-content-setup"></a> <a href="/setup">docs</a> <a href="#user-content-setup">top</a></p>');
    expect(await render('<a id="café"></a> [x](#caf%C3%A9)')).toBe('<p><a id="user-content-café"></a> <a href="#user-content-caf%C3%A9">x</a></p>');
  });
});

describe('the check of every URL', () => {
  it('reads a srcset as browsers do: URLs to the next space, commas around them, and writes it back tidy', async () => {
    const at = (name: string) => `https://example.org/${name}`;
    const srcset = ` ,${at('a.png')} 1x,${at('b.png')}  2x, ${at('a,1.png')}, ${at('c.png')},, ${at('d.png')} 4x`;
    expect(await render(`<video src="${at('v.mp4')}"><source src="${at('v.webm')}" srcset="${srcset}"></video>`)).toContain(
      `srcSet="${at('a.png')} 1x, ${at('b.png')} 2x, ${at('a,1.png')}, ${at('c.png')}, ${at('d.png')} 4x"`,
    );
  });

  it('checks each URL of an attribute that holds several', async () => {
    expect((await compileError('<a href="/x" ping="/count javascript:alert(1)">x</a>')).message).toBe(
      'posts/test.md:1: ping: "javascript:alert(1)" on <a> is not a path or an http(s) URL',
    );
  });

  it('reads a scheme after any number of leading spaces, and a colon after a space as part of a path', async () => {
    expect((await compileError('<a href="  javascript:alert(1)">x</a>')).field).toBe('href');
    expect(await render('<a href="Chapter 1: Intro.html">x</a>')).toBe('<p><a href="Chapter 1: Intro.html">x</a></p>');
  });

  it('in .mdx, checks inline elements, a component\'s href, and lower-case elements as HTML whatever letters follow', async () => {
    expect((await compileError('Text <a href="javascript:alert(1)">x</a> more', 'mdx')).message).toBe(
      'posts/test.mdx:1: href: "javascript:alert(1)" on <a> is not a path, an http(s) URL or a mailto: address',
    );
    expect((await compileError('<Button href="javascript:alert(1)">x</Button>', 'mdx')).message).toBe(
      'posts/test.mdx:1: href: "javascript:alert(1)" on <Button> is not a path, an http(s) URL or a mailto: address',
    );
    expect((await compileError('<xVideo poster="data:image/png;base64,AAAA" />', 'mdx')).message).toBe(
      'posts/test.mdx:1: poster: "data:image/png;base64,AAAA" on <xVideo> is not a path or an http(s) URL',
    );
  });

  it('in .mdx, leaves a component\'s other props and an expression\'s value to the component', async () => {
    const compile = (body: string) => compileBody({ body, format: 'mdx', bodyStartLine: 1, assetDir: null, sourcePath: 'posts/test.mdx', slug: 'test' }, { imageStore: scratchImageStore().store });
    // `cite` is a URL on HTML's <q>, and a component's own prop here.
    await expect(compile('<Quote cite="urn:isbn:0451450523">x</Quote>')).resolves.toBeDefined();
    expect(await render('<a href={"/x"}>x</a>', 'mdx')).toBe('<a href="/x">x</a>');
  });
});
