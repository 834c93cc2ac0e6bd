/**
 * Publishing into `public/`, which `next dev` serves and `next build` copies into `out/`: the
 * prepare step's writes (lib/build/prepare.ts). Folder posts' own files go into
 * `public/posts/<slug>/`, which Folio owns (it is git-ignored): each sync makes it match the
 * current posts exactly, so a draft's or a deleted post's files never reach `out/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Post } from '../content/types';
import { ContentError, ContentErrors } from '../content/errors';
import type { PostAsset } from '../content/post-files';
import { NotSvgError, sanitizeSvg } from '../images/svg';
import { copyIfChanged, filesUnder, writeAtomically } from '../node/files';

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
