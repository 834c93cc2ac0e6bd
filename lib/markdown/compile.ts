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
 * with shiki (titles, line numbers, highlighted lines), responsive images (lib/images.ts), and
 * asset URLs that work from any page.
 * What builds trusted markup (KaTeX, alerts, embeds, highlighting) runs after the sanitizer,
 * so the allow-list stays strict and applies to everything an author's raw HTML can produce.
 */
import { compile } from '@mdx-js/mdx';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { Raw } from 'mdast-util-to-hast';
import type { MdxJsxAttribute, MdxJsxFlowElementHast as MdxJsxElement, MdxJsxTextElementHast as MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { urlAttributes } from 'html-url-attributes';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { serialize } from 'next-mdx-remote/serialize';
import rehypeKatex from 'rehype-katex';
import rehypePrettyCode, { type Options as PrettyCodeOptions } from 'rehype-pretty-code';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { remarkAlert } from 'remark-github-blockquote-alert';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { createHighlighter, type Highlighter } from 'shiki';
import { unified, type Pluggable } from 'unified';
import { visit } from 'unist-util-visit';
import { postFilesPath } from '../routes/table';
import { hasUrlScheme, isRelativeUrl, replaceSrcSetUrls, resolveRelativeUrl } from '../routes/urls';
import { readableTheme } from './code-themes';
import { site, withBasePath } from '../config/site';
import { ContentError } from '../content/errors';
import { VFile } from 'vfile';
import type { Post } from '../content/load';
import type { ImageUse } from '../images/cache';
import { projectImageStore, type ImageStore } from '../images/process';
import { localFile, rehypeImages, type ImageLocation } from '../images/body-images';
import { collapseWhitespace, proseText, truncate } from '../content/plain-text';

/** Light and dark token colours, switched by CSS with the page's scheme (styles/globals.css); lib/code-themes.ts fixes their contrast. */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** GFM's filtered tags: elements whose content an HTML parser does not read as HTML (see rehypeRawHtml). */
const FILTERED_TAGS = ['title', 'textarea', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'script', 'plaintext'];

/** What the sanitizer puts before each id and name from raw HTML, and from footnotes. */
const CLOBBER_PREFIX = 'user-content-';

/**
 * What raw HTML in a `.md` post may contain: GitHub's allow-list, plus embeds (`<iframe>`,
 * `<video>`), figures and class names. No event handlers and no scripts. URL schemes are not
 * checked here but before, by rehypeCheckUrls, which fails the build on a wrong one; this
 * check would compare them case-sensitively, and drop `HTTPS:` and `MAILTO:` links. Ids and
 * names (and the ARIA attributes that name ids) get GitHub's prefix, `user-content-`, as
 * GitHub's allow-list has it: unprefixed, `<img name="getElementById">` would replace the
 * document's method that the theme script calls, and an author's `id="theme-toggle"` would
 * make its element a theme switch.
 */
export const rawHtmlSchema: SanitizeSchema = {
  ...defaultSchema,
  protocols: {},
  clobberPrefix: CLOBBER_PREFIX,
  // Removed with their content: script, style and the like are never text on the page (the
  // tag filter below has already removed them from raw HTML, with what they would swallow).
  strip: FILTERED_TAGS.filter((name) => name !== 'iframe'),
  tagNames: [...(defaultSchema.tagNames ?? []), 'iframe', 'video', 'audio', 'source', 'figure', 'figcaption', 'mark', 'abbr'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className'],
    iframe: ['src', 'title', 'width', 'height', 'allow', 'allowFullScreen', 'loading', 'referrerPolicy', 'frameBorder'],
    video: ['src', 'poster', 'width', 'height', 'controls', 'muted', 'loop', 'playsInline', 'preload'],
    audio: ['src', 'controls', 'loop', 'preload'],
    source: ['src', 'type', 'srcSet', 'media'],
    abbr: ['title'],
    // remark-math's classes, for rehype-katex; `metastring` carries a code block's meta
    // (`title="a.ts" {1,3}`) past rehype-raw, which drops node data (see rehypeCodeMetaAsProperty).
    code: [['className', /^language-./, 'math-inline', 'math-display'], 'metastring'],
  },
};

/** A content error a plugin found, reported after the compile (which would flatten a thrown error into text). */
interface Problem {
  /** Line in the body. */
  line?: number;
  /** The attribute at fault, where one is. */
  field?: string;
  detail: string;
}

let highlighter: Promise<Highlighter> | undefined;

/** One highlighter per process, whatever rehype-pretty-code asks for; languages load on first use. */
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES).map(readableTheme), langs: [] }).then((created) => ({
    ...created,
    // shiki gives up on a line after 500 ms and leaves the rest of it one colour. The first
    // block in a language also compiles its grammar, which takes over a second on a busy
    // machine: without the limit, the colours do not depend on the machine's load.
    codeToHtml: (code, options) => created.codeToHtml(code, { ...options, tokenizeTimeLimit: 0 }),
  }));
  return highlighter;
}

