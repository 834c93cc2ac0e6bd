/**
 * Folder posts' assets (images next to `index.md`) are published into `public/posts/<slug>/`,
 * which `next dev` serves and `next build` copies into `out/`. Folio owns `public/posts/`
 * (it is git-ignored): each sync makes it match the current posts exactly, so a draft's or
 * a deleted post's files never reach `out/`.
 *
 * What a folder post may publish is decided when it is read (`readPostAssets`), so a post
 * with a file it may not publish is an error listed with every other, and nothing of it is
 * published: nothing from outside the project (a link may point elsewhere in it), nothing a
 * browser would run on the site's origin (HTML, JavaScript, XML documents), and SVGs only as
 * lib/svg.ts makes them inert.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lookup as mediaTypeOf } from 'mime-types';
import type { Post } from './load';
import { ContentError, ContentErrors } from './errors';
import { filesUnder, isInside, writeAtomically } from '../node/files.mjs';
import { BUILT_IMAGES_FOLDER } from '../routes/table.mjs';
import { withBasePath } from '../config/site';
import { NotSvgError, sanitizeSvg } from '../images/svg';

/** A file of a folder post, published beside its page. */
export interface PostAsset {
  /** Its path in the post's folder, with `/`: `img/a.png`; its URL is the page's plus this. */
  name: string;
  /** The file to read: its real path, any link resolved. */
  file: string;
  /** As authors see it in messages: `posts/trip/img/a.png`. */
  sourcePath: string;
}

/** Where files may come from: the project, and the posts folder wherever it is (`FOLIO_POSTS_DIR`). */
export interface SourceAreas {
  /** Real paths (links resolved) of the folders whose files may be published. */
  folders: string[];
  /** Messages' paths are relative to the project. */
  relative: (file: string) => string;
}

/**
 * Where the link `link` leads: its real path, or why it may not be followed (it leads nowhere,
 * outside the project, or to a hidden file such as `.env`).
 */
export function followLink(link: string, areas: SourceAreas): { real: string } | { problem: string } {
  const written = fs.readlinkSync(link);
  let real: string;
  try {
    real = fs.realpathSync(link);
  } catch {
    return { problem: `is a link to ${written}, which does not exist` };
  }
  const area = areas.folders.find((folder) => isInside(folder, real));
  if (!area) return { problem: `is a link to ${real}, outside the project: a post may only use files inside it; copy the file here instead` };
  if (path.relative(area, real).split(path.sep).some((segment) => segment.startsWith('.'))) {
    return { problem: `is a link to ${areas.relative(real)}, a hidden file, which is never published` };
  }
  return { real };
}

/** Why a browser would run a file named `name` as a page or a script on the site's origin, by the media type a server sends for it; null if it would not. */
function activeContent(name: string): string | null {
  if (path.extname(name).toLowerCase() === '.svgz') return 'a compressed SVG, which cannot be checked for scripts';
  const type = mediaTypeOf(name) || '';
  if (type === 'image/svg+xml') return null;
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'HTML';
  if (/javascript|ecmascript/.test(type)) return 'JavaScript';
  if (type === 'application/wasm') return 'WebAssembly';
  if (/[/+]xml$|mathml|xsl/.test(type)) return 'an XML document';
  return null;
}

/**
 * The files a folder post publishes: every file in `folder` and its subfolders but its source
 * `index` and hidden files, links followed, and the problems that keep it from being published.
 */
export function readPostAssets(folder: string, index: string, areas: SourceAreas): { assets: PostAsset[]; errors: ContentError[] } {
  const assets: PostAsset[] = [];
  const errors: ContentError[] = [];
  const walk = (dir: string, prefix: string, realAncestors: string[]) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || (prefix === '' && entry.name === index)) continue;
      const full = path.join(dir, entry.name);
      const sourcePath = areas.relative(full);
      const fail = (detail: string) => errors.push(new ContentError(sourcePath, detail));
      let real = full;
      if (entry.isSymbolicLink()) {
        const followed = followLink(full, areas);
        if ('problem' in followed) {
          fail(followed.problem);
          continue;
        }
        real = followed.real;
      }
      const stat = fs.statSync(real);
      if (stat.isDirectory()) {
        const realDir = fs.realpathSync(real);
        // A link to the post's own folder, or to one that holds it (`..`, `posts/`), would publish it again inside itself, and every other post with it.
        if (realAncestors.some((ancestor) => isInside(realDir, ancestor))) fail('is a link to a folder that holds it');
        else walk(full, `${prefix}${entry.name}/`, [...realAncestors, realDir]);
      } else if (!stat.isFile()) {
        fail('is not a regular file');
      } else {
        const active = activeContent(entry.name);
        if (active) fail(`is ${active}, which a browser would run on the site's origin: put what it shows in the post, or zip it to offer it for download`);
        else assets.push({ name: `${prefix}${entry.name}`, file: real, sourcePath });
      }
    }
  };
  walk(folder, '', [fs.realpathSync(folder)]);
  return { assets, errors };
}

