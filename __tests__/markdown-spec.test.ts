/** @jest-environment node */
/**
 * Markdown conformance: every example of the CommonMark spec (the npm package commonmark-spec)
 * and of GitHub Flavored Markdown's extensions (__tests__/fixtures/gfm-spec/examples.json) goes
 * through the real `.md` pipeline, compileBody and then the renderer a post page uses, and the
 * DOM it gives is compared with the spec's: both HTML texts are parsed by an HTML parser, and
 * the trees normalised (see `normalise`) for what Folio adds or changes on purpose, the same
 * for every example. An example that still differs must be in its allowance list, with the
 * reason; the test fails if another example differs, if one on the list stops differing (so
 * the list stays exact), or if fewer examples pass than the spec's target.
 *
 *   npx jest -c __tests__/jest.config.mjs __tests__/markdown-spec.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Nodes, Properties, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { tests as commonMarkExamples } from 'commonmark-spec';
import { version as commonMarkVersion } from 'commonmark-spec/package.json';
import { rawHtmlSchema } from '../lib/markdown/sanitize';
import { scratchImageStore, writeSvg } from './helpers/images';
import { compileAndRender } from './helpers/render-body';

jest.setTimeout(300_000);

interface Example {
  number: number;
  section: string;
  markdown: string;
  html: string;
}

// The spec writes a tab as →, in the Markdown and in the HTML; its own test runner reads it as a tab.
const withTabs = (text: string) => text.replaceAll('→', '\t');
const commonMark = commonMarkExamples.map((example) => ({ ...example, markdown: withTabs(example.markdown), html: withTabs(example.html) }));
const gfmFixture = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'gfm-spec', 'examples.json'), 'utf8')) as { examples: (Example & { source: string })[] };
/** The GFM examples, named by their source: `spec.txt` numbers are the GFM spec's, `extensions.txt` ones count its footnote tests. */
const gfm = gfmFixture.examples.map((example) => ({ ...example, name: `${example.source} ${example.number}` }));

/**
 * The CommonMark examples that give another DOM, on purpose, by number. 640 of the spec's 652
 * must pass: no more than 12 may be here.
 */
const COMMONMARK_ALLOWED: Record<number, string> = {
  173: 'An unclosed <style> loses its start tag and what follows is shown, where a browser would hide the rest of the page (the tag filter)',
  596: 'An irc: URL fails the build: a post links to paths and http(s) URLs only (and mailto: addresses)',
  598: 'A URL of the made-up scheme a+b+c: fails the build: a post links to paths and http(s) URLs only',
  599: 'A URL of the made-up scheme made-up-scheme: fails the build: a post links to paths and http(s) URLs only',
  601: 'localhost:5001/foo is a URL of scheme localhost:, which fails the build: a post links to paths and http(s) URLs only',
  602: "GFM's autolink literals (remark-gfm) link the bare URL that CommonMark alone leaves as text",
  606: "GFM's autolink literals link the bare e-mail address that CommonMark alone leaves as text",
  608: "GFM's autolink literals link the bare URL that CommonMark alone leaves as text",
  611: "GFM's autolink literals link the bare URL that CommonMark alone leaves as text",
  612: "GFM's autolink literals link the bare e-mail address that CommonMark alone leaves as text",
};
const COMMONMARK_TARGET = 640;

/** The GFM extension examples that give another DOM, on purpose, by name. */
const GFM_ALLOWED: Record<string, string> = {
  'spec.txt 628': 'remark-gfm links bare http(s) and www. URLs, not ftp: ones; an ftp: link would fail the build anyway, as a post links to paths and http(s) URLs only',
  'spec.txt 653': "Folio's tag filter removes <title>, <style>, <textarea>, <xmp> and <plaintext> with their content, where GitHub shows them as escaped text",
};
const GFM_TARGET = gfm.length - Object.keys(GFM_ALLOWED).length;

/** Elements that are blocks: white space next to them is not shown. */
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'dd', 'dt', 'figure', 'figcaption', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul']);
const isBlock = (node: Nodes | undefined) => node === undefined || (node.type === 'element' && BLOCKS.has(node.tagName));
const hasClass = (node: Element, name: string) => Array.isArray(node.properties.className) && node.properties.className.includes(name);
const isElement = (node: Nodes | undefined, tagName?: string): node is Element => node?.type === 'element' && (!tagName || node.tagName === tagName);

/** A compared node: an element's name, attributes and children, or a text. */
type Shape = string | { tag: string; properties: Properties; children: Shape[] };

