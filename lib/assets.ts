/**
 * Folder posts' assets (images next to `index.md`) are published into `public/posts/<slug>/`,
 * which `next dev` serves and `next build` copies into `out/`. Folio owns `public/posts/`
 * (it is git-ignored): each sync makes it match the current posts exactly, so a draft's or
 * a deleted post's files never reach `out/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Post } from './content';
import { BUILT_IMAGES_FOLDER } from './reserved-paths.mjs';
import { withBasePath } from './site';

/** Copies every asset whose size or time differs, and removes what no post owns any more. */
export function publishAssets(posts: Post[], publicPostsDir: string): void {
  const wanted = new Map(posts.filter((post) => post.assetDir).map((post) => [post.slug, post.assetDir!]));
  fs.mkdirSync(publicPostsDir, { recursive: true });
  for (const entry of fs.readdirSync(publicPostsDir)) {
    if (!wanted.has(entry)) fs.rmSync(path.join(publicPostsDir, entry), { recursive: true, force: true });
  }
  for (const [slug, assetDir] of wanted) syncFolder(assetDir, path.join(publicPostsDir, slug), true);
}

function syncFolder(from: string, to: string, isPostRoot: boolean): void {
  fs.mkdirSync(to, { recursive: true });
  const sources = fs
    .readdirSync(from, { withFileTypes: true })
    // The post's own source is not an asset; hidden files are not published.
    .filter((entry) => !entry.name.startsWith('.') && !(isPostRoot && /^index\.mdx?$/.test(entry.name)));
  const names = new Set(sources.map((entry) => entry.name));
  for (const stale of fs.readdirSync(to)) {
    if (!names.has(stale)) fs.rmSync(path.join(to, stale), { recursive: true, force: true });
  }
  for (const entry of sources) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      syncFolder(source, target, false);
      continue;
    }
    copyIfChanged(source, target);
  }
}

/** Copies `source` to `target` unless the copy there has its size and is not older: a few stats on an unchanged tree. */
export function copyIfChanged(source: string, target: string): void {
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
