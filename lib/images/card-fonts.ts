/**
 * The fonts a social card is drawn with (lib/images/social-image.ts), all from npm packages in
 * node_modules, never a system font and never the network.
 *
 * Inter draws Latin, Cyrillic, Greek and Vietnamese, on every card. For what it lacks, a card
 * adds the Noto fonts its text needs: Arabic, Hebrew, Simplified Chinese, Japanese, Korean and
 * (monochrome) emoji. Fontsource ships each font cut into files by Unicode range (its
 * `unicode.json` says which file has which characters; a Chinese, Japanese or Korean font is
 * about 120 files of 20–100 KB for each weight), so a card reads only the few files that hold
 * its characters, in the weights it draws them in. Files are read once per process and kept,
 * so satori (which caches a parsed font by its bytes) parses each one once.
 *
 * A Han character is drawn in the Japanese font for `lang: ja` or a title with kana, the
 * Korean font for `lang: ko` or a title with Hangul, and the Simplified Chinese font otherwise:
 * each language draws some Han characters differently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageDir } from '../node/packages';
import { fileHash } from './cache';

export type CardFontWeight = 400 | 700;

/** A font as satori takes it. */
export interface CardFont {
  name: string;
  data: Buffer;
  weight: CardFontWeight;
  style: 'normal';
}

/** What a card's cache key records of each font it draws with: its name, weight and the hash of its bytes. */
export interface CardFontKey {
  name: string;
  weight: CardFontWeight;
  sha256: string;
}

/** A font family from a Fontsource package, read from its WOFF files: `files/<prefix>-<range>-<weight>-normal.woff`. */
interface Family {
  name: string;
  packageName: string;
  prefix: string;
}

const INTER: Family = { name: 'Inter', packageName: '@fontsource/inter', prefix: 'inter' };

/** Inter's ranges, all read for every card: a Latin card costs what it did before other scripts were drawn. */
const INTER_RANGES = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

/** The families for what Inter lacks. */
const NOTO = {
  arabic: { name: 'Noto Sans Arabic', packageName: '@fontsource/noto-sans-arabic', prefix: 'noto-sans-arabic' },
  hebrew: { name: 'Noto Sans Hebrew', packageName: '@fontsource/noto-sans-hebrew', prefix: 'noto-sans-hebrew' },
  chinese: { name: 'Noto Sans SC', packageName: '@fontsource/noto-sans-sc', prefix: 'noto-sans-sc' },
  japanese: { name: 'Noto Sans JP', packageName: '@fontsource/noto-sans-jp', prefix: 'noto-sans-jp' },
  korean: { name: 'Noto Sans KR', packageName: '@fontsource/noto-sans-kr', prefix: 'noto-sans-kr' },
  emoji: { name: 'Noto Emoji', packageName: '@fontsource/noto-emoji', prefix: 'noto-emoji' },
} satisfies Record<string, Family>;

const dirOf = new Map<Family, string>();

/** Where a family's files are, looked up once per process; a missing package fails the build with what to install. */
function familyDir(family: Family): string {
  let dir = dirOf.get(family);
  if (!dir) {
    const found = packageDir(family.packageName);
    if (!found) throw new Error(`The social cards need the ${family.packageName} package: run npm install`);
    dir = found;
    dirOf.set(family, dir);
  }
  return dir;
}

/** A family's ranges as Fontsource lists them: range name (`latin`, `[117]`) → code point intervals. */
type Ranges = { range: string; intervals: [number, number][] }[];

const rangesOf = new Map<Family, Ranges>();

/** `unicode.json`'s `"U+0600-06FF,U+200C"` as intervals, read once per family. */
function familyRanges(family: Family): Ranges {
  let ranges = rangesOf.get(family);
  if (!ranges) {
    const table = JSON.parse(fs.readFileSync(path.join(familyDir(family), 'unicode.json'), 'utf8')) as Record<string, string>;
    ranges = Object.entries(table).map(([range, list]) => ({
      range: range.replace(/^\[(\d+)\]$/, '$1'),
      intervals: list.split(',').map((item) => {
        const [from, to = from] = item.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from, 16), parseInt(to, 16)] as [number, number];
      }),
    }));
    rangesOf.set(family, ranges);
  }
  return ranges;
}

const rangeByCodePoint = new Map<Family, Map<number, string | undefined>>();

/**
 * The name of the family's range that holds `codePoint`, or undefined; looked up once per
 * family and code point in a process (a search of every range for each character of each
 * card was 0.2 s of a rebuild of 1000 posts with every card cached).
 */
function rangeWith(family: Family, codePoint: number): string | undefined {
  let known = rangeByCodePoint.get(family);
  if (!known) rangeByCodePoint.set(family, (known = new Map()));
  if (!known.has(codePoint)) known.set(codePoint, familyRanges(family).find(({ intervals }) => intervals.some(([from, to]) => codePoint >= from && codePoint <= to))?.range);
  return known.get(codePoint);
}

/** The families to look in for a character Inter lacks, in order, for a card in `lang` showing `text`. */
function fallbackFamilies(text: string, lang: string | undefined): Family[] {
  const language = lang?.toLowerCase().split('-')[0];
  const han =
    language === 'ja' || (language === undefined && /[\p{scx=Hiragana}\p{scx=Katakana}]/u.test(text))
      ? NOTO.japanese
      : language === 'ko' || (language === undefined && /\p{scx=Hangul}/u.test(text))
        ? NOTO.korean
        : NOTO.chinese;
  return [NOTO.arabic, NOTO.hebrew, han, ...[NOTO.chinese, NOTO.japanese, NOTO.korean].filter((family) => family !== han), NOTO.emoji];
}

