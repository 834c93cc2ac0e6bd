/**
 * Markdown: the md/mdx pipeline, run at build time only.
 *
 * `.md` is Markdown (CommonMark + GFM, raw HTML allowed) and is never executed: unified turns
 * it into an HTML tree, whose raw HTML goes through GFM's tag filter, is parsed by rehype-raw
 * and then cleaned by rehype-sanitize's allow-list, which drops `<script>` and `on*`
 * attributes. In both formats every URL must be a path or an http(s) URL (or a mailto:
 * link), or the build fails. `.mdx` is code from the site's author and is compiled as MDX by
 * next-mdx-remote.
 * Both get heading ids, math (KaTeX), GitHub alerts, YouTube embeds, build-time highlighting
 * with shiki (titles, line numbers, highlighted lines), responsive images (lib/images/body-images.ts), and
 * asset URLs that work from any page.
 * What builds trusted markup (KaTeX, alerts, embeds, highlighting) runs after the sanitizer,
 * so the allow-list stays strict and applies to everything an author's raw HTML can produce.
 *
 * The plugins live beside this file by concern: sanitize.ts (raw HTML), highlight.ts (code),
 * embeds.ts (math layout, alerts, YouTube), urls.ts (checking and rewriting URLs) and
 * headings.ts (the table of contents).
 */
import { compile } from '@mdx-js/mdx';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import { serialize } from 'next-mdx-remote/serialize';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { remarkAlert } from 'remark-github-blockquote-alert';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Pluggable } from 'unified';
import { VFile } from 'vfile';
import { postFilesPath } from '../routes/table';
import { authoredExcerptLength, site, withBasePath } from '../config/site';
import { ContentError } from '../content/errors';
import type { Post } from '../content/types';
import type { ImageUse } from '../images/cache';
import { projectImageStore, type ImageStore } from '../images/process';
import { rehypeImages } from '../images/body-images';
import { collapseWhitespace, proseText, truncate } from '../content/plain-text';
import { rehypeAlertCallouts, rehypeMathLayout, rehypeYouTubeEmbeds } from './embeds';
import { rehypeCollectHeadings, type Heading } from './headings';
import { rehypeCodeMetaAsProperty, rehypeHighlightCode, rehypeShikiClass } from './highlight';
import type { Problem } from './problems';
import { rawHtmlSchema, rehypeLinksToPrefixedIds, rehypeRawHtml } from './sanitize';
import { rehypeCheckUrls, rehypeSiteUrls } from './urls';
import { rehypeCollectLinks } from './links';
import type { BodyLink } from '../content/links';

export type { Heading } from './headings';

type CompileInput = Pick<Post, 'format' | 'sourcePath' | 'bodyStartLine' | 'assetDir' | 'slug'> & { body: string };


/**
 * A compiled body, ready to render: an `.md` body as its HTML tree (rendering it runs no
 * code, and building it skips MDX's JavaScript generation, which is most of a compile's
 * cost after parsing), an `.mdx` body as the code `MDXRemote` runs. Either holds
 * `mdxJsxFlowElement`s for the site's components (`<Callout>`, `<YouTube>`); in an `.md`
 * tree their attribute expressions are only the literals this pipeline wrote.
 */
export type BodyContent = { format: 'md'; tree: HastRoot } | { format: 'mdx'; compiledSource: string };

/** The compiled body of one post, and what the page needs to know of it. */
export interface CompiledBody {
  content: BodyContent;
  /** The body's h2 and h3 headings, in order, with the ids rehype-slug gave them. */
  headings: Heading[];
  /** True when the body has math, so its page needs KaTeX's stylesheet. */
  usesMath: boolean;
  /** True when the body has a highlighted code block, so its page carries the copy script. */
  hasCodeBlocks: boolean;
  /** The local images it shows, whose files the page publishes (lib/images/cache.ts). */
  images: ImageUse[];
  /** What the author should fix but that does not stop the build (an image without alt text), as `file:line: message`. */
  warnings: string[];
  /** Each URL of the body that points into the site, as its page has it, with its line in the post's file, for the link check (lib/content/links.ts). */
  links: BodyLink[];
  /** Every id of the body that a `#fragment` can name. */
  ids: string[];
  /**
   * The excerpt of a post whose front matter gives none: the text before the body's excerpt
   * marker (`<!-- more -->`), else its first paragraph cut to `site.excerptLength`; plain text.
   */
  excerpt: string;
}

/** A post body rendered to HTML once, when it was compiled, whether it needs KaTeX's stylesheet, and whether it has code to copy. */
export interface RenderedBody {
  html: string;
  usesMath: boolean;
  hasCodeBlocks: boolean;
}


/** The Markdown syntax of both formats: GFM, `$math$`, and `> [!NOTE]` alerts. */
const remarkPlugins: Pluggable[] = [remarkGfm, remarkMath, remarkAlert];

/**
 * The excerpt marker, on a line of its own at the top level of a body: `<!-- more -->` in `.md`
 * (Hugo's and Jekyll's), `{/* more *\/}` in `.mdx` (the JSX comment; an HTML comment does not compile there).
 */
const isExcerptMarker = (node: RootContent) =>
  'value' in node &&
  ((node.type === 'html' && /^<!--\s*more\s*-->$/i.test(node.value.trim())) || ((node.type as string) === 'mdxFlowExpression' && /^\/\*\s*more\s*\*\/$/i.test(node.value.trim())));