/**
 * Code blocks: ```ts title="a.ts" {1,3-4} showLineNumbers. Both themes are emitted as
 * `--shiki-light`/`--shiki-dark` (+ `-bg`) variables, which styles/globals.css maps on `.shiki`.
 * An unknown language is plain text; inline code is left alone.
 */
const prettyCodeOptions: PrettyCodeOptions = {
  theme: CODE_THEMES,
  getHighlighter,
  defaultLang: { block: 'plaintext' },
  bypassInlineCode: true,
};

/**
 * rehype-pretty-code, keeping each block's exact text, so that copied code is the code
 * written. Its grid layout is off (`grid: false`): that writes a space into every empty line,
 * and, as the browser copies a grid row by row, loses blank lines from a copy; the lines are
 * laid out by MdxBody.module.css instead. It also drops a block's final newline, which is put
 * back here after the last line.
 */
function rehypeHighlightCode(options: { problems: Problem[] }) {
  // Its type allows for a plugin that returns nothing; this one returns its async transformer of the tree.
  const highlight = rehypePrettyCode({ ...prettyCodeOptions, grid: false }) as (tree: HastRoot) => Promise<void>;
  return async (tree: HastRoot) => {
    const endingInNewline = new Set<Element>();
    visit(tree, 'element', (node: Element) => {
      // The blocks rehype-pretty-code highlights: a <pre> whose one child is a <code> of text.
      const [code] = node.children;
      if (node.tagName === 'pre' && node.children.length === 1 && code.type === 'element' && code.tagName === 'code' && code.children[0]?.type === 'text') {
        const text = hastToString(code);
        if (text.endsWith('\n')) endingInNewline.add(node);
        const problem = lineRangeProblem(code.data?.meta ?? code.properties.metastring, text);
        if (problem) {
          options.problems.push({ line: node.position?.start.line, detail: problem });
          // The build fails on it: the block is not highlighted at the cost its range would have.
          if (code.data) delete code.data.meta;
          delete code.properties.metastring;
        }
      }
    });
    await highlight(tree);
    // rehype-pretty-code turns each <pre> it highlights into the <figure> around the new one.
    for (const figure of endingInNewline) {
      const code = figure.tagName === 'figure' ? select('pre > code', figure) : undefined;
      code?.children.push({ type: 'text', value: '\n' });
    }
  };
}

/**
 * What is wrong with a block's highlighted lines (`{1,3-4}` in its meta), if they name a line
 * it does not have: a mistake, and one that rehype-pretty-code would spell out line by line
 * (`{1-100000000}` took a build worker past 1 GB).
 */
function lineRangeProblem(meta: unknown, code: string): string | null {
  if (typeof meta !== 'string') return null;
  const lines = code.replace(/\n$/, '').split('\n').length;
  for (const [range] of meta.matchAll(/\{[\d\s,-]*\}/g)) {
    const highest = Math.max(0, ...[...range.matchAll(/\d+/g)].map(([number]) => Number(number)));
    if (highest > lines) return `code block highlights line ${highest} (${range}), but it has ${lines} line${lines === 1 ? '' : 's'}`;
  }
  return null;
}