/** An emoji: a grapheme with a pictograph or a flag's regional indicators. */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** What a card draws in one weight. */
export interface CardRun {
  text: string;
  weight: CardFontWeight;
}

/** One file of a family in one weight. */
interface FontFile {
  family: Family;
  range: string;
  weight: CardFontWeight;
}

const fileOf = ({ family, range, weight }: FontFile) => path.join(familyDir(family), 'files', `${family.prefix}-${range}-${weight}-normal.woff`);

/** Inter in both weights, for every card. */
const INTER_FILES: FontFile[] = INTER_RANGES.flatMap((range) => ([400, 700] as const).map((weight) => ({ family: INTER, range, weight })));

/** The first of `family`'s ranges that holds every code point of `text`, so that an emoji sequence in it (👍🏽, ❤️, a flag) is one glyph. */
const rangeWithAll = (family: Family, text: string) =>
  familyRanges(family).find(({ intervals }) => [...text].every((character) => intervals.some(([from, to]) => character.codePointAt(0)! >= from && character.codePointAt(0)! <= to)))?.range;

/**
 * The files a card showing `runs` needs besides Inter's. Its emoji come from one file of Noto
 * Emoji when one holds them all, else each from the first file that holds its whole sequence:
 * satori picks a font for a character by its first UTF-16 unit, so two emoji from different
 * files that share that unit (🚀 and 👍) cannot both be drawn, and are reported missing. Each
 * other character that no range of Inter lists comes from the first family with a range that
 * holds it. A character none holds is left to satori, which reports it missing.
 */
function fallbackFiles(runs: CardRun[], lang: string | undefined): FontFile[] {
  const families = fallbackFamilies(runs.map((run) => run.text).join(' '), lang);
  const files = new Map<string, FontFile>();
  const add = (family: Family, range: string, weight: CardFontWeight) => files.set(`${family.prefix}-${range}-${weight}`, { family, range, weight });
  const emoji = runs.flatMap(({ text }) => [...graphemes.segment(text)].map(({ segment }) => segment).filter((segment) => EMOJI.test(segment)));
  const allEmojiRange = emoji.length ? rangeWithAll(NOTO.emoji, emoji.join('')) : undefined;
  for (const { text, weight } of runs) {
    for (const { segment } of graphemes.segment(text)) {
      const emojiRange = EMOJI.test(segment) ? (allEmojiRange ?? rangeWithAll(NOTO.emoji, segment)) : undefined;
      if (emojiRange !== undefined) {
        add(NOTO.emoji, emojiRange, weight);
        continue;
      }
      for (const character of segment) {
        const codePoint = character.codePointAt(0)!;
        if (rangeWith(INTER, codePoint) !== undefined) continue;
        const family = families.find((candidate) => rangeWith(candidate, codePoint) !== undefined);
        if (family) add(family, rangeWith(family, codePoint)!, weight);
      }
    }
  }
  return [...files.values()];
}

/**
 * `text` as a card draws it with these fonts. Without emoji variation selectors (U+FE0F): satori
 * takes a character with one for an emoji it must be given as an image, where Noto Emoji draws
 * it as well without. With a zero-width space between an emoji and a space after it: satori
 * draws a space in the font of the character before it when that font has one, and Noto
 * Emoji's space is as wide as an emoji; the zero-width space is Inter's, and so the space.
 */
export const cardString = (text: string) => text.replaceAll('\uFE0F', '').replace(/(?<=[\p{Extended_Pictographic}\p{Emoji_Modifier}])(?=\s)/gu, '\u200B');

const bytesOf = new Map<string, Buffer>();

/** A font file's bytes, read once per process: the same Buffer each time, so satori parses it once. */
function fontBytes(file: string): Buffer {
  let bytes = bytesOf.get(file);
  if (!bytes) {
    bytes = fs.readFileSync(file);
    bytesOf.set(file, bytes);
  }
  return bytes;
}

/** The satori name of a file: a family's files each need their own, or satori would keep one file per weight. */
const fontName = ({ family, range }: FontFile) => (family === INTER ? INTER.name : `${family.name} ${range}`);

const keyOf = new Map<string, CardFontKey>();

/** What the cache key records of a font file, its bytes hashed once per process. */
function fontKey(file: FontFile): CardFontKey {
  const bytesFile = fileOf(file);
  let key = keyOf.get(bytesFile);
  if (!key) {
    key = { name: fontName(file), weight: file.weight, sha256: fileHash(bytesFile) ?? 'missing' };
    keyOf.set(bytesFile, key);
  }
  return key;
}

/** Inter, as satori takes it: the same array for every card that needs nothing else. */
let interFonts: CardFont[] | undefined;

/**
 * The fonts a card showing `runs` in `lang` is drawn with, and what its cache key records of
 * them (so a card is drawn again when a font it uses changes).
 */
export function cardFonts(runs: CardRun[], lang?: string): { fonts: CardFont[]; key: CardFontKey[] } {
  const toFont = (file: FontFile): CardFont => ({ name: fontName(file), data: fontBytes(fileOf(file)), weight: file.weight, style: 'normal' });
  interFonts ??= INTER_FILES.map(toFont);
  const extra = fallbackFiles(runs, lang);
  const key = [...INTER_FILES, ...extra].map(fontKey);
  return { fonts: extra.length ? [...interFonts, ...extra.map(toFont)] : interFonts, key };
}
