/**
 * @jest-environment node
 *
 * The copy script (lib/routes/page-scripts.ts COPY_CODE_SCRIPT) as MdxBody puts it on a page:
 * each page is its own jsdom window that runs it while it loads, as a browser does (jsdom's own
 * environment cannot host another jsdom). jsdom has no clipboard: each page gets a stand-in
 * that records what is written to it, or refuses, as a browser without permission does.
 * e2e/markdown.test.ts copies to Chromium's real clipboard.
 */
import type { ReactNode } from 'react';
import { within } from '@testing-library/react';
import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { compileAndRender } from '../../__tests__/helpers/render-body';
import { COPY_CODE_SCRIPT, COPY_CODE_SCRIPT_ID, COPY_CODE_SCRIPT_MAX_BYTES } from '../../lib/routes/page-scripts';
import { MdxBody } from './MdxBody';

jest.mock('next/head', () => ({ __esModule: true, default: ({ children }: { children: ReactNode }) => <>{children}</> }));
jest.setTimeout(60_000);

/** Code that a sloppy copy would change: leading tabs and spaces, `<` and `&`, non-ASCII, trailing spaces, a blank line and a blank last line. */
const TRICKY_CODE = '\tif (a < b && c > d) {\n  return "naïve — 中文 🚀";   \n\n}\n\n';

/** Loads a page whose body is `markdown`, compiled as a post's, with the clipboard stand-in. */
async function loadPage(markdown: string, { format = 'md', clipboardRefuses = false }: { format?: 'md' | 'mdx'; clipboardRefuses?: boolean } = {}) {
  const body = await compileAndRender(markdown, { format });
  const copied: string[] = [];
  const html = `<!doctype html><html><head></head><body><main>${renderToStaticMarkup(<MdxBody body={body} />)}</main></body></html>`;
  const dom = new JSDOM(html, {
    url: 'https://folio.test/posts/x/',
    runScripts: 'dangerously',
    beforeParse(window) {
      const writeText = (text: string) => (clipboardRefuses ? Promise.reject(new window.DOMException('Write permission denied.', 'NotAllowedError')) : (copied.push(text), Promise.resolve()));
      Object.defineProperty(window.navigator, 'clipboard', { value: { writeText } });
    },
  });
  return { html, document: dom.window.document, copied, hasCodeBlocks: body.hasCodeBlocks };
}

/** Lets the clipboard's promise settle, as the script waits on it. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the copy script', () => {
  it('is one small inline script, the same text as every policy allows, right after a body with code', async () => {
    const { html, hasCodeBlocks } = await loadPage('Text.\n\n```js\nconst a = 1;\n```\n');
    expect(hasCodeBlocks).toBe(true);
    expect(Buffer.byteLength(COPY_CODE_SCRIPT)).toBeLessThan(COPY_CODE_SCRIPT_MAX_BYTES);
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([element, text]) => ({ element: element.slice(0, element.indexOf('>') + 1), text }))).toEqual([{ element: `<script id="${COPY_CODE_SCRIPT_ID}">`, text: COPY_CODE_SCRIPT }]);
    expect(html).toMatch(new RegExp(`</div><script id="${COPY_CODE_SCRIPT_ID}">`));
  });

  it.each([
    ['no code at all', 'Just text, with `inline code`.'],
    ['raw HTML that forges a code block\'s figure', '<figure data-rehype-pretty-code-figure=""><p>not code</p></figure>'],
  ])('is not on a page whose body has %s', async (_, markdown) => {
    const { html, hasCodeBlocks, document } = await loadPage(markdown);
    expect(hasCodeBlocks).toBe(false);
    expect(html).not.toContain('<script');
    expect(within(document.body).queryByRole('button')).toBeNull();
  });

  it.each(['md', 'mdx'] as const)('gives each code block of a .%s body a "Copy" button that copies exactly the code written', async (format) => {
    const markdown = ['```ts title="tricky.ts"', TRICKY_CODE.replace(/\n$/, ''), '```', '', 'Between.', '', '```', 'plain <text>', '```', ''].join('\n');
    const { document, copied } = await loadPage(markdown, { format });
    const buttons = within(document.body).getAllByRole('button', { name: 'Copy code' });
    expect(buttons).toHaveLength(2);
    for (const button of buttons) {
      expect(button).toHaveTextContent(/^Copy$/);
      expect(button).toHaveAttribute('type', 'button');
      // Inside its block's figure, after the code, so a figure's caption stays its first child.
      expect(button.closest('figure')?.querySelector('figcaption, pre')).not.toBeNull();
    }
    expect(buttons[0].closest('figure')!.firstElementChild!.tagName).toBe('FIGCAPTION');
    buttons[1].click();
    buttons[0].click();
    await settle();
    expect(copied).toEqual(['plain <text>\n', TRICKY_CODE]);
  });

  it('adds nothing to a page that runs no JavaScript: no button that cannot work', async () => {
    const { html } = await loadPage('```\nx\n```\n');
    const { document } = new JSDOM(html).window;
    expect(document.querySelector('figure pre code')).toHaveTextContent('x');
    expect(within(document.body).queryByRole('button')).toBeNull();
  });

  it('copies no line numbers or highlight marks, only the code', async () => {
    const { document, copied } = await loadPage('```py {2} showLineNumbers\ndef f():\n    return 1\n```\n');
    expect(document.querySelector('code[data-line-numbers]')).not.toBeNull();
    within(document.body).getByRole('button', { name: 'Copy code' }).click();
    await settle();
    expect(copied).toEqual(['def f():\n    return 1\n']);
  });

  it('says "Copied" in a status line that screen readers announce, and "Copy failed" when the clipboard refuses', async () => {
    const page = await loadPage('```\nx\n```\n');
    const status = within(page.document.body).getByRole('status');
    expect(status).toBeEmptyDOMElement();
    within(page.document.body).getByRole('button', { name: 'Copy code' }).click();
    await settle();
    expect(status).toHaveTextContent(/^Copied$/);

    const refused = await loadPage('```\nx\n```\n', { clipboardRefuses: true });
    within(refused.document.body).getByRole('button', { name: 'Copy code' }).click();
    await settle();
    expect(within(refused.document.body).getByRole('status')).toHaveTextContent(/^Copy failed$/);
  });
});
