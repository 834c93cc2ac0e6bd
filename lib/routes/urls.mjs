// @ts-check
/**
 * URLs as authors write them: what kind each is, and where a relative one points. Plain
 * JavaScript, so the post-export step can use it under Node.
 */
import path from 'node:path';

/** True for a URL that starts with a scheme (`https:`, `mailto:`), in any case. */
export const hasUrlScheme = (/** @type {string} */ url) => /^[a-z][a-z\d+.-]*:/i.test(url);

/** True for a URL relative to the page (`./diagram.png`, `img/a.png`), not for `/x`, `#x`, `?x` or `https:`. */
export const isRelativeUrl = (/** @type {string} */ url) => !hasUrlScheme(url) && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('?');

/**
 * A URL relative to a folder post (`./img/a.png`) as an href under `base`, the post's own
 * href with a trailing slash: `<base path>/posts/<slug>/img/a.png`.
 * @param {string} relativeUrl
 * @param {string} base
 */
export const resolveRelativeUrl = (relativeUrl, base) => base + path.posix.normalize(relativeUrl).replace(/^(\.\/)+/, '');
