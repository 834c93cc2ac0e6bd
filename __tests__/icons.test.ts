/**
 * @jest-environment node
 *
 * The icon set and the web app manifest (lib/images/icons.ts), made with sharp from one SVG: the
 * sizes and pixels of every file, the manifest under a base path, what is written into
 * `public/` and when, and the errors for a source that is not there. Every page links them
 * (pages/_document.tsx), checked on a real export in e2e/base-path.test.ts and in Chromium
 * in e2e/site.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decode } from 'ico-endec';
import sharp from 'sharp';
import { iconSourceFile, publishIcons, renderIcons, webManifest } from '../lib/images/icons';
import { site } from '../lib/config/site';

/** A source wider than tall: the left half red, the right half transparent. */
const WIDE_SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect width="100" height="100" fill="#ff0000"/></svg>');

/** The RGBA of the pixel at (`x`, `y`) of a PNG. */
async function pixel(png: Buffer, x: number, y: number) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * 4;
  return [...data.subarray(at, at + 4)];
}

const size = async (png: Buffer) => {
  const { width, height, format } = await sharp(png).metadata();
  return { width, height, format };
};

describe('renderIcons', () => {
  let files: Map<string, Buffer>;
  beforeAll(async () => {
    files = await renderIcons(WIDE_SVG, { source: '/icons/wide.svg', background: '#00ff00' });
  });

  it('makes favicon.ico with 16, 32 and 48 px PNGs, the apple-touch-icon and the manifest PNGs', async () => {
    expect([...files.keys()]).toEqual(['/favicon.ico', '/icons/apple-touch-icon.png', '/icons/icon-192.png', '/icons/icon-512.png']);
    const entries = decode(files.get('/favicon.ico')!);
    expect(entries.map(({ width, height, imageType }) => [width, height, imageType])).toEqual([
      [16, 16, 'png'],
      [32, 32, 'png'],
      [48, 48, 'png'],
    ]);
    for (const { width, imageData } of entries) expect(await size(imageData)).toEqual({ width, height: width, format: 'png' });
    expect(await size(files.get('/icons/apple-touch-icon.png')!)).toEqual({ width: 180, height: 180, format: 'png' });
    expect(await size(files.get('/icons/icon-192.png')!)).toEqual({ width: 192, height: 192, format: 'png' });
    expect(await size(files.get('/icons/icon-512.png')!)).toEqual({ width: 512, height: 512, format: 'png' });
  });

  it('draws the source whole and centred in each square, transparent around it', async () => {
    const icon = files.get('/icons/icon-512.png')!;
    // Scaled to 512 × 256, centred: rows 128 to 383; red on the left, transparent on the right.
    expect(await pixel(icon, 100, 256)).toEqual([255, 0, 0, 255]);
    expect((await pixel(icon, 400, 256))[3]).toBe(0);
    expect((await pixel(icon, 100, 40))[3]).toBe(0);
    const [favicon32] = decode(files.get('/favicon.ico')!).filter((entry) => entry.width === 32);
    expect(await pixel(favicon32.imageData, 8, 16)).toEqual([255, 0, 0, 255]);
  });

  it('puts the apple-touch-icon on the background colour, with no transparency (iOS shows it black)', async () => {
    const icon = files.get('/icons/apple-touch-icon.png')!;
    expect((await sharp(icon).stats()).isOpaque).toBe(true);
    expect(await pixel(icon, 160, 90)).toEqual([0, 255, 0, 255]);
    expect(await pixel(icon, 20, 90)).toEqual([255, 0, 0, 255]);
  });
});

describe('webManifest', () => {
  it('names the site, its colours and its icons, with the start URL, scope and every icon under the base path', () => {
    const manifest = webManifest({ ...site, title: 'Notes', description: 'On caching.', language: 'fr', icon: { source: '/icons/logo.svg', background: '#fafafa' }, themeColor: { light: '#ffeedd', dark: '#111111' } }, '/my-repo');
    expect(manifest).toEqual({
      name: 'Notes',
      description: 'On caching.',
      lang: 'fr',
      id: '/my-repo/',
      start_url: '/my-repo/',
      scope: '/my-repo/',
      display: 'minimal-ui',
      theme_color: '#ffeedd',
      background_color: '#fafafa',
      icons: [
        { src: '/my-repo/icons/logo.svg', sizes: 'any', type: 'image/svg+xml' },
        { src: '/my-repo/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/my-repo/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      ],
    });
  });
});

describe('publishIcons', () => {
  /** A public/ folder with the project's icon source in it. */
  function publicDir() {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-icons-')), 'public');
    fs.mkdirSync(path.join(dir, 'icons'), { recursive: true });
    fs.copyFileSync(path.join(__dirname, '..', 'public', 'icons', 'icon.svg'), path.join(dir, 'icons', 'icon.svg'));
    return dir;
  }
  const mtimes = (dir: string) => Object.fromEntries(['favicon.ico', 'manifest.webmanifest', 'icons/apple-touch-icon.png', 'icons/icon-192.png', 'icons/icon-512.png'].map((file) => [file, fs.statSync(path.join(dir, file)).mtimeMs]));

  it('writes the icon set and the manifest into public/, and rewrites only what a change of settings changes', async () => {
    const dir = publicDir();
    expect((await publishIcons(dir, site, '/my-repo')).sort()).toEqual(['/favicon.ico', '/icons/apple-touch-icon.png', '/icons/icon-192.png', '/icons/icon-512.png', '/manifest.webmanifest']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.webmanifest'), 'utf8')).start_url).toBe('/my-repo/');
    const before = mtimes(dir);
    // The same source and settings again: nothing is made.
    await publishIcons(dir, site, '/my-repo');
    expect(mtimes(dir)).toEqual(before);
    // A new background changes the apple-touch-icon and the manifest, and nothing else.
    expect((await publishIcons(dir, { ...site, icon: { ...site.icon, background: '#000000' } }, '/my-repo')).sort()).toEqual(['/icons/apple-touch-icon.png', '/manifest.webmanifest']);
    expect((await sharp(path.join(dir, 'icons', 'apple-touch-icon.png')).stats()).isOpaque).toBe(true);
  });

  it('fails, saying what the setting must be, for a source that is not an SVG in public/icons/ or is not there', () => {
    const dir = publicDir();
    for (const source of ['/icon.svg', '/icons/icon.png', '/icons/../icon.svg']) {
      expect(() => iconSourceFile(dir, source)).toThrow(`site.icon.source in lib/config/settings.ts: ${JSON.stringify(source)} must be an SVG file in public/icons/`);
    }
    expect(() => publishIcons(dir, { ...site, icon: { ...site.icon, source: '/icons/missing.svg' } }, '')).toThrow(/site\.icon\.source in lib\/config\/settings\.ts: "\/icons\/missing\.svg" points to .*public\/icons\/missing\.svg, which does not exist/);
  });
});
