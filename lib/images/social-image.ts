/**
 * The image a post is shared with (Open Graph, X, JSON-LD). A post's own `socialImage` or
 * `cover` becomes one JPEG or PNG at most 1200 px wide. Without one, the build draws a card:
 * the title, the date and the site's name on 1200×630, the size link previews show, in the
 * title's direction. A title with characters none of the card's fonts has (Thai, Devanagari…)
 * is shared with the site's image instead, with a warning.
 *
 * satori lays the card out into an SVG of paths, with fonts from npm (lib/images/card-fonts.ts:
 * Inter, and the Noto fonts for Arabic, Hebrew, Chinese, Japanese, Korean and emoji that a card
 * needs; never a system font, so every machine draws the same card), and sharp turns it into a
 * PNG. The title is text in satori's layout, never markup, so no title can break out of it.
 * Cards and images are cached like body images (lib/images/cache.ts), keyed by the layout and
 * the fonts' bytes: an unchanged card is never drawn again, and a changed font draws it again.
 */
import { formatDate } from '../content/dates';
import { builtImagePath } from '../routes/table';
import { packageVersion } from '../node/packages';
import type { Post } from '../content/types';
import { ContentError } from '../content/errors';
import { lineOfField } from '../content/parse';
import { ImageError, projectImageStore, svgToPng, type ImageStore } from './process';
import { isRemoteImage, localFile } from './body-images';
import bidiFactory from 'bidi-js';
import { site } from '../config/site';
import { cardFonts, cardString } from './card-fonts';
import { loadOnce } from '../node/load-once';

/** The image a page is shared with; its size when the build knows it (not for an image on another site). */
export interface SocialImage {
  /** Root-relative for the site's own images, else absolute. */
  url: string;
  width: number | null;
  height: number | null;
}

export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;

/** What a card shows. */
export interface SocialCardText {
  title: string;
  /** The post's date as readers see it, or null for a page. */
  date: string | null;
  siteTitle: string;
  /** The post's language (BCP 47), which picks the font for Han characters: Japanese for `ja`, Korean for `ko`, else Chinese. */
  lang?: string;
  /** The card's direction; by default the direction of the title's first strong character. */
  dir?: 'ltr' | 'rtl';
}

/** A satori element: the shape React elements have, without React. */
interface CardElement {
  type: 'div';
  props: { style: Record<string, string | number>; children?: string | CardElement | CardElement[] };
}

const div = (style: CardElement['props']['style'], children?: CardElement['props']['children']): CardElement => ({ type: 'div', props: { style, children } });

const bidi = bidiFactory();

const loadSatori = loadOnce(() => import('satori').then((loaded) => loaded.default));

/** The direction of `text`'s first strong character (rules P2 and P3 of the Unicode Bidirectional Algorithm); left to right when it has none. */
const textDirection = (text: string) => (bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level === 1 ? 'rtl' : 'ltr');

/** Smaller type for longer titles, so most fit in three lines; anything longer ends in an ellipsis. */
const titleSize = (title: string) => (title.length <= 40 ? 72 : title.length <= 80 ? 60 : 48);

/**
 * The card's layout: what satori draws, and (as JSON) what its cache key is made of. satori
 * shapes each run with HarfBuzz (Arabic letters join) and orders words by the Unicode
 * Bidirectional Algorithm; with `direction: 'rtl'` each line starts at the right, and the
 * ellipsis of a long title is at its left. The site's name and the date are set in their own
 * direction (an English date stays "4 December 2026" on an Arabic card) on the card's side.
 */
function cardLayout({ title, date, siteTitle, dir = textDirection(title) }: SocialCardText): CardElement {
  const line = (text: string, style: CardElement['props']['style']) =>
    div({ display: 'flex', ...style, direction: textDirection(text), justifyContent: textDirection(text) === dir ? 'flex-start' : 'flex-end' }, text);
  return div(
    {
      ...SOCIAL_CARD_SIZE,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '56px 80px 72px',
      background: site.cardColours.background,
      borderTop: `16px solid ${site.cardColours.accent}`,
      fontFamily: 'Inter',
      direction: dir,
    },
    [
      line(siteTitle, { fontSize: 36, fontWeight: 700, color: site.cardColours.accent }),
      div({ display: 'block', fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.15, color: site.cardColours.heading, lineClamp: 4, wordBreak: 'break-word' }, title),
      line(date ?? '', { fontSize: 32, color: site.cardColours.muted }),
    ],
  );
}