/** The blocks whose text is prose a reader reads, and so may be an excerpt. */
const PROSE_BLOCKS = new Set(['paragraph', 'list', 'blockquote']);

/**
 * Takes the excerpt from the parse the compile makes anyway. Above an excerpt marker, it is the
 * text of every paragraph, list and quote before it, which the author chose, so it is kept
 * whole up to `authoredExcerptLength`, like a front matter excerpt; the marker is removed and
 * renders nothing. Without one, it is the text of the body's first paragraph, cut to
 * `site.excerptLength` (one inside an MDX component is the component's, not the post's lead).
 */
function remarkExcerpt(state: { excerpt: string }) {
  return (tree: MdastRoot) => {
    const marker = tree.children.findIndex(isExcerptMarker);
    if (marker !== -1) {
      const lead = tree.children.slice(0, marker).filter((node) => PROSE_BLOCKS.has(node.type));
      state.excerpt = truncate(collapseWhitespace(lead.map(proseText).join(' ')), authoredExcerptLength);
      tree.children.splice(marker, 1);
      return;
    }
    const first = tree.children.find((node) => node.type === 'paragraph');
    state.excerpt = first ? truncate(collapseWhitespace(proseText(first)), site.excerptLength) : '';
  };
}

/**
 * Compiles a post's body. Errors are `ContentError`s that give the file and its line. Images
 * are made in `imageStore` (the project's by default).
 */
export async function compileBody(post: CompileInput, { imageStore = projectImageStore() }: { imageStore?: ImageStore } = {}): Promise<CompiledBody> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const headings: Heading[] = [];
  const linked = { links: [] as BodyLink[], ids: [] as string[], siteUrl: site.url };
  const math = { usesMath: false };
  const code = { hasCodeBlocks: false };
  const lead = { excerpt: '' };
  const bodyRemarkPlugins: Pluggable[] = [...remarkPlugins, [remarkExcerpt, lead]];
  const folder = post.assetDir ? { assetDir: post.assetDir, publicDir: imageStore.dirs.publicDir, assetBase: withBasePath(postFilesPath(post.slug)) } : null;
  const images: ImageUse[] = [];
  const imageOptions = { store: imageStore, assetDir: post.assetDir, publicDir: imageStore.dirs.publicDir, uses: images, problems, warnings };
  const lineOffset = post.bodyStartLine - 1;
  const isMarkdown = post.format === 'md';
  // Raw HTML is parsed and sanitized first; everything after it builds trusted markup.
  const checkUrls: Pluggable = [rehypeCheckUrls, { problems }];
  const sanitizeRawHtml: Pluggable[] = isMarkdown ? [rehypeCodeMetaAsProperty, rehypeRawHtml, checkUrls, [rehypeSanitize, rawHtmlSchema], rehypeLinksToPrefixedIds] : [checkUrls];
  const rehypePlugins: Pluggable[] = [
    ...sanitizeRawHtml,
    rehypeSlug,
    [rehypeCollectHeadings, { headings }],
    rehypeAlertCallouts,
    [rehypeYouTubeEmbeds, { problems }],
    rehypeKatex,
    [rehypeMathLayout, math],
    [rehypeHighlightCode, { problems }],
    [rehypeShikiClass, code],
    // Images first: they are found by the paths the author wrote, and become root-relative
    // `/_img/…` files, which rehypeSiteUrls then puts under the base path like any other URL.
    [rehypeImages, imageOptions],
    [rehypeSiteUrls, { folder, problems }],
    [rehypeCollectLinks, linked],
  ];
  let content: BodyContent;
  try {
    if (isMarkdown) {
      // `.md` never runs anything, so it needs no MDX: Markdown to an HTML tree. The
      // footnotes' ids are left unprefixed: the sanitizer prefixes them, as every other id.
      const processor = unified().use(remarkParse).use(bodyRemarkPlugins).use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' }).use(rehypePlugins);
      // The file carries the source, which plugins read (an image's `![…]` tells Markdown from raw HTML).
      const file = new VFile(post.body);
      const tree = (await processor.run(processor.parse(file), file)) as HastRoot;
      content = { format: 'md', tree };
    } else {
      // `.mdx` is the author's own code, so its expressions may run.
      const { compiledSource } = await serialize(post.body, { blockJS: false, mdxOptions: { format: 'mdx', remarkPlugins: bodyRemarkPlugins, rehypePlugins, development: false } });
      content = { format: 'mdx', compiledSource };
    }
  } catch (error) {
    throw await describeCompileError(post, lineOffset, error);
  }
  if (problems.length) {
    const [first] = problems;
    throw new ContentError(post.sourcePath, first.detail, { line: first.line && first.line + lineOffset, field: first.field });
  }
  const located = ({ line, detail }: Problem) => `${post.sourcePath}${line ? `:${line + lineOffset}` : ''}: ${detail}`;
  const links = linked.links.map((link) => ({ ...link, line: link.line && link.line + lineOffset }));
  return { content, headings, usesMath: math.usesMath, hasCodeBlocks: code.hasCodeBlocks, images, warnings: warnings.map(located), links, ids: [...new Set(linked.ids)], excerpt: lead.excerpt };
}

/**
 * next-mdx-remote flattens compiler errors into text and can lose the position. Compiling
 * again with @mdx-js/mdx (only on this failure path) recovers the reason and the line.
 */
async function describeCompileError(post: CompileInput, lineOffset: number, original: unknown): Promise<ContentError> {
  try {
    await compile(post.body, { format: post.format, remarkPlugins });
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
