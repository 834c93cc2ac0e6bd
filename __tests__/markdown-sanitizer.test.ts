/** @jest-environment node */
// What raw HTML in a `.md` post keeps and loses (lib/markdown/compile.ts: the tag filter, the
// sanitizer's allow-list, the prefixing of ids, the check of every URL), element by element
// and attribute by attribute, through the real pipeline and the post page's renderer.
import { compileAndRender } from './helpers/render-body';

jest.setTimeout(60_000);

const render = async (body: string) => (await compileAndRender(body)).html;

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
