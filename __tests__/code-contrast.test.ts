/**
 * @jest-environment node
 *
 * Highlighted code meets WCAG AA: every token colour of both code themes has at least
 * 4.5:1 contrast on its theme's background. (The e2e accessibility run checks the colours
 * on real pages with axe-core; axe cannot load in jest, which compiles it as a module.)
 */
import { createHighlighter } from 'shiki';
import { CODE_COLOR_FIXES, readableTheme } from '../lib/markdown/code-themes';
import { CODE_THEMES } from '../lib/markdown/highlight';
import { compileAndRender } from './helpers/render-body';

jest.setTimeout(60_000);

const AA = 4.5;

/** WCAG 2 relative luminance of a #rgb or #rrggbb colour. */
function luminance(hex: string): number {
  const digits = hex.slice(1).length === 3 ? [...hex.slice(1)].map((digit) => digit + digit) : hex.slice(1, 7).match(/../g)!;
  const [r, g, b] = digits.map((pair) => parseInt(pair, 16) / 255).map((channel) => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, from 1 to 21. */
function contrast(foreground: string, background: string): number {
  const [lighter, darker] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

/** The themes' backgrounds, as shiki resolves them. */
async function themeBackgrounds(): Promise<Record<keyof typeof CODE_THEMES, string>> {
  const highlighter = await createHighlighter({ themes: Object.values(CODE_THEMES).map(readableTheme), langs: [] });
  return { light: highlighter.getTheme(CODE_THEMES.light).bg, dark: highlighter.getTheme(CODE_THEMES.dark).bg };
}

describe('code theme colours', () => {
  it.each(Object.entries(CODE_THEMES))('every token colour of the %s theme (%s) is readable on its background', async (_scheme, name) => {
    const theme = await readableTheme(name);
    const highlighter = await createHighlighter({ themes: [theme], langs: [] });
    const { bg, fg, settings } = highlighter.getTheme(name);
    // What shiki paints for a theme colour: the replacement if there is one.
    const painted = (color: string) => theme.colorReplacements?.[color.toLowerCase()] ?? color;
    // shiki paints no token backgrounds, so every token sits on the theme's background. The
    // few rules with a background of their own (diff and "ignored" markers, carriage
    // returns) are drawn for editors; their colours are not in code shiki renders for a page.
    const foregrounds = new Set([fg, ...settings.filter((rule) => !rule.settings.background).flatMap((rule) => rule.settings.foreground ?? [])]);
    const unreadable = [...foregrounds].map((color) => ({ color: painted(color), ratio: contrast(painted(color), bg) })).filter(({ ratio }) => ratio < AA);
    expect(unreadable).toEqual([]);
  });

  it('only fixes what fails: each replaced colour is below 4.5:1 as the theme has it', async () => {
    const backgrounds = await themeBackgrounds();
    const fixes = (Object.entries(CODE_THEMES) as [keyof typeof CODE_THEMES, keyof typeof CODE_COLOR_FIXES][]).flatMap(([scheme, name]) =>
      Object.entries(CODE_COLOR_FIXES[name] ?? {}).map(([original, replacement]) => ({ name, original, replacement, background: backgrounds[scheme] })),
    );
    // The fixes lib/markdown/code-themes.ts says the themes need, each for a theme the site uses.
    expect(fixes.map(({ name, original }) => [name, original])).toEqual([
      ['github-light', '#e36209'],
      ['github-dark', '#6a737d'],
    ]);
    for (const { name, original, replacement, background } of fixes) {
      expect({ name, original, fails: contrast(original, background) < AA }).toEqual({ name, original, fails: true });
      expect(contrast(replacement, background)).toBeGreaterThanOrEqual(AA);
    }
  });

  it('the post pipeline paints the fixed colours: a comment in dark, a list marker in light', async () => {
    const body = ['```python', '# a comment', 'total = hits + misses', '```', '', '```md', '- a list item', '```'].join('\n');
    const { html } = await compileAndRender(body);
    const tokenColors = (scheme: string) => [...html.matchAll(new RegExp(`--shiki-${scheme}:(#[0-9a-fA-F]{3,8})`, 'g'))].map((match) => match[1].toLowerCase());
    const light = tokenColors('light');
    const dark = tokenColors('dark');
    expect(html).toContain('# a comment');
    expect(dark).toContain('#959da5');
    expect(light).toContain('#bc4c00');
    expect(dark).not.toContain('#6a737d');
    expect(light).not.toContain('#e36209');
    const backgrounds = await themeBackgrounds();
    expect(light.filter((color) => contrast(color, backgrounds.light) < AA)).toEqual([]);
    expect(dark.filter((color) => contrast(color, backgrounds.dark) < AA)).toEqual([]);
  });
});
