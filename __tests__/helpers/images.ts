/**
 * Real image files for tests, made with sharp, and an image store in a scratch folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { madeImagesDir } from '../../lib/node/folders';
import { createImageStore, type ImageStore } from '../../lib/images/process';

/** An image of one colour of the given size and format: quick to encode, so tests stay fast. */
export async function writeImage(file: string, width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'gif' = 'jpeg'): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .toFormat(format)
    .toFile(file);
}

/** A small SVG with a size. */
export function writeSvg(file: string, width: number, height: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="teal"/></svg>`);
}

/** A scratch project: `public/`, a cache, and a store over them; `root` is the project. */
export function scratchImageStore(): { store: ImageStore; root: string; publicDir: string; cacheDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-images-'));
  const publicDir = path.join(root, 'public');
  const cacheDir = madeImagesDir(root);
  fs.mkdirSync(publicDir, { recursive: true });
  return { store: createImageStore({ root, publicDir, cacheDir }), root, publicDir, cacheDir };
}
