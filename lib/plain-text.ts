/**
 * Markdown as plain text, for excerpts and meta descriptions. Kept apart from the compile
 * pipeline (lib/markdown.ts), so that the content index, which every page loads, does not
 * load shiki, KaTeX and the MDX compiler.
 */
import type { Root as MdastRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { SourceFormat } from './content';

/** MDX nodes whose text is code, not prose. */
const MDX_CODE_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

/** Parsers for excerpts, made once: building a processor per call costs more than the parse. */
const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).freeze();
const mdxParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkMdx).freeze();

/** An `.mdx` text as Markdown with its code left out, or null if it is not valid MDX. */
function parseMdx(text: string): MdastRoot | null {
  let root: MdastRoot;
  try {
    root = mdxParser.parse(text);
  } catch {
    return null;
  }
  visit(root, (node, index, parent) => {
    if (parent && index !== undefined && MDX_CODE_NODES.has(node.type)) {
      parent.children.splice(index, 1);
      return index;
    }
  });
  return root;
}

// Invalid MDX is reported by compileBody, with its line; here it is read as Markdown.
const parseMarkdown = (text: string, format: SourceFormat): MdastRoot => (format === 'mdx' && parseMdx(text)) || markdownParser.parse(text);

/**
 * How many block quotes and list items one line of Markdown may open. markdown-it stops at 100
 * as well; remark's parser takes seconds on a line that opens a few thousand, and then runs out
 * of stack, so a text that opens more is refused before any parse (lib/content.ts).
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

const collapseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Markdown to plain text (`**stars**` become the word they wrap), for excerpts and meta tags. */
export function markdownToPlainText(markdown: string, max: number): string {
  // Most excerpts are plain sentences: only text with Markdown's marks is worth a parse.
  if (!/[*_`[\]<>!\\&~$#|]/.test(markdown)) return truncate(collapseWhitespace(markdown), max);
  const root = parseMarkdown(markdown, 'md');
  return truncate(collapseWhitespace(root.children.map((node) => toString(node)).join(' ')), max);
}

/** How much of a body is parsed first when looking for its first paragraph. */
const LEAD_LENGTH = 2000;
/** A link reference definition (`[id]: https://…`), which a paragraph can use from anywhere in the body. */
const DEFINITION = /^ {0,3}\[[^\]]+\]:.*$/gm;

const firstParagraph = (root: MdastRoot | null) => root?.children.find((node) => node.type === 'paragraph');

/**
 * The excerpt of a post that has none: the plain text of its first paragraph. Parsing a whole
 * body costs milliseconds, and every build worker reads every post, so the lead of the body
 * (up to a blank line, with the body's link definitions) is parsed first; a body whose lead
 * holds no paragraph, such as one that opens with a long code block, is parsed whole.
 */
export function excerptFromMarkdown(body: string, format: SourceFormat, max: number): string {
  const leadEnd = body.indexOf('\n\n', LEAD_LENGTH);
  const lead = leadEnd === -1 ? null : `${body.slice(0, leadEnd)}\n\n${body.slice(leadEnd).match(DEFINITION)?.join('\n') ?? ''}`;
  // An .mdx lead cut inside a JSX element does not parse; only the whole body can tell what is prose then.
  const leadRoot = lead === null ? null : format === 'mdx' ? parseMdx(lead) : markdownParser.parse(lead);
  const first = firstParagraph(leadRoot) || firstParagraph(parseMarkdown(body, format));
  return first ? truncate(collapseWhitespace(toString(first)), max) : '';
}