/**
 * The tree as compared. What Folio adds or changes on purpose, on every page, is undone:
 * - a `#` heading is shown as an `<h2>` (the post title is the page's one `<h1>`);
 * - a heading has an id and is followed by its anchor link, in a wrapper;
 * - a link to another site is marked external (a class, `rel` and hidden text);
 * - a code block is highlighted: only its text and language (`<pre><code class="language-…">`) are compared, the text byte for byte;
 * - an image has the size, loading and decoding attributes the build sets, and the first one React's preload `<link>`;
 * - a task list has GitHub's classes (`contains-task-list`, `task-list-item`);
 * - a table cell's alignment is a style (`text-align`, as React writes it), not `align`;
 * - footnotes use github.com's names (ids, classes, ARIA labels, a hidden "Footnotes" heading), not cmark-gfm's: only their structure and text are compared;
 * - a folder post's relative URLs are published under `/posts/<slug>/`;
 * - white space next to a block, which no browser shows, is dropped.
 * And the spec's HTML is cleaned by the allow-list that cleans raw HTML in a post (comments,
 * scripts and elements or attributes it does not allow are removed, ids get `user-content-`):
 * what a post's raw HTML may contain is tested on its own (__tests__/markdown.test.tsx).
 */
function normalise(nodes: readonly Nodes[], options: { inPre?: boolean; folderBase?: string } = {}): Shape[] {
  const shapes: Shape[] = [];
  nodes.forEach((node, index) => {
    if (node.type === 'text') {
      if (!options.inPre && !node.value.trim() && (isBlock(nodes[index - 1]) || isBlock(nodes[index + 1]))) return;
      if (typeof shapes.at(-1) === 'string') shapes[shapes.length - 1] += node.value;
      else shapes.push(node.value);
      return;
    }
    if (node.type !== 'element') return;
    shapes.push(...normaliseElement(node, options));
  });
  return shapes;
}

function normaliseElement(element: Element, options: { inPre?: boolean; folderBase?: string }): Shape[] {
  const { tagName, children } = element;
  const properties: Properties = { ...element.properties };
  // The anchor wrapper: the heading alone.
  const [heading, anchor] = children;
  if (tagName === 'div' && children.length === 2 && isElement(heading) && /^h[1-6]$/.test(heading.tagName) && isElement(anchor, 'a') && anchor.properties.ariaLabelledBy) {
    return normaliseElement(heading, options);
  }
  if (tagName === 'link') return [];
  if (/^h[1-6]$/.test(tagName)) delete properties.id;
  if (tagName === 'figure' && 'dataRehypePrettyCodeFigure' in properties) {
    const code = selectAll('pre > code', element)[0];
    const language = code.properties.dataLanguage;
    const text = hastToString(code);
    return [{ tag: 'pre', properties: {}, children: [{ tag: 'code', properties: language && language !== 'plaintext' ? { className: [`language-${language}`] } : {}, children: text ? [text] : [] }] }];
  }
  let kept: ElementContent[] = children;
  if (tagName === 'a' && hasClass(element, 'external-link')) {
    delete properties.rel;
    properties.className = (properties.className as string[]).filter((name) => name !== 'external-link');
    kept = children.filter((child) => !(isElement(child, 'span') && hasClass(child, 'visually-hidden')));
  }
  if (tagName === 'img') for (const name of ['width', 'height', 'loading', 'decoding', 'fetchPriority']) delete properties[name];
  const alignment = /^text-align:(\w+)$/.exec(String(properties.style ?? ''));
  if ((tagName === 'th' || tagName === 'td') && alignment) {
    delete properties.style;
    properties.align = alignment[1];
  }
  if (Array.isArray(properties.className)) properties.className = properties.className.filter((name) => name !== 'contains-task-list' && name !== 'task-list-item');
  if (Array.isArray(properties.className) && properties.className.length === 0) delete properties.className;
  if (options.folderBase) {
    for (const name of ['src', 'href']) {
      const url = properties[name];
      if (typeof url === 'string' && url.startsWith(options.folderBase)) properties[name] = url.slice(options.folderBase.length);
    }
  }
  if (tagName === 'section' && hasClass(element, 'footnotes')) return [{ tag: 'section', properties: {}, children: footnoteStructure(kept, options) }];
  const isFootnoteReference = tagName === 'sup' && (hasClass(element, 'footnote-ref') || children.some((child) => isElement(child, 'a') && 'dataFootnoteRef' in child.properties));
  if (isFootnoteReference) return [{ tag: 'sup', properties: {}, children: footnoteStructure(kept, options) }];
  return [{ tag: tagName === 'h1' ? 'h2' : tagName, properties: sorted(properties), children: normalise(kept, { ...options, inPre: options.inPre || tagName === 'pre' }) }];
}

/** The attributes in one order, so that the order they were written in does not count. */
const sorted = (properties: Properties): Properties => Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b)));

/** Footnotes as structure and text: no attributes, and no hidden heading. */
function footnoteStructure(children: readonly ElementContent[], options: { inPre?: boolean; folderBase?: string }): Shape[] {
  const strip = (shape: Shape): Shape => (typeof shape === 'string' ? shape : { tag: shape.tag, properties: shape.tag === 'pre' || shape.tag === 'code' ? shape.properties : {}, children: shape.children.map(strip) });
  return normalise(
    children.filter((child) => !(isElement(child, 'h2') && hasClass(child, 'sr-only'))),
    options,
  ).map(strip);
}

