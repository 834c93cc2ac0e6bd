/**
 * Markdown: the md/mdx pipeline, run at build time only.
 *
 * `.md` is Markdown (CommonMark + GFM, raw HTML allowed) and is never executed: it is
 * compiled with `format: 'md'`, its raw HTML is parsed by rehype-raw and then cleaned by
 * rehype-sanitize's allow-list, which drops `<script>`, `on*` attributes and `javascript:`
 * URLs. `.mdx` is code from the site's author and is compiled as MDX.
 * Both get heading ids, build-time highlighting with shiki, and asset URLs that work from
 * any page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { MdxJsxFlowElementHast as MdxJsxElement } from 'mdast-util-mdx-jsx';
import { toString as hastToString } from 'hast-util-to-string';
import { toString } from 'mdast-util-to-string';
import { serialize } from 'next-mdx-remote/serialize';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { createHighlighter, type Highlighter } from 'shiki';
import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import { unified, type Pluggable } from 'unified';
import { visit } from 'unist-util-visit';
import { ContentError } from './content-error';
import type { Post } from './content';

/** Light and dark token colours, switched by CSS on `prefers-color-scheme` (styles/globals.css). */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/**
 * What raw HTML in a `.md` post may contain: GitHub's allow-list, plus embeds (`<iframe>`,
 * `<video>`), figures and class names. No event handlers, no scripts, and only http(s) and
 * mailto URLs. Ids are not prefixed (`clobber: []`): the pages run no script that a
 * clobbered id could mislead, and footnote links must match their targets.
 */
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'iframe', 'video', 'audio', 'source', 'figure', 'figcaption', 'mark', 'abbr'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className'],
    iframe: ['src', 'title', 'width', 'height', 'allow', 'allowFullScreen', 'loading', 'referrerPolicy', 'frameBorder'],
    video: ['src', 'poster', 'width', 'height', 'controls', 'muted', 'loop', 'playsInline', 'preload'],
    audio: ['src', 'controls', 'loop', 'preload'],
    source: ['src', 'type', 'srcSet', 'media'],
    abbr: ['title'],
  },
};

let highlighter: Promise<Highlighter> | undefined;

/** One highlighter per process; languages load on first use. */
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES), langs: [] });
  return highlighter;
}

const URL_WITH_SCHEME = /^[a-z][a-z\d+.-]*:/i;
export const isRelativeUrl = (url: string) => !URL_WITH_SCHEME.test(url) && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('?');

/**
 * A folder post's relative links and images (`./diagram.png`) point at its own folder. Its
 * assets are published under `assetBase` (see lib/assets.ts), so the URLs become
 * root-relative and work on list pages and in feeds too. A link to a file that is not
 * there is recorded in `problems` (the compiler would flatten a thrown error into text).
 */
function rehypeFolderAssets(options: { assetDir: string; assetBase: string; problems: { line?: number; detail: string }[] }) {
  /** Checks that `value` names a file in the post's folder, and returns its published URL. */
  const publish = (value: string, what: string, line: number | undefined) => {
    const [file] = decodeURI(value).split(/[?#]/);
    if (!fs.existsSync(path.join(options.assetDir, file))) {
      options.problems.push({ line, detail: `${what} "${value}" points to a file that does not exist in ${path.basename(options.assetDir)}/` });
    }
    return resolveAssetUrl(value, options.assetBase);
  };
  return (tree: HastRoot) => {
    visit(tree, (node) => {
      const line = node.position?.start.line;
      if (node.type === 'element') {
        const element = node as Element;
        const attribute = ['img', 'source', 'video'].includes(element.tagName) ? 'src' : element.tagName === 'a' ? 'href' : null;
        const value = attribute && element.properties[attribute];
        if (typeof value === 'string' && isRelativeUrl(value)) element.properties[attribute!] = publish(value, attribute === 'href' ? 'link' : 'image', line);
      } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        // An MDX component's `src` (`<Figure src="./diagram.png" />`) is a post asset too.
        for (const attribute of (node as MdxJsxElement).attributes) {
          if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'src' && typeof attribute.value === 'string' && isRelativeUrl(attribute.value)) {
            attribute.value = publish(attribute.value, 'image', line);
          }
        }
      }
    });
  };
}

/** Where a folder post's assets are served from. */
export const assetBaseFor = (slug: string) => `/posts/${slug}/`;

/** `./img/a.png` in a folder post → `/posts/<slug>/img/a.png`. */
export const resolveAssetUrl = (relativeUrl: string, assetBase: string) => assetBase + path.posix.normalize(relativeUrl).replace(/^(\.\/)+/, '');

type CompileInput = Pick<Post, 'body' | 'format' | 'sourcePath' | 'bodyStartLine' | 'assetDir' | 'slug'>;

/** A section heading of a post, for its table of contents. */
export interface Heading {
  depth: number;
  id: string;
  text: string;
}

