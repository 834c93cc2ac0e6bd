/**
 * `llms.txt` (llmstxt.org): the site for language models, in Markdown. The site's title as
 * the one `#` heading, its description as a `>` quote, then a `## Posts` list of every
 * published post, newest first, and a `## Pages` list of its pages, each entry one line:
 * `- [title](absolute URL): excerpt`. The post-export step writes it at the root
 * (`LLMS_TXT_PATH`) from the build manifest.
 *
 * Front matter is hostile here too: a title or excerpt may hold line breaks, `]`, `)`, `#` or
 * `*`. Each is made one line (runs of white space, line breaks included, become one space),
 * and mdast-util-to-markdown writes the document, escaping whatever would otherwise end the
 * link text, start a new block or read as markup, so every entry stays one list item.
 */
import fs from 'node:fs';
import type { List, ListItem, PhrasingContent, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { PostSummary } from '../content/types';
import { LLMS_TXT_PATH } from '../routes/table';
import { exportedFile } from './exported-pages';
import { publishedPosts } from './feeds';
import type { BuildManifest } from './manifest-file';

/** One entry of a list: its title, absolute URL, and excerpt (may be empty). */
export interface LlmsTxtEntry {
  title: string;
  url: string;
  excerpt: string;
}

/** The words of the file: the site's title and description, and the two lists' headings. */
export interface LlmsTxtText {
  title: string;
  description: string;
  postsHeading: string;
  pagesHeading: string;
}

/** `text` on one line: every run of white space (line breaks, tabs) one space, none at either end. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const text = (value: string): PhrasingContent => ({ type: 'text', value: oneLine(value) });

/** `- [title](url): excerpt`, one tight list item. */
const entryItem = ({ title, url, excerpt }: LlmsTxtEntry): ListItem => ({
  type: 'listItem',
  spread: false,
  children: [{ type: 'paragraph', children: [{ type: 'link', url, children: [text(title)] }, ...(oneLine(excerpt) ? [text(`: ${excerpt}`)] : [])] }],
});

const entryList = (entries: LlmsTxtEntry[]): List => ({ type: 'list', ordered: false, spread: false, children: entries.map(entryItem) });

/**
 * The llms.txt of `posts` (newest first) and `pages`, with the site's `words`. A section with
 * no entry is left out. Called once per site; a site in several languages calls it per language.
 */
export function llmsTxt(words: LlmsTxtText, posts: LlmsTxtEntry[], pages: LlmsTxtEntry[]): string {
  const sections = [
    { heading: words.postsHeading, entries: posts },
    { heading: words.pagesHeading, entries: pages },
  ].filter(({ entries }) => entries.length > 0);
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [text(words.title)] },
      ...(oneLine(words.description) ? [{ type: 'blockquote' as const, children: [{ type: 'paragraph' as const, children: [text(words.description)] }] }] : []),
      ...sections.flatMap(({ heading, entries }) => [{ type: 'heading' as const, depth: 2 as const, children: [text(heading)] }, entryList(entries)]),
    ],
  };
  return toMarkdown(tree, { bullet: '-' });
}

/**
 * The llms.txt of the site in `manifest`: its published posts and its pages (no drafts, no
 * scheduled posts, which `npm run dev`'s manifest holds), with absolute URLs.
 */
export function siteLlmsTxt(manifest: BuildManifest): string {
  const entry = (post: PostSummary): LlmsTxtEntry => ({ title: post.title, url: new URL(post.url, manifest.site.url).href, excerpt: post.excerpt });
  const words = { title: manifest.site.title, description: manifest.site.description, postsHeading: 'Posts', pagesHeading: 'Pages' };
  return llmsTxt(words, publishedPosts(manifest.posts).map(entry), publishedPosts(manifest.pages).map(entry));
}

/** Writes the site's llms.txt into `outDir`; returns its path relative to it. */
export function writeLlmsTxt(manifest: BuildManifest, outDir: string): string[] {
  fs.writeFileSync(exportedFile(outDir, LLMS_TXT_PATH), siteLlmsTxt(manifest));
  return [LLMS_TXT_PATH.slice(1)];
}