/** rehype-pretty-code drops shiki's class from `<pre>`; styles/globals.css switches the theme colours on it. */
function rehypeShikiClass() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'figure' || !('data-rehype-pretty-code-figure' in node.properties)) return;
      for (const child of node.children) if (child.type === 'element' && child.tagName === 'pre') child.properties.className = ['shiki'];
    });
  };
}

/**
 * A fenced block's meta (`title="a.ts" {1,3}`) is node data, which rehype-raw does not keep;
 * as the `metastring` property, which rehype-pretty-code also reads, it survives.
 */
function rehypeCodeMetaAsProperty() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'code' && node.data?.meta) node.properties.metastring = node.data.meta;
    });
  };
}

/**
 * GFM's tag filter, as a removal. In raw HTML, the start tag of these elements makes an HTML
 * parser read what follows as their text (`<textarea>`, `<title>`) or hide it (the others),
 * up to an end tag that may never come, swallowing the rest of the post; GitHub escapes them.
 * Folio removes each one with its content, up to its end tag in the same HTML (or, for a tag
 * within a paragraph, in the same paragraph), so it leaves no text behind. One without an end
 * tag there loses its start tag alone, and what follows is shown as written. An `<iframe>` is
 * an embed, so it stays, closed at once: browsers never show its content.
 */
/** A start or end tag as an HTML tokenizer reads one (quoted values may hold `>`), or a comment, whose tags are not tags. */
const TAG_OR_COMMENT = new RegExp(`<!--[\\s\\S]*?(?:-->|$)|<(/?)(${FILTERED_TAGS.join('|')})(?=[\\s/>]|$)(?:"[^"]*"|'[^']*'|[^"'>])*>?`, 'gi');
const endTag = (name: string) => new RegExp(`</${name}(?=[\\s/>]|$)(?:"[^"]*"|'[^']*'|[^"'>])*>?`, 'gi');
/** A raw node that is one filtered start tag and nothing else, as inline HTML is: `<style>`. */
const LONE_START_TAG = new RegExp(`^<(${FILTERED_TAGS.join('|')})(?=[\\s/>])(?:"[^"]*"|'[^']*'|[^"'>])*>$`, 'i');
const closed = (startTag: string, name: string) => (name === 'iframe' ? `${startTag}</iframe>` : '');

/** The raw HTML `html` with each filtered element removed (an iframe emptied and closed), and each stray filtered tag. */
function filterTags(html: string): string {
  let filtered = '';
  let position = 0;
  TAG_OR_COMMENT.lastIndex = 0;
  for (let match = TAG_OR_COMMENT.exec(html); match; match = TAG_OR_COMMENT.exec(html)) {
    const [tag, slash, tagName] = match;
    if (!tagName) continue;
    const name = tagName.toLowerCase();
    filtered += html.slice(position, match.index);
    position = TAG_OR_COMMENT.lastIndex;
    if (slash) continue;
    const end = endTag(name);
    end.lastIndex = position;
    // Its content is text up to its end tag: tags and comments in it are not looked at.
    if (end.exec(html)) position = TAG_OR_COMMENT.lastIndex = end.lastIndex;
    filtered += closed(tag, name);
  }
  return filtered + html.slice(position);
}

/**
 * Raw HTML is filtered (above), then parsed by rehype-raw, which re-parses the whole tree with
 * an HTML parser and costs more than the rest of the sanitizing; a body without raw HTML has
 * nothing for it to do, so it runs only when there is some.
 */
