/** @jest-environment node */
import { excerptFromMarkdown } from '../lib/plain-text';

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
