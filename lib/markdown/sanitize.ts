/**
 * Raw HTML in a `.md` post: GFM's tag filter, rehype-raw's parse, and rehype-sanitize's
 * allow-list (GitHub's, plus embeds and figures), with GitHub's `user-content-` prefix on ids
 * and names so that an author's HTML cannot clobber the page's DOM.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Raw } from 'mdast-util-to-hast';
import rehypeRaw from 'rehype-raw';
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** GFM's filtered tags: elements whose content an HTML parser does not read as HTML (see rehypeRawHtml). */
const FILTERED_TAGS = ['title', 'textarea', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'script', 'plaintext'];

/** What the sanitizer puts before each id and name from raw HTML, and from footnotes. */
export const CLOBBER_PREFIX = 'user-content-';

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
export function filterTags(html: string): string {
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
export function rehypeRawHtml() {
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
export function rehypeLinksToPrefixedIds() {
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