function rehypeRawHtml() {
  const parseRawHtml = rehypeRaw();
  return (tree: HastRoot, file: VFile) => {
    let hasRawHtml = false;
    visit(tree, 'raw', (node: Raw, index, parent) => {
      hasRawHtml = true;
      const loneStartTag = LONE_START_TAG.exec(node.value);
      if (loneStartTag && parent && index !== undefined) {
        // Inline HTML is a node per tag: the element ends at its end tag later in the paragraph.
        const name = loneStartTag[1].toLowerCase();
        const end = parent.children.findIndex((sibling, at) => at > index && sibling.type === 'raw' && endTag(name).exec(sibling.value)?.[0] === sibling.value.trim());
        if (end !== -1) {
          parent.children.splice(index, end - index + 1, { type: 'raw', value: closed(node.value, name) });
          return index + 1;
        }
      }
      node.value = filterTags(node.value);
    });
    return hasRawHtml ? parseRawHtml(tree, file) : tree;
  };
}

/**
 * A `#x` link to an element whose id or name the sanitizer prefixed (`<a id="x">`, and the
 * footnotes, `fn-1`) points at its new id, `#user-content-x`, as GitHub's script does when its
 * pages load. Runs before rehype-slug: headings it names are not prefixed, and `#setup` stays
 * a link to the heading "Setup".
 */
function rehypeLinksToPrefixedIds() {
  return (tree: HastRoot) => {
    const targets = new Set<string>();
    const links: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      const { id, name, href } = node.properties;
      for (const target of [id, name]) if (typeof target === 'string') targets.add(target);
      if (typeof href === 'string' && href.startsWith('#')) links.push(node);
    });
    for (const link of links) {
      const fragment = String(link.properties.href).slice(1);
      let target = fragment;
      try {
        target = decodeURIComponent(fragment);
      } catch {
        // Not percent-encoded text: the fragment is the id as it is.
      }
      if (!targets.has(target) && targets.has(CLOBBER_PREFIX + target)) link.properties.href = `#${CLOBBER_PREFIX}${fragment}`;
    }
  };
}

/**
 * After rehype-katex: records whether there is math (only then does the page need KaTeX's
 * stylesheet), and lets a display formula wider than the column scroll in its own box, as
 * wide code and tables do, instead of widening the page.
 */
function rehypeMathLayout(state: { usesMath: boolean }) {
  return (tree: HastRoot) => {
    state.usesMath = select('.katex', tree) !== undefined;
    for (const display of selectAll('.katex-display', tree)) display.properties.style = 'overflow-x:auto;overflow-y:hidden';
  };
}

const ALERT_TYPES = ['note', 'tip', 'important', 'warning', 'caution'] as const;

/**
 * remark-github-blockquote-alert turns `> [!NOTE]` into `<div class="markdown-alert
 * markdown-alert-note">` with a title paragraph; this makes it the site's `<Callout>`, the
 * same accessible aside that MDX posts use, with the type's own title.
 */
function rehypeAlertCallouts() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
      const type = ALERT_TYPES.find((name) => classes.includes(`markdown-alert-${name}`));
      if (!type || !classes.includes('markdown-alert') || !parent || index === undefined) return;
      // The plugin's title paragraph ("NOTE") is the first element; Callout has its own title.
      const title = node.children.find((child) => child.type === 'element');
      const callout: MdxJsxElement = {
        type: 'mdxJsxFlowElement',
        name: 'Callout',
        attributes: [{ type: 'mdxJsxAttribute', name: 'type', value: type }],
        children: node.children.filter((child) => child !== title),
      };
      parent.children[index] = callout;
    });
  };
}

const YOUTUBE_ID = /^[\w-]{11}$/;

/** The video a YouTube link plays: `youtube.com/watch?v=ID` or `youtu.be/ID`, with its `t=` start in seconds. */
export function youTubeVideo(url: string): { id: string; start: number } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.replace(/^(www|m)\./, '');
  const id = host === 'youtu.be' ? parsed.pathname.slice(1) : host === 'youtube.com' && parsed.pathname === '/watch' ? parsed.searchParams.get('v') : null;
  if (!/^https?:$/.test(parsed.protocol) || !id || !YOUTUBE_ID.test(id)) return null;
  // `t=90`, `t=90s` or `t=1h2m3s`; anything else starts at the beginning.
  const time = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(parsed.searchParams.get('t') ?? parsed.searchParams.get('start') ?? '');
  const start = time ? Number(time[1] ?? 0) * 3600 + Number(time[2] ?? 0) * 60 + Number(time[3] ?? 0) : 0;
  return { id, start };
}

