/**
 * The site's redirects (the build manifest's `redirects`, lib/content/redirects.ts), written
 * for every host Folio documents by the post-export step (lib/export/finish.ts):
 *
 * - `_redirects` (Netlify, Cloudflare Pages): a 301 from each old URL. Each redirect is two
 *   lines. Netlify serves a file that exists at a path rather than a redirect from it, unless
 *   the redirect is forced (`301!`), and a page stays at each old URL (below); Cloudflare Pages
 *   always redirects, knows no `!`, and ignores that line, so it follows the second, plain one
 *   (a redirect of a path Netlify has already forced away is never reached there).
 *   After them, a rule for each language other than the default (`notFoundRules`):
 *   `/fr/*  /fr/404.html  404` serves a missing path under `/fr/` with French's 404 page and
 *   status 404. Netlify applies it only where no file is (it is not forced). Cloudflare Pages
 *   knows no 404 rule and skips it (its deploy log says so); it serves the nearest
 *   `404.html` up the path's folders, `fr/404.html` (lib/export/finish.ts step 1), by itself.
 * - `vercel.json`'s `redirects` (`vercelRedirects`), written by scripts/write-vercel-json.ts.
 * - A page at each old URL (`out/<old>/index.html`) for hosts with no redirects of their own
 *   (GitHub Pages, S3): an immediate `<meta http-equiv="refresh">` to the post, its canonical
 *   link, `noindex`, and a link for people. No script.
 *
 * Every URL is under the base path. The pages are made as a syntax tree and serialized, so
 * every title and URL in them is escaped.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { prefixedLanguages, type BuildManifest } from './manifest-file';
import type { Redirect } from '../content/types';
import { prefixBasePath } from '../routes/base-path';
import { aliasPageFile, asciiHref } from '../routes/redirects';
import { ICON_PATHS, inLanguage, NOT_FOUND_FILE, REDIRECTS_PATH } from '../routes/table';

/** The status of every redirect: moved for good, so search engines move the old URL's standing to the new one. */
export const REDIRECT_STATUS = 301;

/** The status of a missing page. */
const NOT_FOUND_STATUS = 404;

/** One redirect with both ends as URLs a host matches and sends: under the base path, percent-encoded. */
const hostRule = ({ from, to }: Redirect, basePath: string) => ({ source: asciiHref(prefixBasePath(basePath, from)), destination: asciiHref(to) });

/**
 * The `_redirects` rules that serve each language's own 404 page for a missing path under its
 * folder (`languages`: the codes of the languages other than the default), under the base path;
 * none on a site of one language, whose `/404.html` every host serves.
 */
export const notFoundRules = (languages: readonly string[], basePath: string): string[] =>
  languages.map((code) => {
    const folder = prefixBasePath(basePath, inLanguage(code, '/'));
    return `${folder}* ${prefixBasePath(basePath, inLanguage(code, NOT_FOUND_FILE))} ${NOT_FOUND_STATUS}`;
  });

/**
 * `_redirects` in the format Netlify and Cloudflare Pages read (see above for its two lines
 * each), with the 404 rules of `notFoundLanguages` last, so no old URL under a language's
 * folder falls to them.
 */
export const redirectsFile = (redirects: readonly Redirect[], basePath: string, notFoundLanguages: readonly string[] = []): string =>
  [
    '# Written by `npm run build` (lib/export/redirects.ts): the old URLs of posts, for Netlify and Cloudflare Pages.',
    '# Each twice: Netlify follows the forced 301! over the page left at the old URL; Cloudflare Pages ignores that line and follows the plain one.',
    ...redirects.flatMap((redirect) => {
      const { source, destination } = hostRule(redirect, basePath);
      return [`${source} ${destination} ${REDIRECT_STATUS}!`, `${source} ${destination} ${REDIRECT_STATUS}`];
    }),
    ...(notFoundLanguages.length
      ? ["# Each language's 404 page for a missing path under its folder, for Netlify; Cloudflare Pages ignores these lines and serves the nearest 404.html itself.", ...notFoundRules(notFoundLanguages, basePath)]
      : []),
  ].join('\n') + '\n';

/**
 * The `redirects` of `vercel.json`: Vercel applies them before it looks for a file, so the page
 * at the old URL is never served there. Its sources are path-to-regexp patterns; an old URL
 * holds no character they treat specially (lib/routes/redirects.ts allows letters, digits and
 * `-._~` alone).
 */
export const vercelRedirects = (redirects: readonly Redirect[], basePath: string): { source: string; destination: string; statusCode: number }[] =>
  redirects.map((redirect) => ({ ...hostRule(redirect, basePath), statusCode: REDIRECT_STATUS }));

const element = (tagName: string, properties: Element['properties'], children: Element['children'] = []): Element => ({ type: 'element', tagName, properties, children });

/**
 * The page at an old URL: it sends browsers on at once, tells search engines where the page
 * is now and not to index this one, and shows people a link. `siteUrl` is the site's origin.
 */
export function aliasPageHtml({ to, title }: Redirect, { siteUrl, language, basePath }: { siteUrl: string; language: string; basePath: string }): string {
  const href = asciiHref(to);
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      element('html', { lang: language }, [
        element('head', {}, [
          element('meta', { charSet: 'utf-8' }),
          element('title', {}, [{ type: 'text', value: `Moved: ${title}` }]),
          element('link', { rel: ['canonical'], href: new URL(href, siteUrl).href }),
          element('meta', { name: 'robots', content: 'noindex' }),
          element('meta', { httpEquiv: ['refresh'], content: `0; url=${href}` }),
          // The site's icon under its base path: without it, a browser asks the origin's root for
          // /favicon.ico, which a site under a sub-path (a GitHub Pages project site) does not own.
          element('link', { rel: ['icon'], href: prefixBasePath(basePath, ICON_PATHS.favicon) }),
        ]),
        element('body', {}, [element('p', {}, [{ type: 'text', value: 'This page has moved to ' }, element('a', { href }, [{ type: 'text', value: title }]), { type: 'text', value: '.' }])]),
      ]),
    ],
  };
  return `${toHtml(tree)}\n`;
}

/**
 * Writes `_redirects` (with each language's 404 rule) and the page at each old URL of the
 * manifest into `outDir`; returns the files written, relative to it. A page would never
 * replace another file that is there already (a file of `public/`, say): that is an error
 * naming both. The same page is no other file: a rebuild that rendered only changed pages
 * into the last build's `out/` (lib/build/render-pages.ts) finds the pages it wrote then.
 */
export function writeRedirects(manifest: BuildManifest, outDir: string): string[] {
  const written = [REDIRECTS_PATH.slice(1)];
  for (const redirect of manifest.redirects) {
    const file = path.join(outDir, ...aliasPageFile(redirect.from));
    const html = aliasPageHtml(redirect, { siteUrl: manifest.site.url, language: manifest.site.language, basePath: manifest.basePath });
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') !== html) {
      throw new Error(`Cannot write the page at the old URL ${redirect.from} of ${redirect.to}: ${file} is there already (a file of public/?); remove one of them`);
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, html);
    written.push(path.relative(outDir, file).split(path.sep).join('/'));
  }
  fs.writeFileSync(path.join(outDir, REDIRECTS_PATH), redirectsFile(manifest.redirects, manifest.basePath, prefixedLanguages(manifest)));
  return written;
}
