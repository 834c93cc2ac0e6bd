/**
 * Every URL a body gives: checked (a path, http(s), or a link's mailto:) and made to work from
 * every page (a folder post's relative URLs point at its published folder, root-relative ones
 * get the base path).
 */
import type { Element, Root as HastRoot } from 'hast';
import type { MdxJsxFlowElementHast as MdxJsxElement, MdxJsxTextElementHast as MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { urlAttributes } from 'html-url-attributes';
import { visit } from 'unist-util-visit';
import { withBasePath } from '../config/site';
import { isRelativeUrl, replaceSrcSetUrls, resolveRelativeUrl, urlScheme } from '../routes/urls';
import { localFile, type ImageLocation } from '../images/body-images';
import type { Problem } from './problems';

/**
 * The attributes that hold URLs, by property name: html-url-attributes' list, and the two it
 * leaves out, `srcset` and `longdesc`. They are URLs on whatever element they are written (a
 * stray `<div action>` too). An MDX component's URLs are its `src` and `href` (`<Figure src>`).
 */
const URL_PROPERTIES = new Set([...Object.keys(urlAttributes), 'srcSet', 'longDesc']);
const COMPONENT_URL_PROPERTIES = new Set(['src', 'href']);

/** Where a URL is: the name of its attribute as written in HTML (`srcset`), its element's name and line. */
export interface UrlPlace {
  attribute: string;
  element: string;
  line?: number;
}

/** What holds a URL, for a message: "link", "image", or the element and attribute (`<video poster>`). */
export const urlHolder = ({ attribute, element }: Pick<UrlPlace, 'attribute' | 'element'>) =>
  attribute === 'href' ? 'link' : element === 'img' || element === 'Figure' ? 'image' : `<${element} ${attribute}>`;

/** Calls `replace` with each URL that an element or MDX element of `tree` holds, and where it is, and puts back what it returns. */
export function replaceUrls(tree: HastRoot, replace: (url: string, place: UrlPlace) => string): void {
  visit(tree, (node) => {
    if (node.type === 'element' || node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const element = (node.type === 'element' ? node.tagName : node.name) ?? '';
      replaceElementUrls(node, (url, attribute) => replace(url, { attribute, element, line: node.position?.start.line }));
    }
  });
}

/** Calls `replace` with each URL that an element, or an MDX element, holds, with the name of its attribute, and puts back what it returns. */
function replaceElementUrls(node: Element | MdxJsxElement | MdxJsxTextElement, replace: (url: string, attribute: string) => string): void {
  if (node.type !== 'element') {
    const urlProperties = /^[A-Z]/.test(node.name ?? '') ? COMPONENT_URL_PROPERTIES : URL_PROPERTIES;
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' && urlProperties.has(attribute.name)) {
        attribute.value = replace(attribute.value, attribute.name.toLowerCase());
      }
    }
    return;
  }
  const { properties } = node;
  for (const [property, value] of Object.entries(properties)) {
    if (!URL_PROPERTIES.has(property) || value === null || value === undefined) continue;
    const attribute = property.toLowerCase();
    if (property === 'srcSet') {
      // Parsed HTML holds a srcset as its parts between commas, which may split a URL.
      properties.srcSet = replaceSrcSetUrls(Array.isArray(value) ? value.join(',') : String(value), (url) => replace(url, attribute));
    } else {
      properties[property] = Array.isArray(value) ? value.map((url) => replace(String(url), attribute)) : replace(String(value), attribute);
    }
  }
}

/**
 * Every URL a body gives, in Markdown (`[x](…)`, `![x](…)`), raw HTML or an MDX element, is a
 * path or an http(s) URL, and a link's may be a `mailto:` address; any other (`javascript:`,
 * `data:`, `file:`) is a problem naming the attribute. Schemes compare as browsers compare
 * them, in any case. In `.md` this runs before the sanitizer, which would drop such a URL
 * without a word (and an upper-case `HTTPS:` with it).
 */
export function rehypeCheckUrls(options: { problems: Problem[] }) {
  return (tree: HastRoot) =>
    replaceUrls(tree, (url, { attribute, element, line }) => {
      const scheme = urlScheme(url);
      if (scheme !== null && scheme !== 'http' && scheme !== 'https' && !(scheme === 'mailto' && attribute === 'href')) {
        const allowed = attribute === 'href' ? 'a path, an http(s) URL or a mailto: address' : 'a path or an http(s) URL';
        options.problems.push({ line, field: attribute, detail: `${JSON.stringify(url)} on <${element}> is not ${allowed}` });
      }
      return url;
    });
}

/**
 * The URLs of a body's links, images and media, made to work from every page:
 * - a folder post's relative ones (`./diagram.png`) point at its own folder, whose assets are
 *   published under `assetBase` (see lib/build/publish.ts), so they become root-relative and work
 *   on list pages and in feeds too. One that names a file that is not there, or that climbs
 *   out of the folder (`../../package.json`, which would be published as a broken URL), is
 *   recorded in `problems` (the compiler would flatten a thrown error into text);
 * - root-relative ones (`/posts/other/`) get the site's base path, as every link the site
 *   writes does.
 */
export function rehypeSiteUrls(options: { folder: (ImageLocation & { assetDir: string; assetBase: string }) | null; problems: Problem[] }) {
  const { folder, problems } = options;
  return (tree: HastRoot) =>
    replaceUrls(tree, (url, { attribute, element, line }) => {
      // withBasePath leaves every URL but a root-relative one (`/posts/other/`) as it is.
      if (!folder || !isRelativeUrl(url)) return withBasePath(url);
      const local = localFile(url, folder);
      if ('problem' in local) {
        problems.push({ line, detail: `${urlHolder({ attribute, element })} "${url}" ${local.problem}` });
      }
      return resolveRelativeUrl(url, folder.assetBase);
    });
}