/** A JSX attribute whose value is a number literal, as `start={90}` is. */
function numberAttribute(name: string, value: number): MdxJsxAttribute {
  const expression = { type: 'Literal' as const, value, raw: String(value) };
  return {
    type: 'mdxJsxAttribute',
    name,
    value: { type: 'mdxJsxAttributeValueExpression', value: String(value), data: { estree: { type: 'Program', sourceType: 'module', body: [{ type: 'ExpressionStatement', expression }] } } },
  };
}

/**
 * A paragraph that is only a link to a YouTube video becomes `<YouTube>`, a click-to-load
 * embed; a link within a sentence stays a link. The link's text is the embed's title, unless
 * it is the URL itself. In `.mdx`, a `<YouTube id>` that is not a video id is a content error.
 */
function rehypeYouTubeEmbeds(options: { problems: Problem[] }) {
  return (tree: HastRoot) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'mdxJsxFlowElement' && node.name === 'YouTube') {
        const id = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value;
        if (typeof id !== 'string' || !YOUTUBE_ID.test(id)) {
          options.problems.push({ line: node.position?.start.line, detail: `<YouTube> needs an id="…" of 11 letters, digits, - or _ (the v=… of the video's URL)` });
        }
        return;
      }
      if (node.type !== 'element' || node.tagName !== 'p' || !parent || index === undefined) return;
      const content = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
      const [link] = content;
      if (content.length !== 1 || link.type !== 'element' || link.tagName !== 'a' || typeof link.properties.href !== 'string') return;
      const video = youTubeVideo(link.properties.href);
      if (!video) return;
      const text = hastToString(link).trim();
      const title = !text || hasUrlScheme(text) || text.startsWith('www.') ? 'YouTube video' : text;
      const embed: MdxJsxElement = {
        type: 'mdxJsxFlowElement',
        name: 'YouTube',
        attributes: [
          { type: 'mdxJsxAttribute', name: 'id', value: video.id },
          { type: 'mdxJsxAttribute', name: 'title', value: title },
          ...(video.start ? [numberAttribute('start', video.start)] : []),
        ],
        children: [],
      };
      parent.children[index] = embed;
    });
  };
}


/**
 * The attributes that hold URLs, by property name: html-url-attributes' list, and the two it
 * leaves out, `srcset` and `longdesc`. They are URLs on whatever element they are written (a
 * stray `<div action>` too). An MDX component's URLs are its `src` and `href` (`<Figure src>`).
 */
const URL_PROPERTIES = new Set([...Object.keys(urlAttributes), 'srcSet', 'longDesc']);
const COMPONENT_URL_PROPERTIES = new Set(['src', 'href']);

/** Where a URL is: the name of its attribute as written in HTML (`srcset`), its element's name and line. */
interface UrlPlace {
  attribute: string;
  element: string;
  line?: number;
}

/** Calls `replace` with each URL that an element or MDX element of `tree` holds, and where it is, and puts back what it returns. */
function replaceUrls(tree: HastRoot, replace: (url: string, place: UrlPlace) => string): void {
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

/** The scheme of a URL as browsers read it, in lower case (`HTTPS:` is `https`), or null for a path. */
function urlScheme(url: string): string | null {
  // Browsers ignore leading spaces and control characters, and tabs and newlines anywhere.
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url.replace(/^[\0-\x20]+|[\t\n\r]/g, ''));
  return scheme ? scheme[1].toLowerCase() : null;
}

/**
 * Every URL a body gives, in Markdown (`[x](…)`, `![x](…)`), raw HTML or an MDX element, is a
 * path or an http(s) URL, and a link's may be a `mailto:` address; any other (`javascript:`,
 * `data:`, `file:`) is a problem naming the attribute. Schemes compare as browsers compare
 * them, in any case. In `.md` this runs before the sanitizer, which would drop such a URL
 * without a word (and an upper-case `HTTPS:` with it).
 */
