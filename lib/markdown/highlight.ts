/**
 * Code blocks: build-time highlighting with shiki through rehype-pretty-code, in a light and a
 * dark theme that CSS switches, with titles, line numbers and highlighted lines from the
 * fence's meta. A line range past the block is a problem, not a silent no-op.
 */
import type { Element, Root as HastRoot } from 'hast';
import { select } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import rehypePrettyCode, { type Options as PrettyCodeOptions } from 'rehype-pretty-code';
import { createHighlighter, type Highlighter } from 'shiki';
import { visit } from 'unist-util-visit';
import { readableTheme } from './code-themes';
import type { Problem } from './problems';

/** Light and dark token colours, switched by CSS with the page's scheme (styles/globals.css); lib/markdown/code-themes.ts fixes their contrast. */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;

let highlighter: Promise<Highlighter> | undefined;

/** One highlighter per process, whatever rehype-pretty-code asks for; languages load on first use. */
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(CODE_THEMES).map(readableTheme), langs: [] }).then((created) => ({
    ...created,
    // shiki gives up on a line after 500 ms and leaves the rest of it one colour. The first
    // block in a language also compiles its grammar, which takes over a second on a busy
    // machine: without the limit, the colours do not depend on the machine's load.
    codeToHtml: (code, options) => created.codeToHtml(code, { ...options, tokenizeTimeLimit: 0 }),
    // rehype-pretty-code asks for every block's language in every body, and shiki imports a
    // language's module again even when it has it (1 s of a 1000-post build's CPU).
    loadLanguage: async (...langs) => {
      const loaded = new Set(created.getLoadedLanguages());
      const missing = langs.filter((lang) => typeof lang !== 'string' || !loaded.has(lang));
      if (missing.length) await created.loadLanguage(...missing);
    },
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
export function rehypeHighlightCode(options: { problems: Problem[] }) {
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

/**
 * rehype-pretty-code drops shiki's class from `<pre>`; styles/globals.css switches the theme
 * colours on it. Records whether the body has a code block: only then does its page carry the
 * copy script (components/MdxBody).
 */
export function rehypeShikiClass(state: { hasCodeBlocks: boolean }) {
  return (tree: HastRoot) => {
    state.hasCodeBlocks = false;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'figure' || !('data-rehype-pretty-code-figure' in node.properties)) return;
      state.hasCodeBlocks = true;
      for (const child of node.children) if (child.type === 'element' && child.tagName === 'pre') child.properties.className = ['shiki'];
    });
  };
}

/**
 * A fenced block's meta (`title="a.ts" {1,3}`) is node data, which rehype-raw does not keep;
 * as the `metastring` property, which rehype-pretty-code also reads, it survives.
 */
export function rehypeCodeMetaAsProperty() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'code' && node.data?.meta) node.properties.metastring = node.data.meta;
    });
  };
}
