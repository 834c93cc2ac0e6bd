/**
 * Responsive images in post bodies, as a rehype plugin that emits plain hast: every attribute
 * is set here, so the markup is the same whether a body is rendered by React (MDX) or
 * stringified to HTML.
 *
 * A local raster image becomes
 *
 *   <picture>
 *     <source type="image/avif" srcset="/_img/lake-…-480.avif 480w, …" sizes="…">
 *     <source type="image/webp" srcset="…" sizes="…">
 *     <img src="/_img/lake-…-960.jpg" srcset="…" sizes="…" width="2400" height="1600" alt="…" loading="lazy" decoding="async">
 *   </picture>
 *
 * with `width` and `height` from the image, so the page does not shift as it loads, inside a
 * button that opens the largest size made in a popover (`zoomableImage`; not for an image
 * inside a link). The first
 * image of a body is the likely Largest Contentful Paint, so it loads eagerly, with
 * `fetchpriority="high"`. SVG and GIF are shown as they are, with their size. Images on other
 * sites are left where they are, lazily loaded. MDX's `<Figure src>` gets the same markup as
 * its children. A missing or unreadable file is a problem (the build fails); a missing alt is a
 * warning.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import type { MdxJsxAttribute, MdxJsxFlowElementHast as MdxJsxElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { builtImagePath } from '../routes/table';
import { hasUrlScheme } from '../routes/urls';
import { isInside } from '../node/files';
import type { ImageUse } from './cache';
import { ImageError, MEDIA_TYPES, SOURCE_FORMATS, type BodyImage, type ImageFormat, type ImageStore, type ResponsiveImage } from './process';

/**
 * How wide a body image is shown: the post column, which is 44rem minus 1.25rem of padding on
 * each side, or the viewport minus that padding (components/Layout/Layout.module.css `.frame`).
 */
export const IMAGE_SIZES = '(min-width: 44rem) 41.5rem, calc(100vw - 2.5rem)';

/** The `<img src>` fallback's width, for the rare browser that reads no `srcset`: the widest variant up to this. */
const FALLBACK_SRC_WIDTH = 960;

/** A problem or warning at a line of the body. */
export interface ImageNotice {
  line?: number;
  detail: string;
}

/** Where a post's local images are. */
export interface ImageLocation {
  /** A folder post's folder, which relative paths start from; null for a single-file post. */
  assetDir: string | null;
  /** The site's `public/`, which `/…` paths start from. */
  publicDir: string;
}

/** True for an image on another site (`https:`, `data:`, `//host/…`), which the build leaves where it is. */
export const isRemoteImage = (src: string) => hasUrlScheme(src) || src.startsWith('//');

/**
 * The file a local URL names (an image's `src`, or a folder post's link): `./a.png` in the
 * post's folder, `/images/a.png` in `public/`; or `{ problem }` when there is none, or when it
 * climbs out of its folder, with a message that completes `image "<src>" …`.
 */
