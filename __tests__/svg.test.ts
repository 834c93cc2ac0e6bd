/**
 * @jest-environment node
 *
 * SVG files are published inert (lib/images/svg.ts): what could run script or load from elsewhere
 * is gone, and what draws the image stays. The output is read back with a real XML parser, as a
 * browser opening the file reads it.
 */
import { fromXml } from 'xast-util-from-xml';
import type { Element as XmlElement, Root as XmlRoot } from 'xast';
import { sanitizeSvg } from '../lib/images/svg';

/** Every element of the XML document `xml`, with its attributes, in document order. */
function elementsOf(xml: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (node: XmlRoot | XmlElement) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      found.push(child);
      walk(child);
    }
  };
  walk(fromXml(xml));
  return found;
}

const attributesOf = (xml: string) => elementsOf(xml).flatMap((element) => Object.entries(element.attributes).map(([name, value]) => `${element.name} ${name}=${value}`));

describe('sanitizeSvg', () => {
  it('keeps what draws the image, with its ids, references, styles and text', () => {
    const source = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generator: a drawing program -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 60" width="120" height="60">
  <style>.label { font-family: 'Helvetica Neue', Arial; fill: #333 }</style>
  <defs><linearGradient id="sky"><stop offset="0" stop-color="#9cf"/></linearGradient><path id="arc" d="M0 0 L10 10"/></defs>
  <rect width="120" height="60" fill="url(#sky)" style="stroke: red; stroke-width: 2px"/>
  <use xlink:href="#arc" href="#arc"/>
  <a href="https://example.org/"><text class="label" x="4" y="20">Tom &amp; Jerry &lt;3</text></a>
  <circle r="5"><animateTransform attributeName="transform" type="rotate" from="0" to="360" dur="2s" repeatCount="indefinite"/></circle>
  <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
</svg>`;
    const clean = sanitizeSvg(source);
    expect(elementsOf(clean).map((element) => element.name)).toEqual(['svg', 'style', 'defs', 'linearGradient', 'stop', 'path', 'rect', 'use', 'a', 'text', 'circle', 'animateTransform', 'image']);
    expect(attributesOf(clean)).toEqual(
      expect.arrayContaining([
        'svg viewBox=0 0 120 60',
        'svg xmlns=http://www.w3.org/2000/svg',
        'linearGradient id=sky',
        'rect fill=url(#sky)',
        'rect style=stroke: red; stroke-width: 2px',
        'use xlink:href=#arc',
        'use href=#arc',
        'a href=https://example.org/',
        'text class=label',
        'animateTransform attributeName=transform',
        'image href=data:image/png;base64,iVBORw0KGgo=',
      ]),
    );
    expect(clean).toContain(".label { font-family: 'Helvetica Neue', Arial; fill: #333 }");
    expect(clean).toContain('Tom &#x26; Jerry &#x3C;3');
  });

  it('removes scripts, event handlers, HTML, script links and animated links', () => {
    const source = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
  <script>alert(2)</script>
  <script xlink:href="https://evil.example/x.js"/>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(3)"/>HTML text</div></foreignObject>
  <a xlink:href="javascript:alert(4)"><rect width="5" height="5" onclick="alert(5)"/></a>
  <a href=" JavaScript:alert(6)"><circle r="1"/></a>
  <a href="java&#x09;script:alert(7)"><circle r="2"/></a>
  <a href="data:text/html,&lt;script&gt;alert(8)&lt;/script&gt;"><circle r="3"/></a>
  <a href="#top"><set attributeName="href" to="javascript:alert(9)"/><animate attributeName="xlink:href" values="javascript:alert(10)"/><set attributeName="onclick" to="alert(11)"/></a>
  <iframe src="javascript:alert(12)"/><embed src="x.swf"/><object data="x.html"/>
</svg>`;
    const clean = sanitizeSvg(source);
    expect(clean).not.toMatch(/alert|script|javascript|HTML text|iframe|embed|object|onload|onclick|onerror/i);
    expect(attributesOf(clean).filter((attribute) => /href|attributeName/.test(attribute))).toEqual(['a href=#top']);
  });

  it('removes every reference that loads from elsewhere, in attributes and in CSS', () => {
    const source = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
  <style>@import url(https://evil.example/a.css); rect { fill: red }</style>
  <style>rect { fill: url(https://evil.example/p.svg#p) }</style>
  <style>rect { background: image-set("https://evil.example/a.png" 1x) }</style>
  <style>rect { fill: u\\72l(https://evil.example/p.svg#p) }</style>
  <style>@font-face { font-family: x; src: url(//evil.example/f.woff) }</style>
  <image href="https://evil.example/track.png"/>
  <image xlink:href="/images/local.png"/>
  <image href="data:image/svg+xml,&lt;svg onload='alert(1)'/&gt;"/>
  <use href="https://evil.example/sprite.svg#icon"/>
  <use xlink:href="other.svg#icon"/>
  <feImage href="https://evil.example/f.png"/>
  <rect fill="url(https://evil.example/p.svg#p)" filter="url('https://evil.example/f.svg#f')" style="cursor: url(https://evil.example/c.png), auto" stroke="url(#ok)"/>
  <a href="https://example.org/" ping="https://evil.example/ping"><circle r="1"/></a>
  <g xml:base="https://evil.example/"><circle r="2"/></g>
</svg>`;
    const clean = sanitizeSvg(source);
    expect(clean).not.toContain('evil.example');
    expect(elementsOf(clean).filter((element) => element.name === 'style')).toEqual([]);
    expect(attributesOf(clean).filter((attribute) => !/xmlns|r=/.test(attribute))).toEqual(['rect stroke=url(#ok)', 'a href=https://example.org/']);
  });

  it('writes XML that cannot be ended early by the text it holds', () => {
    const clean = sanitizeSvg('<svg><style><![CDATA[</style><script>alert(1)</script>]]></style><text>]]&gt;</text></svg>');
    expect(elementsOf(clean).map((element) => element.name)).toEqual(['svg', 'text']);
    expect(clean).toContain('<text>]]&gt;</text>');
    expect(sanitizeSvg('<svg><text>&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text></svg>')).not.toMatch(/<script/);
  });

  it('refuses a file with no <svg> element', () => {
    expect(() => sanitizeSvg('<html><body><script>alert(1)</script></body></html>')).toThrow('has no <svg> element');
  });
});

describe('sanitizeSvg, element by element', () => {
  /** Every element the allow list keeps, as a drawing program writes them. */
  const DRAWING = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">
  <title>A drawing</title><desc>Every element that draws</desc>
  <defs>
    <symbol id="s"><circle r="1"/></symbol>
    <marker id="m"><path d="M0 0"/></marker>
    <pattern id="p"><rect width="1" height="1"/></pattern>
    <clipPath id="c"><ellipse rx="1" ry="2"/></clipPath>
    <mask id="k"><line x2="1"/></mask>
    <radialGradient id="r"><stop offset="1"/></radialGradient>
    <filter id="f" color-interpolation-filters="sRGB">
      <feBlend/><feColorMatrix/><feComponentTransfer><feFuncA/><feFuncB/><feFuncG/><feFuncR/></feComponentTransfer>
      <feComposite/><feConvolveMatrix/><feDiffuseLighting><feDistantLight/></feDiffuseLighting><feDisplacementMap/>
      <feDropShadow/><feFlood/><feGaussianBlur/><feImage href="#s"/><feMerge><feMergeNode/></feMerge><feMorphology/>
      <feOffset/><feSpecularLighting><fePointLight/></feSpecularLighting><feSpotLight/><feTile/><feTurbulence/>
    </filter>
  </defs>
  <view id="v" viewBox="0 0 10 10"/>
  <switch><g><polyline points="0 0 1 1"/><polygon points="0 0 1 1 1 0"/></g></switch>
  <text><tspan>A</tspan><textPath href="#arc">B</textPath></text>
  <circle r="3"><animate attributeName="r" to="4"/><set attributeName="fill" to="red"/><animateMotion path="M0 0"><mpath href="#arc"/></animateMotion></circle>
</svg>`;

  it('keeps every element that draws, groups, paints, clips, filters, animates or describes', () => {
    const names = elementsOf(sanitizeSvg(DRAWING)).map((element) => element.name);
    for (const name of [
      'title', 'desc', 'defs', 'symbol', 'marker', 'pattern', 'clipPath', 'mask', 'radialGradient', 'filter', 'feBlend', 'feColorMatrix',
      'feComponentTransfer', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting', 'feDistantLight',
      'feDisplacementMap', 'feDropShadow', 'feFlood', 'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset',
      'feSpecularLighting', 'fePointLight', 'feSpotLight', 'feTile', 'feTurbulence', 'view', 'switch', 'g', 'polyline', 'polygon', 'ellipse', 'line',
      'text', 'tspan', 'textPath', 'circle', 'animate', 'set', 'animateMotion', 'mpath',
    ]) {
      expect(names).toContain(name);
    }
    // An attribute whose name holds "on" and a capital is not an event handler.
    expect(attributesOf(sanitizeSvg(DRAWING))).toContain('filter color-interpolation-filters=sRGB');
  });

  it('keeps links to http, and relative links of any length', () => {
    const clean = sanitizeSvg('<svg><a href="http://example.org/"><rect/></a><a href="page.html"><rect/></a><a href="docs/a.svg#x"><rect/></a><a href="mailto:a@example.org"><rect/></a></svg>');
    expect(attributesOf(clean).filter((attribute) => attribute.startsWith('a '))).toEqual(['a href=http://example.org/', 'a href=page.html', 'a href=docs/a.svg#x', 'a href=mailto:a@example.org']);
  });

  it('takes a raster data: image only at the start of an image reference', () => {
    const clean = sanitizeSvg('<svg><image href="https://evil.example/?data:image/png;base64,AAAA"/><image href="data:image/gif;base64,R0lG"/></svg>');
    expect(attributesOf(clean).filter((attribute) => attribute.startsWith('image '))).toEqual(['image href=data:image/gif;base64,R0lG']);
  });

  it('removes an animation of something that is not one attribute name', () => {
    expect(elementsOf(sanitizeSvg('<svg><circle r="1"><set attributeName="fill x" to="red"/></circle></svg>')).map((element) => element.name)).toEqual(['svg', 'circle']);
  });

  it('removes comments, metadata, and a <style> that holds elements, or CSS that loads anything after a comment', () => {
    const clean = sanitizeSvg(`<svg><!-- made by hand --><metadata><rdf:RDF><dc:title>Private notes</dc:title></rdf:RDF></metadata>
  <style>rect { fill: red }<!-- split -->@import url(https://evil.example/a.css);</style>
  <style>rect { fill: red }<tspan>x</tspan></style><rect/></svg>`);
    expect(clean).not.toMatch(/made by hand|Private notes|evil\.example|<style/);
    expect(elementsOf(clean).map((element) => element.name)).toEqual(['svg', 'rect']);
  });

  it('declares the xlink namespace its xlink:href references need', () => {
    expect(attributesOf(sanitizeSvg('<svg><use xlink:href="#a"/></svg>'))).toEqual(
      expect.arrayContaining(['svg xmlns:xlink=http://www.w3.org/1999/xlink', 'use xlink:href=#a']),
    );
  });

  it('writes the outermost <svg>, whatever comes before it or is nested in it', () => {
    const clean = sanitizeSvg('<title>Before</title><svg id="outer"><svg id="inner"><rect/></svg><circle r="1"/></svg>');
    const [root] = elementsOf(clean);
    expect([root.name, root.attributes.id]).toEqual(['svg', 'outer']);
    expect(elementsOf(clean).map((element) => element.name)).toEqual(['svg', 'svg', 'rect', 'circle']);
  });
});
