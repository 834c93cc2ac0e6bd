/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { publishKatexAssets } from '../lib/build/katex';
import { filesWritten } from './helpers/file-writes';

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

  it('leaves published files alone, and restores one that changed', async () => {
    publishKatexAssets(publicDir);
    expect((await filesWritten(() => publishKatexAssets(publicDir))).written).toEqual([]);
    const font = path.join(publicDir, 'katex', 'fonts', 'KaTeX_Main-Regular.woff2');
    const original = fs.readFileSync(font);
    fs.truncateSync(font, 10);
    expect((await filesWritten(() => publishKatexAssets(publicDir))).written).toEqual([font]);
    expect(fs.readFileSync(font).equals(original)).toBe(true);
  });
});
