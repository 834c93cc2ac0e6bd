/**
 * URL slugs. The rule, also in the README:
 * 1. Latin letters lose their accents (`Crème` → `creme`, `Tiếng Việt` → `tieng-viet`,
 *    `Über` → `uber`, `đ` → `d`).
 * 2. Letters and digits of every other script are kept as they are (`中文` → `中文`); links
 *    percent-encode them and static servers decode them back to the file name in `out/`.
 * 3. A `+` or `#` after a letter or digit is spelled out, so that `C++`, `C#` and `C` are
 *    three slugs (`c-plus-plus`, `c-sharp`, `c`).
 * 4. Everything is lower-cased, and each run of other characters becomes one `-`, trimmed
 *    from both ends.
 * 5. A slug is at most `MAX_SLUG_BYTES` bytes of UTF-8, since it names a folder in `out/`
 *    and file names hold at most 255 bytes: a longer one is cut at a character.
 */

/** 200 Latin letters, or 66 Chinese characters; with `.json` after it, still a file name. */
export const MAX_SLUG_BYTES = 200;

/**
 * What a name keeps when case and accents are set aside (steps 1 and 4 of the rule, but for
 * punctuation and spacing): names with the same key are one tag. `AWS` and `aws` have the
 * same key; `C++` and `C` do not.
 */
export const nameKey = (name: string): string => foldAccents(name).toLowerCase().normalize('NFC');

const foldAccents = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/ß/g, 'ss');

export function slugify(name: string): string {
  const slug = foldAccents(name)
    .replace(/(?<=[\p{L}\p{N}+])\+/gu, '-plus-')
    .replace(/(?<=[\p{L}\p{N}])#/gu, '-sharp-')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC');
  return cutToBytes(slug, MAX_SLUG_BYTES).replace(/-+$/, '');
}

/** The bytes of `character` (one code point) in UTF-8. */
const utf8Length = (character: string) => {
  const code = character.codePointAt(0) as number;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/**
 * `text` cut to at most `max` bytes of UTF-8, at a character.
 */
function cutToBytes(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    bytes += utf8Length(character);
    if (bytes > max) break;
    end += character.length;
  }
  return text.slice(0, end);
}

/**
 * Reads a front matter `slug`: Lumen's `"/posts/x/"` and a bare `"x"` both give `x`.
 */
export function slugFromFrontMatter(value: string): string {
  const segments = value.split('/').filter(Boolean);
  return slugify(segments.at(-1) ?? '');
}