/**
 * Publishes the assets of `posts` into `publicPostsDir`: copies each whose size or time
 * differs (an SVG made inert), and removes what no post owns any more. Throws `ContentErrors`
 * for SVG files that are not SVG, after publishing the rest.
 */
export function publishAssets(posts: Post[], publicPostsDir: string): void {
  const wanted = new Map(posts.filter((post) => post.assetDir).map((post) => [post.slug, post.assets]));
  fs.mkdirSync(publicPostsDir, { recursive: true });
  for (const entry of fs.readdirSync(publicPostsDir)) {
    if (!wanted.has(entry)) fs.rmSync(path.join(publicPostsDir, entry), { recursive: true, force: true });
  }
  const errors: ContentError[] = [];
  for (const [slug, assets] of wanted) {
    const target = path.join(publicPostsDir, slug);
    removeStale(target, assets);
    for (const asset of assets) {
      try {
        publishFile(asset.file, path.join(target, ...asset.name.split('/')));
      } catch (error) {
        if (!(error instanceof NotSvgError)) throw error;
        errors.push(new ContentError(asset.sourcePath, `is not an SVG image: it ${error.message}`));
      }
    }
  }
  if (errors.length) throw new ContentErrors(errors);
}

/** Removes from a post's published folder every file that is not one of `assets`, and the folders left empty. */
function removeStale(target: string, assets: PostAsset[]): void {
  const names = new Set(assets.map((asset) => asset.name));
  for (const file of filesUnder(target)) {
    if (!names.has(path.relative(target, file).split(path.sep).join('/'))) fs.rmSync(file);
  }
  const folders = fs.existsSync(target) ? fs.readdirSync(target, { recursive: true, withFileTypes: true }).filter((entry) => entry.isDirectory()) : [];
  for (const folder of folders.map((entry) => path.join(entry.parentPath, entry.name)).sort((a, b) => b.length - a.length)) {
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }
}

/**
 * Publishes `source` at `target`: a copy, or for an SVG its inert form, which is written again
 * only when the source's time differs from the one it was given. What a server sends it as
 * comes from the published name, which a link's target need not share.
 */
function publishFile(source: string, target: string): void {
  if (path.extname(target).toLowerCase() !== '.svg') {
    copyIfChanged(source, target);
    return;
  }
  const current = fs.statSync(source);
  const published = fs.statSync(target, { throwIfNoEntry: false });
  if (published && Math.trunc(published.mtimeMs) === Math.trunc(current.mtimeMs)) return;
  writeAtomically(target, sanitizeSvg(fs.readFileSync(source, 'utf8')));
  fs.utimesSync(target, current.atime, current.mtime);
}

/** Copies `source` to `target` unless the copy there has its size and is not older: a few stats on an unchanged tree. */
export function copyIfChanged(source: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const current = fs.statSync(source);
  const published = fs.statSync(target, { throwIfNoEntry: false });
  if (!published || published.size !== current.size || published.mtimeMs < current.mtimeMs) fs.copyFileSync(source, target);
}

/** True for a URL that starts with a scheme (`https:`, `mailto:`). */
export const hasUrlScheme = (url: string) => /^[a-z][a-z\d+.-]*:/i.test(url);

/** True for a URL relative to the page (`./diagram.png`, `img/a.png`), not for `/x`, `#x`, `?x` or `https:`. */
export const isRelativeUrl = (url: string) => !hasUrlScheme(url) && !url.startsWith('/') && !url.startsWith('#') && !url.startsWith('?');

/** Where a folder post's assets are served from: `/posts/<slug>/` under the base path. */
export const assetBaseFor = (slug: string) => withBasePath(`/posts/${slug}/`);

export { BUILT_IMAGES_FOLDER };

/**
 * The site path of a file the image pipeline made: `/_img/<name>-<hash>-<width>.<format>`.
 * Not under the base path yet: a body's URLs get it from lib/markdown.ts, a page's social
 * image from `withBasePath` where it is shown.
 */
export const builtImageUrl = (file: string) => `/${BUILT_IMAGES_FOLDER}/${file}`;

/** `./img/a.png` in a folder post → `<base path>/posts/<slug>/img/a.png`. */
export const resolveAssetUrl = (relativeUrl: string, assetBase: string) => assetBase + path.posix.normalize(relativeUrl).replace(/^(\.\/)+/, '');
