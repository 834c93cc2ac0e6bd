/**
 * SVG files made inert before they are published: a browser that opens `/posts/x/a.svg` runs
 * the scripts in it on the site's origin, wherever the `_headers` sandbox is not applied.
 *
 * The file is parsed as a browser parses SVG in HTML (hast-util-from-html), kept to an allow
 * list of SVG elements and attributes with hast-util-sanitize (as rehype-sanitize keeps a
 * Markdown body's HTML), and written back as XML (hast-util-to-xast, xast-util-to-xml), which
 * escapes every text, so nothing can end an element early. What is left:
 * - no script: no `<script>`, no `on*` attribute, no `<foreignObject>` (HTML inside SVG), no
 *   animation of a link;
 * - no external reference: links (`<a href>`) may go to http(s), mailto or relative URLs, an
 *   `<image>` may hold a raster `data:` image, and every other reference is to the file
 *   itself (`#id`); CSS in a `style` attribute, a `<style>` element or a presentation
 *   attribute may use `url(#id)` and nothing else that loads (`@import`, `image-set()`…).
 */
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toXast } from 'hast-util-to-xast';
import type { Element, Nodes, Root } from 'hast';
import { svg as svgSchema } from 'property-information';
import { visit } from 'unist-util-visit';
import { toXml } from 'xast-util-to-xml';

/** Elements that draw, group, paint, clip, filter or describe. */
const ELEMENTS = [
  'svg', 'g', 'defs', 'symbol', 'use', 'switch', 'title', 'desc', 'view', 'a', 'style',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath', 'image',
  'marker', 'pattern', 'clipPath', 'mask', 'linearGradient', 'radialGradient', 'stop',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
  'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
  'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight',
  'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
  'animate', 'animateMotion', 'animateTransform', 'mpath', 'set',
];

/** Elements that animate one attribute of their parent, named by `attributeName`. */
const ANIMATIONS = ['animate', 'animateTransform', 'set'];

/**
 * CSS (or an attribute value) that loads nothing: see the module comment. Escapes are refused,
 * since they could spell any of it, and so is `<`, which CSS has no use for and which would end
 * a `<style>` that someone pastes into a page.
 */
const LOADS_NOTHING = /^(?![\s\S]*(?:\\|<|@import|@font-face|url\(\s*['"]?\s*(?!#)|(?:image|image-set|cross-fade|element|src)\())/i;

/** A reference to the file itself. */
const SAME_FILE = /^#/;

/** Where a link may go: http(s), mailto, or a relative URL (no scheme before the first `/`, `?` or `#`). */
const LINK = /^(?:(?:https?|mailto):|[^:/?#]*(?:[/?#]|$))/i;

/** A raster image inside the file. */
const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i;

/** Attributes that hold a URL: checked per element below. `ping` sends a request on a click; `xmlBase` changes what relative URLs mean. */
const URL_ATTRIBUTES = new Set(['href', 'xLinkHref', 'ping', 'xmlBase']);

/** Every SVG attribute (property-information's list) but event handlers and URLs, each with a value that loads nothing. */
const PRESENTATION = Object.keys(svgSchema.property)
  .filter((name) => !/^on[A-Z]/.test(name) && !URL_ATTRIBUTES.has(name) && name !== 'attributeName')
  .map((name): [string, RegExp] => [name, LOADS_NOTHING]);

/** `href` and `xlink:href`, with the values they may have. */
const references = (...patterns: RegExp[]): [string, ...RegExp[]][] => [
  ['href', ...patterns],
  ['xLinkHref', ...patterns],
];

const SCHEMA: Schema = {
  tagNames: ELEMENTS,
  attributes: {
    '*': [...PRESENTATION, ...references(SAME_FILE)],
    a: references(LINK),
    image: references(SAME_FILE, RASTER_DATA),
    // An animation may not set a link (`attributeName="href"` with `to="javascript:…"`) or an event handler.
    ...Object.fromEntries(ANIMATIONS.map((name) => [name, [['attributeName', /^(?!on|.*href)[\w:-]+$/i]]])),
  },
  // Ids are kept as they are: `url(#gradient)` and `href="#shape"` refer to them.
  clobber: [],
  protocols: {},
  ancestors: {},
  required: {},
  strip: ['script', 'foreignObject', 'metadata'],
  allowComments: false,
  allowDoctypes: false,
};

/** Thrown for a file in which no `<svg>` element is found. */
export class NotSvgError extends Error {}

/** The SVG `source` with everything that could run script or load from elsewhere removed, as XML. */
export function sanitizeSvg(source: string): string {
  const clean = sanitize(fromHtml(source, { fragment: true }), SCHEMA) as Nodes;
  const root = findSvg(clean);
  if (!root) throw new NotSvgError('has no <svg> element');
  visit(root, 'element', (node, index, parent) => {
    if (!parent || index === undefined) return;
    // A `<style>` whose CSS could load something goes whole: its rules cannot be told apart without a CSS parser.
    const loadingStyle = node.tagName === 'style' && !node.children.every((child) => child.type === 'text' && LOADS_NOTHING.test(child.value));
    // An animation whose target attribute was refused would animate nothing.
    const aimless = ANIMATIONS.includes(node.tagName) && node.properties.attributeName === undefined;
    if (!loadingStyle && !aimless) return;
    parent.children.splice(index, 1);
    return index;
  });
  // A file of its own is XML, and needs its namespaces declared.
  root.properties = { ...root.properties, xmlns: 'http://www.w3.org/2000/svg', xmlnsXLink: 'http://www.w3.org/1999/xlink' };
  // XML allows `]]>` nowhere in text, and xast-util-to-xml escapes only `<` and `&` there; `&gt;` means `>` in attributes too.
  return `${toXml(toXast({ type: 'root', children: [root] } satisfies Root)).replaceAll(']]>', ']]&gt;')}\n`;
}

function findSvg(node: Nodes): Element | undefined {
  let found: Element | undefined;
  visit(node, 'element', (element) => {
    if (element.tagName !== 'svg') return;
    found = element;
    return false;
  });
  return found;
}
