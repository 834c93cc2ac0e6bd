/**
 * The authors' avatars: each author's `avatar` (an image in `public/`, lib/config/settings.ts)
 * made square in several sizes and formats by the image pipeline (lib/images/process.ts),
 * cached like every other image, and the markup data pages show it with.
 */
import type { SiteAuthor } from '../config/schema';
import { builtImagePath } from '../routes/table';
import { localFile } from './body-images';
import { MEDIA_TYPES, SOURCE_FORMATS, type ImageFormat, type ImageStore, type ResponsiveImage } from './process';

/** An avatar as a page shows it: a `<picture>` with a `<source>` per modern format and the fallback `<img>`. */
export interface AvatarPicture {
  /** The `<source>`s, most compact format first. */
  sources: { type: string; srcSet: string }[];
  /** The `<img>`: the smallest fallback, with every fallback size in its `srcSet`. */
  src: string;
  srcSet: string;
  width: number;
  height: number;
}

/** The avatars made, by author id, and the names of their files in `/_img/`, to publish. */
export interface MadeAvatars {
  avatars: Record<string, ResponsiveImage>;
  files: string[];
}

/**
 * Makes the avatar of every author who has one. A missing or unreadable image fails the
 * build with an error naming the setting, as a wrong setting does.
 */
export async function makeAvatars(authors: readonly SiteAuthor[], store: ImageStore, publicDir: string, settingsFile: string): Promise<MadeAvatars> {
  // By the author's position, whichever image is made or fails first: the site data written
  // from them must not change between two builds of the same settings (prepare.test).
  const images: ({ image: ResponsiveImage; files: string[] } | null)[] = authors.map(() => null);
  const problems: string[] = authors.map(() => '');
  await Promise.all(
    authors.map(async (author, position) => {
      if (!author.avatar) return;
      const where = `${settingsFile}: authors.${position}.avatar: ${JSON.stringify(author.avatar)}`;
      const found = localFile(author.avatar, { assetDir: null, publicDir });
      if ('problem' in found) return (problems[position] = `${where} ${found.problem}`);
      try {
        const { image, use } = await store.avatarImage(found.file);
        images[position] = { image, files: use.files };
      } catch (error) {
        problems[position] = `${where} ${(error as Error).message}`;
      }
    }),
  );
  const failures = problems.filter(Boolean);
  if (failures.length) throw new Error(`The authors' avatars cannot be made:\n${failures.map((problem) => `  ${problem}`).join('\n')}`);
  const made: MadeAvatars = { avatars: {}, files: [] };
  authors.forEach((author, position) => {
    const avatar = images[position];
    if (!avatar) return;
    made.avatars[author.id] = avatar.image;
    made.files.push(...avatar.files);
  });
  return made;
}

/**
 * What a page needs to show an avatar the pipeline made; `href` makes a site path the page's
 * href (the base path added: lib/config/site.ts `withBasePath`).
 */
export function avatarPicture(image: ResponsiveImage, href: (sitePath: string) => string): AvatarPicture {
  const fileHref = (file: string) => href(builtImagePath(file));
  const srcSetOf = (format: ImageFormat) =>
    image.variants
      .filter((variant) => variant.format === format)
      .map((variant) => `${fileHref(variant.file)} ${variant.width}w`)
      .join(', ');
  const smallest = image.variants.filter((variant) => variant.format === image.fallback).reduce((a, b) => (b.width < a.width ? b : a));
  return {
    sources: SOURCE_FORMATS.filter((format) => format !== image.fallback).map((format) => ({ type: MEDIA_TYPES[format], srcSet: srcSetOf(format) })),
    src: fileHref(smallest.file),
    srcSet: srcSetOf(image.fallback),
    width: smallest.width,
    height: smallest.height,
  };
}
