/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { publishKatexAssets } from '../lib/katex-assets';

describe('publishKatexAssets', () => {
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-public-'));
  const stylesheet = path.join(publicDir, 'katex', 'katex.min.css');

  it('publishes the stylesheet and every font it refers to, beside it', () => {
    publishKatexAssets(publicDir);
    const css = fs.readFileSync(stylesheet, 'utf8');
    const fonts = [...css.matchAll(/url\((fonts\/[^)]+)\)/g)].map((match) => match[1]);
    expect(fonts.length).toBeGreaterThan(20);
    expect(fonts.filter((font) => !fs.existsSync(path.join(publicDir, 'katex', font)))).toEqual([]);
  });

  it('leaves published files alone, and restores one that changed', () => {
    publishKatexAssets(publicDir);
    const font = path.join(publicDir, 'katex', 'fonts', 'KaTeX_Main-Regular.woff2');
    const size = fs.statSync(font).size;
    const before = fs.statSync(stylesheet).mtimeMs;
    fs.truncateSync(font, 10);
    publishKatexAssets(publicDir);
    expect(fs.statSync(stylesheet).mtimeMs).toBe(before);
    expect(fs.statSync(font).size).toBe(size);
  });
});
