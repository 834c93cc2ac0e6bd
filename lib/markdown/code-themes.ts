/**
 * The code highlighting themes, made readable. shiki's GitHub themes have token colours
 * below WCAG AA's 4.5:1 on their own backgrounds: comments in github-dark (#6a737d, 3.0:1
 * on #24292e) and variables and list markers in github-light (#e36209, 3.5:1 on #fff).
 * Each is replaced, when the site is built, by the nearest GitHub colour that passes.
 */
import { bundledThemes, type BundledTheme, type ThemeRegistration } from 'shiki';

/** Colour replacements per theme, lower case as shiki compares them. */
export const CODE_COLOR_FIXES: Partial<Record<BundledTheme, Record<string, string>>> = {
  'github-light': { '#e36209': '#bc4c00' },
  'github-dark': { '#6a737d': '#959da5' },
};

/** A bundled shiki theme with its colour fixes, for `createHighlighter({ themes })`. */
export async function readableTheme(name: BundledTheme): Promise<ThemeRegistration> {
  const { default: theme } = await bundledThemes[name]();
  return { ...theme, colorReplacements: { ...theme.colorReplacements, ...CODE_COLOR_FIXES[name] } };
}