/** A body as compared: white space at its end is not part of it (the spec's HTML ends with a line ending). */
function bodyShape(nodes: readonly Nodes[], folderBase?: string): Shape[] {
  const shapes = normalise(nodes, { folderBase });
  const last = shapes.at(-1);
  if (typeof last === 'string') shapes.splice(-1, 1, ...(last.trimEnd() ? [last.trimEnd()] : []));
  return shapes;
}

/** The spec's HTML as compared. Its last line ending is left out before parsing, as it would re-open an unclosed `<a>` after it. */
function expectedShape(html: string): Shape[] {
  return bodyShape((sanitize(fromHtml(html.trimEnd(), { fragment: true }), rawHtmlSchema) as Root).children);
}

/** The images the examples show are there: small SVGs (shown as they are, with their `src`), in public/ or beside a folder post. */
const images = scratchImageStore();
const imagesDir = (example: Example) => path.join(images.root, 'posts', String(example.number));
function writeImages(example: Example): string | null {
  const sources = selectAll('img', fromHtml(example.html, { fragment: true })).map((image) => decodeURI(String(image.properties.src)));
  const relative = sources.filter((src) => !src.startsWith('/') && !/^[a-z][a-z\d+.-]*:/i.test(src));
  for (const src of sources.filter((source) => source.startsWith('/'))) writeSvg(path.join(images.publicDir, src), 10, 10);
  if (!relative.length) return null;
  for (const src of relative) writeSvg(path.join(imagesDir(example), src), 10, 10);
  return imagesDir(example);
}

/** What the example gives: its tree as compared, or the build's error. */
async function actualShape(example: Example): Promise<Shape[] | string> {
  // An example with relative images is a folder post, whose folder holds them.
  const assetDir = writeImages(example);
  try {
    const { html } = await compileAndRender(example.markdown, { assetDir, imageStore: images.store });
    return bodyShape(fromHtml(html, { fragment: true }).children, assetDir ? '/posts/test/' : undefined);
  } catch (error) {
    return `the build fails: ${(error as Error).message}`;
  }
}

/** Runs every example; the names of those whose DOM differs, with what each gave. */
async function differing(examples: (Example & { name: string })[]): Promise<Map<string, string>> {
  const differences = new Map<string, string>();
  for (const example of examples) {
    const expected = expectedShape(example.html);
    const actual = await actualShape(example);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      differences.set(example.name, `${JSON.stringify(example.markdown)}\n  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(actual)}`);
    }
  }
  return differences;
}

/** Fails on a difference outside `allowed`, on an allowed example that no longer differs, or below `target`. */
function expectConformance(examples: { name: string }[], differences: Map<string, string>, allowed: Record<string, string>, target: number) {
  const unexpected = [...differences].filter(([name]) => !(name in allowed)).map(([name, detail]) => `${name}: ${detail}`);
  expect(unexpected).toEqual([]);
  expect(Object.keys(allowed).filter((name) => !differences.has(name))).toEqual([]);
  const passing = examples.length - differences.size;
  expect(passing).toBeGreaterThanOrEqual(target);
  return passing;
}

describe('Markdown conformance', () => {
  it(`renders at least ${COMMONMARK_TARGET} of the CommonMark spec's ${commonMark.length} examples as the spec does, each other one for a reason given`, async () => {
    expect(commonMark).toHaveLength(652);
    const examples = commonMark.map((example) => ({ ...example, name: String(example.number) }));
    const passing = expectConformance(examples, await differing(examples), COMMONMARK_ALLOWED, COMMONMARK_TARGET);
    console.log(`CommonMark ${commonMarkVersion}: ${passing} of ${examples.length} examples give the spec's DOM`);
  });

  it("renders the GFM extensions' examples (tables, task lists, strikethrough, autolinks, footnotes) as the spec does, each other one for a reason given", async () => {
    const passing = expectConformance(gfm, await differing(gfm), GFM_ALLOWED, GFM_TARGET);
    console.log(`GFM extensions: ${passing} of ${gfm.length} examples give the spec's DOM`);
  });

  it('tells a different DOM from the same one', async () => {
    const [paragraph] = commonMark.filter((example) => example.markdown === 'aaa\n\nbbb\n');
    expect(expectedShape(paragraph.html)).toEqual(await actualShape(paragraph));
    expect(expectedShape(paragraph.html.replace('bbb', 'bb b'))).not.toEqual(await actualShape(paragraph));
    expect(expectedShape('<p>aaa</p>\n<p><em>bbb</em></p>')).not.toEqual(await actualShape(paragraph));
    const [code] = commonMark.filter((example) => example.markdown === '```\naaa\n~~~\n```\n');
    expect(expectedShape(code.html.replace('aaa\n~~~\n', 'aaa\n~~~'))).not.toEqual(await actualShape(code));
  });
});
