/**
 * The trusted markup a body gets after the sanitizer: KaTeX's layout, GitHub alerts as
 * callouts, and YouTube links as embeds.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { MdxJsxAttribute, MdxJsxFlowElementHast as MdxJsxElement } from 'mdast-util-mdx-jsx';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { hasUrlScheme } from '../routes/urls';
import type { Problem } from './problems';

/**
 * After rehype-katex: records whether there is math (only then does the page need KaTeX's
 * stylesheet), and lets a display formula wider than the column scroll in its own box, as
 * wide code and tables do, instead of widening the page.
 */
export function rehypeMathLayout(state: { usesMath: boolean }) {
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
export function rehypeAlertCallouts() {
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
export function rehypeYouTubeEmbeds(options: { problems: Problem[] }) {
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
