/**
 * Markdown as plain text, for excerpts and meta descriptions: a front matter `excerpt` read as
 * Markdown, and the text of a body's first paragraph, which lib/markdown/compile.ts takes from its own
 * parse of the body. Kept apart from the compile pipeline, so that reading the posts does not
 * load shiki, KaTeX and the MDX compiler.
 */
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Nodes whose text is code, not prose: MDX's, and raw HTML's tags and comments (`<!-- more -->` in a paragraph). */
const CODE_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html']);

/** The parser for front matter read as Markdown, made once: building a processor per call costs more than the parse. */
const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze();

/** The text of a Markdown node as a reader reads it: MDX's code (imports, `{expressions}`) and raw HTML's tags left out. */
export function proseText(node: Nodes): string {
  if (CODE_NODES.has(node.type)) return '';
  return 'children' in node ? node.children.map(proseText).join('') : toString(node);
}

/**
 * How many block quotes and list items one line of Markdown may open. markdown-it stops at 100
 * as well; remark's parser takes seconds on a line that opens a few thousand, and then runs out
 * of stack, so a text that opens more is refused before any parse (lib/content/load.ts).
 */
export const MAX_NESTING = 100;

/**
 * The most block quote markers (`>`) and list item markers (`-`, `*`, `+`, `1.`, `1)`) that
 * open one line of `markdown`, and the first line (from 1) that opens that many. A count of
 * the markers at the start of each line, with no parse: it reads what nests on one line
 * (`> > > x`, `- - - x`), which is how a short file nests thousands deep.
 */
export function deepestNesting(markdown: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 1 };
  let line = 1;
  let depth = 0;
  let opening = true;
  for (let i = 0; i < markdown.length; i++) {
    const character = markdown[i];
    if (character === '\n') {
      line++;
      depth = 0;
      opening = true;
      continue;
    }
    if (!opening || character === ' ' || character === '\t') continue;
    const marker = character === '>' ? 1 : /[-*+]/.test(character) && /[ \t\n]|^$/.test(markdown[i + 1] ?? '') ? 1 : orderedMarkerLength(markdown, i);
    if (marker === 0) {
      opening = false;
      continue;
    }
    depth++;
    i += marker - 1;
    if (depth > deepest.depth) deepest = { depth, line };
  }
  return deepest;
}

/** The length of an ordered list marker (`12.` or `3)` and a space after it) at `start`, or 0. */
function orderedMarkerLength(text: string, start: number): number {
  let end = start;
  while (end < text.length && end - start < 9 && text[end] >= '0' && text[end] <= '9') end++;
  const delimited = end > start && (text[end] === '.' || text[end] === ')') && /[ \t\n]|^$/.test(text[end + 1] ?? '');
  return delimited ? end - start + 1 : 0;
}

/** Shortens text to at most `max` characters, at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:!?–—-]+$/u, '')}…`;
}

export const collapseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Markdown to plain text (`**stars**` become the word they wrap), for excerpts and meta tags. */
export function markdownToPlainText(markdown: string, max: number): string {
  // Most excerpts are plain sentences: only text with Markdown's marks is worth a parse.
  if (!/[*_`[\]<>!\\&~$#|]/.test(markdown)) return truncate(collapseWhitespace(markdown), max);
  const root = markdownParser.parse(markdown);
  return truncate(collapseWhitespace(root.children.map((node) => toString(node)).join(' ')), max);
}
