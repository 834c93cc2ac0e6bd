/**
 * Build-time image processing with sharp, cached between builds (lib/images/cache.ts).
 *
 * A raster image (JPEG, PNG, WebP, AVIF, TIFF…) in a post becomes several widths
 * (`site.imageWidths`, never wider than the image) in AVIF and WebP, plus its own format (or
 * JPEG/PNG) as the fallback every browser reads. SVG, GIF and animated images are shown as
 * they are: only their size is read. A cover or social image becomes one JPEG or PNG at most
 * 1200 px wide, the formats every link preview reads. Output keeps no metadata (no EXIF, no
 * location) and is turned upright by its EXIF orientation.
 *
 * sharp is loaded only when an image has to be made; a build whose images are all cached
 * never loads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FormatEnum, Metadata, Sharp } from 'sharp';
import { site } from '../config/site';
import { packageVersion } from '../node/packages';
import { fileHash, NotCachedError, projectImageDirs, readEntry, sha256, writeEntry, type CacheEntry, type ImageDirs, type ImageUse } from './cache';
import { loadOnce } from '../node/load-once';


/**
 * The widths of an author's avatar, a square: the size it is shown at (components/AuthorBlock)
 * and twice that, for screens with two device pixels to a CSS pixel.
 */
export const AVATAR_WIDTHS: readonly number[] = [64, 128];

/** Link previews (Open Graph, X) show images at most 1200 px wide. */
const SOCIAL_IMAGE_WIDTH = 1200;

export type ImageFormat = 'avif' | 'webp' | 'jpeg' | 'png';

/** Offered to browsers in this order; the fallback format comes last, in the `<img>` itself. */
export const SOURCE_FORMATS: readonly ImageFormat[] = ['avif', 'webp'];

export const MEDIA_TYPES: Record<ImageFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };

const EXTENSIONS: Record<ImageFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };

/**
 * Encoder settings: sharp's default qualities for AVIF, a little below its defaults for WebP
 * and JPEG (mozjpeg). AVIF's `effort` is most of the build time: on the sample 2400 px photo,
 * effort 3 makes the three widths in 2.0 s where sharp's default 4 takes 5.2 s, for files
 * 2–13% larger.
 */
const ENCODERS = {
  avif: { quality: 50, effort: 3 },
  webp: { quality: 75, effort: 4 },
  jpeg: { quality: 78, mozjpeg: true },
  png: { compressionLevel: 9, adaptiveFiltering: true },
} as const satisfies Record<ImageFormat, object>;

/**
 * Social cards are mostly flat colour, which compresses well at speed; only link previews
 * fetch them, so a build that draws a card for every post trades a few KB (34 KB instead of
 * 30 KB at level 6) for half the encoding time.
 */
const CARD_PNG = { compressionLevel: 3, adaptiveFiltering: false } as const;

/** Formats shown as they are: vector images, and GIFs, which are often animated. */
const SHOWN_AS_THEY_ARE = new Set(['svg', 'gif']);

export interface ImageVariant {
  format: ImageFormat;
  width: number;
  height: number;
  /** Its name in `/_img/`. */
  file: string;
}

/** A raster image as several widths and formats. `width` and `height` are the original's, upright. */
export interface ResponsiveImage {
  kind: 'responsive';
  width: number;
  height: number;
  /** The format of the `<img>` itself, which every browser reads. */
  fallback: ImageFormat;
  variants: ImageVariant[];
}

/** An image shown as it is (SVG, GIF, an animation); only its size was read. */
export interface OriginalImage {
  kind: 'original';
  width: number;
  height: number;
}

export type BodyImage = ResponsiveImage | OriginalImage;

/** One image file for link previews. */
export interface SocialImageFile {
  width: number;
  height: number;
  file: string;
}

/** A source image being made into files: its header, upright size, resized pipelines, and how to name outputs. */
interface SourceImage {
  metadata: Metadata;
  width: number;
  height: number;
  resized: (width: number) => Sharp;
  fileName: (width: number, format: ImageFormat) => string;
}

/** An image that sharp cannot read; its message completes "image "x" …". */
export class ImageError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'ImageError';
  }
}

export interface ImageStore {
  readonly dirs: ImageDirs;
  /** How many entries this store made, and how many it found in the cache. */
  readonly stats: { made: number; cached: number };
  /** An image of a post body, made responsive, or measured if it is shown as it is. */
  bodyImage(file: string): Promise<{ image: BodyImage; use: ImageUse }>;
  /** A cover or social image as one JPEG or PNG at most 1200 px wide. */
  socialImage(file: string): Promise<{ image: SocialImageFile; use: ImageUse }>;
  /** An author's avatar, cropped square, at `AVATAR_WIDTHS` (never wider than the image) in AVIF, WebP and its fallback format. */
  avatarImage(file: string): Promise<{ image: ResponsiveImage; use: ImageUse }>;
  /**
   * Files made from something other than an image file (a social card): `make` runs only when
   * the cache has no entry for `kind` and `input`, and names its files with `fileName`.
   */
  generated<T extends CacheEntry>(kind: string, input: unknown, make: (fileName: (suffix: string) => string) => Promise<{ entry: T; data: Map<string, Buffer> }>): Promise<T>;
}

