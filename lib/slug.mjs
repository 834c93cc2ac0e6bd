// @ts-check
/**
 * URL slugs. Plain JavaScript, so `npm run new-post` can use it under Node without a
 * TypeScript step. The rule, also in the README:
 * 1. Latin letters lose their accents (`Crème` → `creme`, `Tiếng Việt` → `tieng-viet`,
 *    `Über` → `uber`, `đ` → `d`).
 * 2. Letters and digits of every other script are kept as they are (`中文` → `中文`); links
 *    percent-encode them and static servers decode them back to the file name in `out/`.
 * 3. Everything is lower-cased, and each run of other characters becomes one `-`, trimmed
 *    from both ends.
 */
/**
 * @param {string} name
 * @returns {string}
 */
export function slugify(name) {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC');
}

/**
 * Reads a front matter `slug`: Lumen's `"/posts/x/"` and a bare `"x"` both give `x`.
 * @param {string} value
 * @returns {string}
 */
export function slugFromFrontMatter(value) {
  const segments = value.split('/').filter(Boolean);
  return slugify(segments.at(-1) ?? '');
}
