/**
 * URLs as authors write them: what kind each is, and where a relative one points.
 */
import path from 'node:path';

/** The scheme of a URL as browsers read it, in lower case (`HTTPS:` is `https`), or null for a path. */
export function urlScheme(url: string): string | null {
  // Browsers ignore leading spaces and control characters, and tabs and newlines anywhere.
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url.replace(/^[\0-\x20]+|[\t\n\r]/g, ''));
  return scheme ? scheme[1].toLowerCase() : null;
}

/** True for a URL that starts with a scheme (`https:`, `mailto:`, ` javascript:`), as browsers read it. */
export const hasUrlScheme = (url: string) => urlScheme(url) !== null;

/** True for a URL relative to the page (`./diagram.png`, `img/a.png`), not for `/x`, `#x`, `?x` or `https:`. */
export const isRelativeUrl = (url: string) => !hasUrlScheme(url) && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('?');

/**
 * True for a URL that points into the site at `siteUrl` (its origin) as a browser reads it: a
 * path, `#x`, `?x`, or an http(s) URL, protocol-relative or not, on the site's own host. Not
 * for another host, another scheme (`mailto:`), or what no browser can read as a URL.
 */
export function pointsIntoSite(url: string, siteUrl: string): boolean {
  try {
    const target = new URL(url, siteUrl);
    return (target.protocol === 'http:' || target.protocol === 'https:') && target.host === new URL(siteUrl).host;
  } catch {
    return false;
  }
}

/**
 * A URL relative to a folder post (`./img/a.png`) as an href under `base`, the post's own
 * href with a trailing slash: `<base path>/posts/<slug>/img/a.png`.
 */
export const resolveRelativeUrl = (relativeUrl: string, base: string) => base + path.posix.normalize(relativeUrl).replace(/^(\.\/)+/, '');

/** One candidate of a `srcset`: a URL and its descriptors (`a-480.avif 480w`). */
interface SrcSetCandidate {
  url: string;
  descriptors: string;
}

/** The candidates of a `srcset`, apart at commas. */
function srcSetCandidates(srcSet: string): SrcSetCandidate[] {
  const candidates: SrcSetCandidate[] = [];
  for (let rest = srcSet.replace(/^[\s,]+/, ''); rest; rest = rest.replace(/^[\s,]+/, '')) {
    // As browsers read it: the URL runs to the next space, and commas that end it end the candidate.
    const url = /^\S+/.exec(rest)![0];
    rest = rest.slice(url.length);
    const descriptors = url.endsWith(',') ? '' : /^[^,]*/.exec(rest)![0];
    rest = rest.slice(descriptors.length);
    candidates.push({ url: url.replace(/,+$/, ''), descriptors: descriptors.trim() });
  }
  return candidates;
}

/** `srcSet` with each candidate's URL replaced by what `replace` returns for it, as `<url> <descriptors>, …`. */
export function replaceSrcSetUrls(srcSet: string, replace: (url: string) => string): string {
  return srcSetCandidates(srcSet)
    .map(({ url, descriptors }) => [replace(url), descriptors].filter(Boolean).join(' '))
    .join(', ');
}
