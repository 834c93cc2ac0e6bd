/** @jest-environment node */
import { deepestNesting } from '../lib/content/plain-text';

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