/**
 * What the output depends on besides its input: the widths and encoder settings here, and
 * sharp's version (which fixes libvips and its encoders).
 */
const optionsVersion = () => sha256(JSON.stringify({ widths: imageWidths(), SOCIAL_IMAGE_WIDTH, SOURCE_FORMATS, ENCODERS, CARD_PNG, sharp: packageVersion('sharp') }));

type SharpFactory = typeof import('sharp').default;
const loadSharp = loadOnce(() => import('sharp').then((loaded) => loaded.default));

/** An SVG drawn as a PNG (a social card). */
export async function svgToPng(svg: string): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).png(CARD_PNG).toBuffer();
}

/** The site's image widths, narrowest first. */
const imageWidths = () => [...site.imageWidths].sort((a, b) => a - b);

/** The widths to make of an image `width` px wide: each of the site's widths below it, then its own width or the widest, whichever is smaller. */
export function variantWidths(width: number): number[] {
  const widths = imageWidths();
  const widest = widths[widths.length - 1];
  return [...new Set([...widths.filter((candidate) => candidate < width), Math.min(width, widest)])];
}

/** The format every browser reads that keeps what the original has: PNG for PNGs and images with transparency, else JPEG; WebP stays WebP. */
function fallbackFormat(metadata: Metadata): ImageFormat {
  if (metadata.format === 'jpeg' || metadata.format === 'png' || metadata.format === 'webp') return metadata.format;
  return metadata.hasAlpha ? 'png' : 'jpeg';
}

/** A file-name-safe form of the source's name, so `/_img/` URLs say what they are. */
function baseName(file: string): string {
  const name = path
    .basename(file, path.extname(file))
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return name || 'image';
}

/** Reads an image's header; an unreadable file is an `ImageError`. */
async function readMetadata(sharp: SharpFactory, input: Buffer): Promise<Metadata & { width: number; height: number }> {
  let metadata: Metadata;
  try {
    metadata = await sharp(input).metadata();
  } catch (error) {
    throw new ImageError(`cannot be read as an image (${(error as Error).message})`);
  }
  if (!metadata.width || !metadata.height) throw new ImageError('cannot be read as an image (it has no width and height)');
  return metadata as Metadata & { width: number; height: number };
}

/** Runs an encode; a file that fails part-way (a truncated JPEG) is an `ImageError`. */
async function encode(pipeline: Sharp, format: ImageFormat): Promise<{ data: Buffer; width: number; height: number }> {
  try {
    const { data, info } = await pipeline.toFormat(format as keyof FormatEnum, ENCODERS[format]).toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    throw new ImageError(`cannot be read as an image (${(error as Error).message})`);
  }
}

/** The source's path as `ImageUse.source` records it. */
const sourcePath = (dirs: ImageDirs, file: string) => path.relative(dirs.root, file).split(path.sep).join('/');

/**
 * With `FOLIO_IMAGE_TIMINGS=<file>` set, each image the build looks up is appended to that file
 * as a JSON line: what it is, whether it was made or found in the cache, and how long that took
 * (bench/images.ts reads them).
 */
function recordTiming(label: string, made: boolean, started: number): void {
  const file = process.env.FOLIO_IMAGE_TIMINGS;
  const timing: ImageTiming = { image: label, made, ms: performance.now() - started };
  if (file) fs.appendFileSync(file, `${JSON.stringify(timing)}\n`);
}

/** One line of the `FOLIO_IMAGE_TIMINGS` file. */
export interface ImageTiming {
  /** What the image is: its source's path and width, or `card` for a social card. */
  image: string;
  made: boolean;
  ms: number;
}

/**
 * A store of images made in `dirs.cacheDir` and published from there. With `cachedOnly`, it
 * only reads: an image it would have to make throws `NotCachedError`.
 */