/** The compiled body of one post, as `MDXRemote` takes it, and what the page needs to know of it. */
export interface CompiledBody {
  compiledSource: string;
  /** The body's h2 and h3 headings, in order, with the ids rehype-slug gave them. */
  headings: Heading[];
}

/** Collects the h2 and h3 headings (a body's `#` is shown as an h2) after rehype-slug has given them ids. */
function rehypeCollectHeadings(options: { headings: Heading[] }) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      const depth = /^h([1-3])$/.exec(node.tagName)?.[1];
      if (depth && typeof node.properties.id === 'string') {
        options.headings.push({ depth: Math.max(2, Number(depth)), id: node.properties.id, text: hastToString(node) });
      }
    });
  };
}

/** Compiles a post's body. Errors are `ContentError`s that give the file and its line. */
export async function compileBody(post: CompileInput): Promise<CompiledBody> {
  const shiki = [rehypeShikiFromHighlighter, await getHighlighter(), { themes: CODE_THEMES, defaultColor: false, lazy: true, defaultLanguage: 'text', fallbackLanguage: 'text' }] as Pluggable;
  const problems: { line?: number; detail: string }[] = [];
  const headings: Heading[] = [];
  const assets: Pluggable[] = post.assetDir ? [[rehypeFolderAssets, { assetDir: post.assetDir, assetBase: assetBaseFor(post.slug), problems }]] : [];
  const lineOffset = post.bodyStartLine - 1;
  let compiledSource: string;
  const isMarkdown = post.format === 'md';
  try {
    ({ compiledSource } = await serialize(post.body, {
      // `.mdx` is the author's own code, so its expressions may run; `.md` never runs anything.
      blockJS: isMarkdown,
      mdxOptions: {
        format: post.format,
        remarkPlugins: [remarkGfm],
        rehypePlugins: [...(isMarkdown ? [rehypeRaw, [rehypeSanitize, sanitizeSchema] as Pluggable] : []), rehypeSlug, [rehypeCollectHeadings, { headings }], shiki, ...assets],
        development: false,
      },
    }));
  } catch (error) {
    throw await describeCompileError(post, lineOffset, error);
  }
  if (problems.length) {
    const [first] = problems;
    throw new ContentError(post.sourcePath, first.detail, { line: first.line && first.line + lineOffset });
  }
  return { compiledSource, headings };
}

/**
 * next-mdx-remote flattens compiler errors into text and can lose the position. Compiling
 * again with @mdx-js/mdx (only on this failure path) recovers the reason and the line.
 */
async function describeCompileError(post: CompileInput, lineOffset: number, original: unknown): Promise<ContentError> {
  try {
    await compile(post.body, { format: post.format, remarkPlugins: [remarkGfm] });
  } catch (error) {
    const message = error as { reason?: string; place?: { line?: number; start?: { line: number } }; line?: number };
    // Some MDX errors carry their place only in the reason: "… (3:1-3:10)".
    const placeInReason = /\((\d+):\d+(?:-\d+:\d+)?\)/.exec(message.reason ?? '');
    const line = message.place?.start?.line ?? message.place?.line ?? message.line ?? (placeInReason ? Number(placeInReason[1]) : undefined);
    // The reason's own "(3:1-3:10)" counts from the body; the message gives the file's line instead.
    const reason = (message.reason ?? String(error)).replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)$/, '');
    return new ContentError(post.sourcePath, `${post.format.toUpperCase()} does not compile: ${reason}`, { line: line && line + lineOffset });
  }
  const reason = original instanceof Error ? original.message.replace(/^\[next-mdx-remote\] error compiling MDX:\s*/, '') : String(original);
  return new ContentError(post.sourcePath, `${post.format.toUpperCase()} does not compile: ${reason}`);
}

/** MDX nodes whose text is code, not prose. */
const MDX_CODE_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

function parseMarkdown(text: string, format: Post['format']): MdastRoot {
  if (format === 'mdx') {
    try {
      const root = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).parse(text);
      visit(root, (node, index, parent) => {
        if (parent && index !== undefined && MDX_CODE_NODES.has(node.type)) {
          parent.children.splice(index, 1);
          return index;
        }
      });
      return root;
    } catch {
      // Invalid MDX is reported by compileBody, with its line; read it as Markdown here.
    }
  }
  return unified().use(remarkParse).use(remarkGfm).parse(text);
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
  const root = parseMarkdown(markdown, 'md');
  return truncate(collapseWhitespace(root.children.map((node) => toString(node)).join(' ')), max);
}

/** The excerpt of a post that has none: the plain text of its first paragraph. */
export function excerptFromMarkdown(body: string, format: Post['format'], max: number): string {
  const first = parseMarkdown(body, format).children.find((node) => node.type === 'paragraph');
  return first ? truncate(collapseWhitespace(toString(first)), max) : '';
}