/** The installed satori's version, in every card's key: read once per process rather than once per card. */
const satoriVersion = (() => {
  let version: string | undefined;
  return () => (version ??= packageVersion('satori'));
})();

/**
 * A card as a 1200×630 PNG in `/_img/`, drawn only when the cache has none for this layout
 * and these fonts. `{ missing }` when the text has characters none of the card's fonts has
 * (Thai, Devanagari…), which satori would draw as boxes. Exported for the tests, and for a
 * caller that knows the post's language and direction.
 */
export async function socialCard(card: SocialCardText, store: ImageStore): Promise<SharedImage | { missing: string }> {
  const text = { ...card, title: cardString(card.title), siteTitle: cardString(card.siteTitle), date: card.date === null ? null : cardString(card.date) };
  const layout = cardLayout(text);
  const { fonts, key } = cardFonts(
    [
      { text: `${text.siteTitle} ${text.title}`, weight: 700 },
      { text: text.date ?? '', weight: 400 },
    ],
    text.lang,
  );
  const input = { layout, fonts: key, satori: satoriVersion() };
  const entry = await store.generated<{ files: string[]; missing?: string }>('card', input, async (fileName) => {
    const satori = await loadSatori();
    const missing: string[] = [];
    const svg = await satori(layout as Parameters<typeof satori>[0], {
      ...SOCIAL_CARD_SIZE,
      fonts,
      // satori asks for fonts for what the card's fonts lack; there are none to give.
      loadAdditionalAsset: async (_language, segment) => {
        missing.push(segment);
        return [];
      },
    });
    if (missing.length) return { entry: { files: [], missing: missing.join('') }, data: new Map() };
    const file = fileName('.png');
    return { entry: { files: [file] }, data: new Map([[file, await svgToPng(svg)]]) };
  });
  if (entry.missing !== undefined) return { missing: entry.missing };
  return { image: { url: builtImagePath(entry.files[0]), ...SOCIAL_CARD_SIZE }, files: entry.files };
}

/** The image a post is shared with, the files in `/_img/` it needs published, and what its author should know. */
export interface SharedImage {
  image: SocialImage;
  files: string[];
  warnings?: string[];
}

/** The site's own image, for a post that has none and no card. */
const siteImage = (warnings?: string[]): SharedImage => ({ image: { url: site.socialImage, width: null, height: null }, files: [], warnings });

/**
 * The image `post` is shared with: its `socialImage`, else its `cover` (`coverImage`), else a
 * card, or the site's image when `site.socialCards` is off. A local image that is missing or
 * unreadable is a `ContentError` naming the field. Publishes nothing: the files it names are
 * published by the prepare step.
 */
export async function postSocialImage(post: Post, store: ImageStore = projectImageStore()): Promise<SharedImage> {
  const { socialImage, cover, coverImage } = post.frontMatter;
  const [field, src] = socialImage ? ['socialImage', socialImage] : cover ? ['cover', cover] : coverImage ? ['coverImage', coverImage] : [null, null];
  if (!field || !src) {
    if (!site.socialCards) return siteImage();
    const card = await socialCard({ title: post.title, date: post.template === 'post' ? formatDate(post.date, site.dateLocale) : null, siteTitle: site.title }, store);
    if ('image' in card) return card;
    return siteImage([`${post.sourcePath}: the social card's fonts have no "${card.missing}", so the post is shared with the site's image (set socialImage, or add a font in lib/images/card-fonts.ts)`]);
  }
  if (isRemoteImage(src)) return { image: { url: src, width: null, height: null }, files: [] };
  const local = localFile(src, { assetDir: post.assetDir, publicDir: store.dirs.publicDir });
  const where = () => ({ field, line: lineOfField(post, field) });
  if ('problem' in local) throw new ContentError(post.sourcePath, `image "${src}" ${local.problem}`, where());
  try {
    const { image } = await store.socialImage(local.file);
    return { image: { url: builtImagePath(image.file), width: image.width, height: image.height }, files: [image.file] };
  } catch (error) {
    if (error instanceof ImageError) throw new ContentError(post.sourcePath, `image "${src}" ${error.message}`, where());
    throw error;
  }
}