export function createImageStore(dirs: ImageDirs, { cachedOnly = false } = {}): ImageStore {
  const version = optionsVersion();
  const stats = { made: 0, cached: 0 };
  /** Entries being made in this process, so two pages showing one image make it once. */
  const making = new Map<string, Promise<CacheEntry>>();

  /** The entry under `key`, made by `make` if the cache has none; `label` names it in the timings, which count from `started`. */
  async function cached<T extends CacheEntry>(key: string, label: string, started: number, make: () => Promise<{ entry: T; data: Map<string, Buffer> }>): Promise<T> {
    const found = readEntry<T>(dirs, key);
    if (found) {
      stats.cached++;
      recordTiming(label, false, started);
      return found;
    }
    if (cachedOnly) throw new NotCachedError(label);
    let pending = making.get(key);
    if (!pending) {
      pending = make()
        .then(({ entry, data }) => {
          writeEntry(dirs, key, entry, data);
          stats.made++;
          recordTiming(label, true, started);
          return entry;
        })
        .finally(() => making.delete(key));
      making.set(key, pending);
    }
    return pending as Promise<T>;
  }

  const keyFor = (kind: string, input: string) => sha256(`${kind}\0${version}\0${input}`);

  /** The hash of `file`'s bytes; the caller has checked that it exists. */
  const hashOf = (file: string) => {
    const hash = fileHash(file);
    if (!hash) throw new ImageError('points to a file that does not exist');
    return hash;
  };

  /**
   * What the image `file` becomes under `kind`: made by `make` from its decoded header and an
   * upright sharp pipeline, unless the cache has it for these bytes. `make` names its files with
   * `fileName` and returns them with their bytes.
   */
  async function fromFile<I>(kind: string, file: string, make: (source: SourceImage) => Promise<{ image: I; files: Map<string, Buffer> }>): Promise<{ image: I; use: ImageUse }> {
    const started = performance.now();
    const hash = hashOf(file);
    // The file's name is in the names of the files made from it, so it is part of the key: two
    // images with the same bytes never share a name, and a draft's never reaches a published post.
    const key = keyFor(kind, `${baseName(file)}\0${hash}`);
    const entry = await cached<CacheEntry & { image: I }>(key, `${kind} ${sourcePath(dirs, file)}`, started, async () => {
      const sharp = await loadSharp();
      const input = fs.readFileSync(file);
      const metadata = await readMetadata(sharp, input);
      const { width, height } = metadata.autoOrient ?? metadata;
      const fileName = (outputWidth: number, format: ImageFormat) => `${baseName(file)}-${key.slice(0, 12)}-${outputWidth}.${EXTENSIONS[format]}`;
      const { image, files } = await make({ metadata, width, height, resized: (toWidth) => sharp(input).autoOrient().resize({ width: toWidth }), fileName });
      return { entry: { image, files: [...files.keys()] }, data: files };
    });
    return { image: entry.image, use: { source: sourcePath(dirs, file), hash, files: entry.files } };
  }

  return {
    dirs,
    stats,

    bodyImage: (file) =>
      fromFile<BodyImage>('body', file, async ({ metadata, width, height, resized, fileName }) => {
        if (SHOWN_AS_THEY_ARE.has(metadata.format ?? '') || (metadata.pages ?? 1) > 1) return { image: { kind: 'original', width, height }, files: new Map() };
        const fallback = fallbackFormat(metadata);
        const formats = [...new Set([...SOURCE_FORMATS, fallback])];
        const made = await Promise.all(
          variantWidths(width).flatMap((targetWidth) =>
            formats.map(async (format) => {
              const output = await encode(resized(targetWidth), format);
              return { variant: { format, width: output.width, height: output.height, file: fileName(output.width, format) }, data: output.data };
            }),
          ),
        );
        return {
          image: { kind: 'responsive', width, height, fallback, variants: made.map(({ variant }) => variant) },
          files: new Map(made.map(({ variant, data }) => [variant.file, data])),
        };
      }),

    socialImage: (file) =>
      fromFile<SocialImageFile>('social', file, async ({ metadata, width, resized, fileName }) => {
        // Diagrams and anything transparent stay lossless; photos become JPEG.
        const format: ImageFormat = metadata.hasAlpha || metadata.format === 'png' || metadata.format === 'svg' ? 'png' : 'jpeg';
        const output = await encode(resized(Math.min(width, SOCIAL_IMAGE_WIDTH)), format);
        const image = { width: output.width, height: output.height, file: fileName(output.width, format) };
        return { image, files: new Map([[image.file, output.data]]) };
      }),

    avatarImage: (file) =>
      // The avatar's widths are in its kind, so changing them remakes avatars alone.
      fromFile<ResponsiveImage>(`avatar-${AVATAR_WIDTHS.join('-')}`, file, async ({ metadata, width, height, resized, fileName }) => {
        const side = Math.min(width, height);
        const fallback = fallbackFormat(metadata);
        const widths = [...new Set(AVATAR_WIDTHS.map((candidate) => Math.min(candidate, side)))];
        const made = await Promise.all(
          widths.flatMap((targetWidth) =>
            [...new Set([...SOURCE_FORMATS, fallback])].map(async (format) => {
              // The middle of the image, cropped square.
              const output = await encode(resized(targetWidth).resize({ width: targetWidth, height: targetWidth, fit: 'cover' }), format);
              return { variant: { format, width: output.width, height: output.height, file: fileName(output.width, format) }, data: output.data };
            }),
          ),
        );
        const largest = widths.at(-1)!;
        return {
          image: { kind: 'responsive', width: largest, height: largest, fallback, variants: made.map(({ variant }) => variant) },
          files: new Map(made.map(({ variant, data }) => [variant.file, data])),
        };
      }),

    generated(kind, input, make) {
      const started = performance.now();
      const key = keyFor(kind, JSON.stringify(input));
      return cached(key, kind, started, () => make((suffix) => `${kind}-${key.slice(0, 12)}${suffix}`));
    },
  };
}

let projectStore: ImageStore | undefined;

/** The store of the project in the current directory, made once per process. */
export function projectImageStore(): ImageStore {
  projectStore ??= createImageStore(projectImageDirs());
  return projectStore;
}
