/** A body's table of contents: its visible h2 and h3 headings, with the ids rehype-slug gave them. */
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** A section heading of a post, for its table of contents. */
export interface Heading {
  depth: number;
  id: string;
  text: string;
}

/**
 * True for a heading no reader sees: GFM's "Footnotes" label (`<h2 class="sr-only">`) is there
 * for screen readers only, so it gets no entry in the contents and no link to itself.
 */
const isVisuallyHidden = (node: Element) => Array.isArray(node.properties.className) && node.properties.className.includes('sr-only');

/** Collects the visible h2 and h3 headings (a body's `#` is shown as an h2) after rehype-slug has given them ids. */
export function rehypeCollectHeadings(options: { headings: Heading[] }) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      const depth = /^h([1-3])$/.exec(node.tagName)?.[1];
      if (depth && typeof node.properties.id === 'string' && !isVisuallyHidden(node)) {
        options.headings.push({ depth: Math.max(2, Number(depth)), id: node.properties.id, text: hastToString(node) });
      }
    });
  };
}
