/** @jest-environment node */
import { deepestNesting, excerptFromMarkdown } from '../lib/plain-text';

/** Prose long enough that the first paragraph is not in the lead that is parsed first. */
const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

describe('excerptFromMarkdown', () => {
  it('takes the first paragraph as plain text, however long the body', () => {
    const body = `## Heading\n\nThe **first** paragraph, with [a link](https://example.com/).\n\n${filler(1000)}\n\n${filler(1000)}\n`;
    expect(excerptFromMarkdown(body, 'md', 160)).toBe('The first paragraph, with a link.');
  });

  it('finds the first paragraph after a long code block with blank lines in it', () => {
    const code = Array.from({ length: 300 }, (_, i) => `line ${i}\n`).join('\n');
    const body = `\`\`\`text\n${code}\`\`\`\n\nAfter the code.\n\n${filler(500)}\n`;
    expect(excerptFromMarkdown(body, 'md', 160)).toBe('After the code.');
  });

  it('resolves a link reference defined at the end of a long body', () => {
    const body = `See [the docs][docs] first.\n\n${filler(1000)}\n\n[docs]: https://example.com/docs\n`;
    expect(excerptFromMarkdown(body, 'md', 160)).toBe('See the docs first.');
  });

  it('in .mdx, skips the prose inside a JSX element that the lead cuts in two', () => {
    const callout = `<Callout type="note">\n\nInside the callout.\n\n${Array.from({ length: 40 }, () => filler(10)).join('\n\n')}\n\n</Callout>`;
    expect(callout.indexOf('</Callout>')).toBeGreaterThan(2000);
    expect(excerptFromMarkdown(`${callout}\n\nAfter the callout.\n\n${filler(400)}\n`, 'mdx', 160)).toBe('After the callout.');
  });

  it('is empty for a body without a paragraph', () => {
    expect(excerptFromMarkdown(`## Only a heading\n\n\`\`\`js\n${filler(800)}\n\`\`\`\n`, 'md', 160)).toBe('');
  });
});

describe('deepestNesting', () => {
  it('counts the block quotes and list items that open one line, and finds the line', () => {
    expect(deepestNesting('Prose.\n\n> quote\n> > nested\n\n- a\n  - b')).toEqual({ depth: 2, line: 4 });
    expect(deepestNesting(`Intro\n${'>'.repeat(10_000)} x`)).toEqual({ depth: 10_000, line: 2 });
    expect(deepestNesting(`${'- '.repeat(50)}${'1. '.repeat(20)}${'2) '.repeat(30)}x`)).toEqual({ depth: 100, line: 1 });
  });

  it('does not count what only looks like a marker', () => {
    expect(deepestNesting('-5 degrees\n*emphasis*\n+1 to that\n1.5 litres\n2019. A year.\n1234567890. Too long for a number')).toEqual({ depth: 1, line: 5 });
    expect(deepestNesting('')).toEqual({ depth: 0, line: 1 });
  });
});
