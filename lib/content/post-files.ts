/**
 * A folder post's own files (images next to `index.md`), which the build publishes beside its
 * page (lib/build/publish.ts). What a folder post may publish is decided when it is read
 * (`readPostAssets`), so a post with a file it may not publish is an error listed with every
 * other, and nothing of it is published: nothing from outside the project (a link may point
 * elsewhere in it), nothing a browser would run on the site's origin (HTML, JavaScript, XML
 * documents), and SVGs only as lib/images/svg.ts makes them inert.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lookup as mediaTypeOf } from 'mime-types';
import { ContentError } from './errors';
import { isInside } from '../node/files';

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