function rehypeCheckUrls(options: { problems: Problem[] }) {
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
 *   published under `assetBase` (see lib/assets.ts), so they become root-relative and work
 *   on list pages and in feeds too. One that names a file that is not there, or that climbs
 *   out of the folder (`../../package.json`, which would be published as a broken URL), is
 *   recorded in `problems` (the compiler would flatten a thrown error into text);
 * - root-relative ones (`/posts/other/`) get the site's base path, as every link the site
 *   writes does.
 */
function rehypeSiteUrls(options: { folder: (ImageLocation & { assetDir: string; assetBase: string }) | null; problems: Problem[] }) {
  const { folder, problems } = options;
  return (tree: HastRoot) =>
    replaceUrls(tree, (url, { attribute, element, line }) => {
      // withBasePath leaves every URL but a root-relative one (`/posts/other/`) as it is.
      if (!folder || !isRelativeUrl(url)) return withBasePath(url);
      const local = localFile(url, folder);
      if ('problem' in local) {
        const what = attribute === 'href' ? 'link' : element === 'img' || element === 'Figure' ? 'image' : `<${element} ${attribute}>`;
        problems.push({ line, detail: `${what} "${url}" ${local.problem}` });
      }
      return resolveRelativeUrl(url, folder.assetBase);
    });
}

type CompileInput = Pick<Post, 'format' | 'sourcePath' | 'bodyStartLine' | 'assetDir' | 'slug'> & { body: string };

/** A section heading of a post, for its table of contents. */
export interface Heading {
  depth: number;
  id: string;
  text: string;
}

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
  /** The local images it shows, whose files the page publishes (lib/image-cache.ts). */
  images: ImageUse[];
  /** What the author should fix but that does not stop the build (an image without alt text), as `file:line: message`. */
  warnings: string[];
  /** The plain text of the body's first paragraph, cut to `site.excerptLength`: the excerpt of a post whose front matter gives none. */
  excerpt: string;
}

/** A post body rendered to HTML once, when it was compiled, and whether it needs KaTeX's stylesheet. */
export interface RenderedBody {
  html: string;
  usesMath: boolean;
}

/**
 * True for a heading no reader sees: GFM's "Footnotes" label (`<h2 class="sr-only">`) is there
 * for screen readers only, so it gets no entry in the contents and no link to itself.
 */
const isVisuallyHidden = (node: Element) => Array.isArray(node.properties.className) && node.properties.className.includes('sr-only');

/** Collects the visible h2 and h3 headings (a body's `#` is shown as an h2) after rehype-slug has given them ids. */
function rehypeCollectHeadings(options: { headings: Heading[] }) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      const depth = /^h([1-3])$/.exec(node.tagName)?.[1];
      if (depth && typeof node.properties.id === 'string' && !isVisuallyHidden(node)) {
        options.headings.push({ depth: Math.max(2, Number(depth)), id: node.properties.id, text: hastToString(node) });
      }
    });
  };
}

/** The Markdown syntax of both formats: GFM, `$math$`, and `> [!NOTE]` alerts. */
const remarkPlugins: Pluggable[] = [remarkGfm, remarkMath, remarkAlert];

/**
 * Takes the excerpt from the parse the compile makes anyway: the text of the body's first
 * paragraph (one inside an MDX component is the component's, not the post's lead).
 */
function remarkExcerpt(state: { excerpt: string }) {
  return (tree: MdastRoot) => {
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
  const math = { usesMath: false };
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
    rehypeShikiClass,
    // Images first: they are found by the paths the author wrote, and become root-relative
    // `/_img/…` files, which rehypeSiteUrls then puts under the base path like any other URL.
    [rehypeImages, imageOptions],
    [rehypeSiteUrls, { folder, problems }],
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
  return { content, headings, usesMath: math.usesMath, images, warnings: warnings.map(located), excerpt: lead.excerpt };
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