export function localFile(src: string, { assetDir, publicDir }: ImageLocation): { file: string } | { problem: string } {
  let decoded: string;
  try {
    decoded = decodeURI(src.split(/[?#]/)[0]);
  } catch {
    return { problem: 'is not a valid URL' };
  }
  const isRootRelative = decoded.startsWith('/');
  if (!isRootRelative && !assetDir) {
    return { problem: 'is relative, but only a folder post has files beside it: put the post in a folder with the image, or put the image in public/ and start its path with /' };
  }
  const folder = isRootRelative ? publicDir : assetDir!;
  const folderName = isRootRelative ? 'public' : path.basename(folder);
  const file = path.join(folder, decoded);
  if (!isInside(folder, file)) return { problem: `points outside ${folderName}/` };
  return fs.existsSync(file) ? { file } : { problem: `points to a file that does not exist in ${folderName}/` };
}

export interface RehypeImagesOptions extends ImageLocation {
  store: ImageStore;
  /** Filled in: each local image the body shows, for the compile cache to check and the page to publish. */
  uses: ImageUse[];
  /** Filled in: missing and unreadable images. */
  problems: ImageNotice[];
  /** Filled in: images without alt text. */
  warnings: ImageNotice[];
}

/** An image found in the body, and how to put the result in its place. */
interface Found {
  src: string;
  line?: number;
  /** The `<img>` attributes to keep (alt, title, class). */
  properties: Properties;
  /** The size the author gave, kept for an image on another site, whose size the build cannot read. */
  authoredSize: Properties;
  /** True for an image inside a link, which must not get a button of its own. */
  inLink: boolean;
  apply: (image: Element) => void;
}

/** `srcset` of the variants in one format. */
const srcSetOf = (image: ResponsiveImage, format: ImageFormat) =>
  image.variants
    .filter((variant) => variant.format === format)
    .map((variant) => `${builtImagePath(variant.file)} ${variant.width}w`)
    .join(', ');

/** `<picture>` with a `<source>` per modern format and the fallback `<img>`. */
function pictureElement(image: ResponsiveImage, imgProperties: Properties): Element {
  const fallbacks = image.variants.filter((variant) => variant.format === image.fallback);
  const src = fallbacks.findLast((variant) => variant.width <= FALLBACK_SRC_WIDTH) ?? fallbacks[0];
  const sources: Element[] = SOURCE_FORMATS.filter((format) => format !== image.fallback).map((format) => ({
    type: 'element',
    tagName: 'source',
    properties: { type: MEDIA_TYPES[format], srcSet: srcSetOf(image, format), sizes: IMAGE_SIZES },
    children: [],
  }));
  const img: Element = {
    type: 'element',
    tagName: 'img',
    properties: { ...imgProperties, src: builtImagePath(src.file), srcSet: srcSetOf(image, image.fallback), sizes: IMAGE_SIZES, width: image.width, height: image.height },
    children: [],
  };
  return { type: 'element', tagName: 'picture', properties: {}, children: [...sources, img] };
}

/** What the zoom's controls say: the opening button's name (with the image's alt text after it), and the close button's text. */
export const IMAGE_ZOOM_TEXT = { open: 'Enlarge image', close: 'Close' } as const;

/** The id of a body's `n`th zoom overlay (ids from raw HTML carry the sanitizer's prefix, so none can clash). */
export const imageZoomId = (n: number) => `image-zoom-${n}`;

/**
 * The largest size the build made of `image`, as a `<picture>` (a `<source>` per modern format,
 * the fallback `<img>`), lazily loaded: inside a closed popover it is not rendered, so it is
 * fetched only when the reader opens it.
 */
function largestPicture(image: ResponsiveImage, alt: Properties['alt']): Element {
  const largest = (format: ImageFormat) => image.variants.filter((variant) => variant.format === format).reduce((a, b) => (b.width > a.width ? b : a));
  const fallback = largest(image.fallback);
  const sources: Element[] = SOURCE_FORMATS.filter((format) => format !== image.fallback).map((format) => ({
    type: 'element',
    tagName: 'source',
    properties: { type: MEDIA_TYPES[format], srcSet: builtImagePath(largest(format).file) },
    children: [],
  }));
  const img: Element = {
    type: 'element',
    tagName: 'img',
    properties: { src: builtImagePath(fallback.file), alt: alt ?? '', width: fallback.width, height: fallback.height, loading: 'lazy', decoding: 'async' },
    children: [],
  };
  return { type: 'element', tagName: 'picture', properties: {}, children: [...sources, img] };
}

/**
 * A responsive image that opens its largest size in an overlay, with no script: a button
 * around the image (`popovertarget`) opens a popover (a dialog named by the alt text) with the
 * large image and a "Close" button. The browser gives the popover its keyboard: Escape and a
 * click outside close it, and focus returns to the button that opened it. Built after the
 * sanitizer, which allows neither buttons nor popover attributes, so no author can forge one.
 * Spans, not divs, so that it is valid wherever an image may be (in a paragraph too).
 */
function zoomableImage(picture: Element, image: ResponsiveImage, alt: Properties['alt'], id: string): Element {
  const name = typeof alt === 'string' && alt.trim() ? `${IMAGE_ZOOM_TEXT.open}: ${alt}` : IMAGE_ZOOM_TEXT.open;
  const button = (properties: Properties, children: ElementContent[]): Element => ({ type: 'element', tagName: 'button', properties: { type: 'button', popoverTarget: id, ...properties }, children });
  const overlay: Element = {
    type: 'element',
    tagName: 'span',
    // The search index leaves it out (lib/export/search-index.ts), so that an image's alt text counts once.
    properties: { id, popover: 'auto', role: 'dialog', ariaLabel: name, className: ['image-zoom-overlay'] },
    children: [largestPicture(image, alt), button({ popoverTargetAction: 'hide', className: ['image-zoom-close'], autoFocus: true }, [{ type: 'text', value: IMAGE_ZOOM_TEXT.close }])],
  };
  return { type: 'element', tagName: 'span', properties: { className: ['image-zoom'] }, children: [button({ className: ['image-zoom-open'], ariaLabel: name }, [picture]), overlay] };
}

/** The image's element: a `<picture>`, or the `<img>` with its size (shown as it is), or as the author wrote it (on another site). */
function imageElement({ src, properties, authoredSize }: Found, image: BodyImage | null): Element {
  if (image?.kind === 'responsive') return pictureElement(image, properties);
  const size = image ? { width: image.width, height: image.height } : authoredSize;
  return { type: 'element', tagName: 'img', properties: { ...properties, src, ...size }, children: [] };
}

/** The `<img>` attributes the build sets; an author's own values for them are replaced. */
const BUILD_ATTRIBUTES = new Set(['src', 'srcSet', 'sizes', 'width', 'height', 'loading', 'decoding', 'fetchPriority']);

/** What an `<img>` keeps of what the author wrote (alt, title, class). */
const keptProperties = (properties: Properties): Properties => Object.fromEntries(Object.entries(properties).filter(([name]) => !BUILD_ATTRIBUTES.has(name)));

/** The MDX `<Figure>`'s attribute `name`, if it has one (an expression such as `{...props}` has no name). */
const findJsxAttribute = (node: MdxJsxElement, name: string): MdxJsxAttribute | undefined =>
  node.attributes.find((candidate): candidate is MdxJsxAttribute => candidate.type === 'mdxJsxAttribute' && candidate.name === name);

/** The MDX `<Figure>`'s string attribute `name`, if it has one. */
function jsxAttribute(node: MdxJsxElement, name: string): string | undefined {
  const value = findJsxAttribute(node, name)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** The MDX `<Figure>`'s attribute `name` as a whole number, written `"640"` or `{640}`, if it is one. */
function jsxNumber(node: MdxJsxElement, name: string): number | undefined {
  const value = findJsxAttribute(node, name)?.value;
  const text = typeof value === 'string' ? value : value?.value;
  return text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
}

const hasJsxAttribute = (node: MdxJsxElement, name: string) => findJsxAttribute(node, name) !== undefined;

/**
 * The rehype plugin. Runs after the sanitizer (it builds trusted markup) and before the
 * folder-asset links are resolved (it reads relative paths itself).
 */
export function rehypeImages(options: RehypeImagesOptions) {
  return async (tree: HastRoot, file: VFile) => {
    const source = String(file.value ?? '');
    const found: Found[] = [];
    const inLinks = new Set<unknown>();
    visit(tree, 'element', (link: Element) => {
      if (link.tagName === 'a') visit(link, (node) => void inLinks.add(node));
    });
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && node.tagName === 'img' && typeof node.properties.src === 'string' && parent && index !== undefined) {
        // An author's own <picture> keeps its sources.
        if (parent.type === 'element' && parent.tagName === 'picture') return;
        const { alt } = node.properties;
        // Markdown writes a missing alt as an empty one; only raw HTML can say alt="" on purpose (a decorative image).
        const isMarkdownImage = source.charAt(node.position?.start.offset ?? -1) === '!';
        found.push({
          src: node.properties.src,
          line: node.position?.start.line,
          properties: keptProperties(node.properties),
          authoredSize: { width: node.properties.width, height: node.properties.height },
          inLink: inLinks.has(node),
          apply: (image) => (parent.children[index] = image),
        });
        if (alt === undefined || alt === null || (alt === '' && isMarkdownImage)) missingAlt(options, node.properties.src, node.position?.start.line, isMarkdownImage);
      } else if (node.type === 'mdxJsxFlowElement' && node.name === 'Figure') {
        const figure = node as MdxJsxElement;
        const src = jsxAttribute(figure, 'src');
        const alt = jsxAttribute(figure, 'alt');
        // A src or alt written as an expression is the author's code, known only when the page renders: the Figure shows it as it is.
        if (src === undefined || (alt === undefined && hasJsxAttribute(figure, 'alt'))) return;
        if (alt === undefined) missingAlt(options, src, figure.position?.start.line, false);
        found.push({
          src,
          line: figure.position?.start.line,
          properties: alt === undefined ? {} : { alt },
          // Kept for an image on another site, which the build does not measure.
          authoredSize: { width: jsxNumber(figure, 'width'), height: jsxNumber(figure, 'height') },
          inLink: inLinks.has(figure),
          apply: (image) => {
            // The Figure shows what the build made as its children, and keeps only its caption.
            figure.attributes = figure.attributes.filter((attribute) => !(attribute.type === 'mdxJsxAttribute' && ['src', 'alt', 'width', 'height'].includes(attribute.name)));
            figure.children = [image as ElementContent as MdxJsxElement['children'][number]];
          },
        });
      }
    });

    const results = await Promise.all(found.map((image) => processImage(options, image)));
    let zooms = 0;
    found.forEach((image, position) => {
      const result = results[position];
      if (result === undefined) return;
      if (result.use) options.uses.push(result.use);
      const element = imageElement(image, result.image);
      // The first image is the likely Largest Contentful Paint: fetch it first. The others wait until they are near the viewport.
      const img = element.tagName === 'picture' ? (element.children.at(-1) as Element) : element;
      Object.assign(img.properties, position === 0 ? { loading: 'eager', fetchPriority: 'high' } : { loading: 'lazy' }, { decoding: 'async' });
      // An image inside a link is the link's: a button there would be a control inside a control.
      const zoomable = result.image?.kind === 'responsive' && !image.inLink;
      image.apply(zoomable ? zoomableImage(element, result.image as ResponsiveImage, image.properties.alt, imageZoomId(++zooms)) : element);
    });
  };
}

/** Records a missing alt text as a warning. */
function missingAlt(options: RehypeImagesOptions, src: string, line: number | undefined, isMarkdownImage: boolean) {
  const example = isMarkdownImage ? `![What it shows](${src})` : 'alt="What it shows"';
  options.warnings.push({ line, detail: `image "${src}" has no alt text: describe it for readers who cannot see it (${example}), or write <img alt=""> for a purely decorative image` });
}

/**
 * The image made from a local file and its use, `{ image: null }` for an image elsewhere, or
 * undefined after recording a problem.
 */
async function processImage(options: RehypeImagesOptions, { src, line }: Found): Promise<{ image: BodyImage | null; use?: ImageUse } | undefined> {
  if (isRemoteImage(src)) return { image: null };
  const local = localFile(src, options);
  if ('problem' in local) {
    options.problems.push({ line, detail: `image "${src}" ${local.problem}` });
    return undefined;
  }
  try {
    return await options.store.bodyImage(local.file);
  } catch (error) {
    if (!(error instanceof ImageError)) throw error;
    options.problems.push({ line, detail: `image "${src}" ${error.message}` });
    return undefined;
  }
}
