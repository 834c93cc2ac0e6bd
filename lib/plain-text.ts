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
