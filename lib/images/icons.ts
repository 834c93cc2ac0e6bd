/**
 * The site's icons and its web app manifest, all made from one SVG (`site.icon.source`, in
 * `public/icons/`) with sharp, and written into `public/` (git-ignored), which `next dev`
 * serves and `next build` copies into `out/`. The prepare step (lib/build/prepare.ts) makes
 * them before any page is rendered (`publishIcons`), in dev and in a build alike, and
 * pages/_document.tsx links them from every page under the base path (`iconHrefs`):
 * - `favicon.ico` (16, 32 and 48 px) at the root, where browsers, feed readers and crawlers
 *   ask for it whatever they open;
 * - the SVG itself, which modern browsers show at any size;
 * - `icons/apple-touch-icon.png`, 180 px, on `site.icon.background`: iOS shows a transparent
 *   icon on black;
 * - `icons/icon-192.png` and `icons/icon-512.png`, the manifest's, for an installed site and
 *   its splash screen;
 * - `manifest.webmanifest`: the site's name, description, icons and colours, with its start
 *   URL and scope under the base path.
 * lib/export/headers.ts, which the post-export step runs, gives these files their cache policy
 * (`isIconPath`), so sharp is loaded only when icons are made.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Sharp } from 'sharp';
import { writeAtomically } from '../node/files';
import { prefixBasePath } from '../routes/base-path';
import { ICON_PATHS } from '../routes/table';

/** Where the icons are, as a site path; the source SVG must be here too. */
const ICONS_DIR = ICON_PATHS.folder;
const FAVICON_PATH = ICON_PATHS.favicon;
const MANIFEST_PATH = ICON_PATHS.manifest;
const APPLE_TOUCH_ICON = { path: `${ICONS_DIR}apple-touch-icon.png`, size: 180 };
/** The manifest's PNG icons: the size Chromium wants to install a site, and the splash screen's. */
const MANIFEST_ICONS = [192, 512].map((size) => ({ path: `${ICONS_DIR}icon-${size}.png`, size }));
/** The sizes in `favicon.ico`: a tab at 1× and 2×, and Windows' shortcuts. */
const FAVICON_SIZES = [16, 32, 48];

/** The site paths of the files `publishIcons` makes (the source SVG is the author's, already in `public/`). */
export const ICON_FILES: readonly string[] = [FAVICON_PATH, MANIFEST_PATH, APPLE_TOUCH_ICON.path, ...MANIFEST_ICONS.map((icon) => icon.path)];

/** True for a file of the icon set: the favicon, the manifest, and everything in `icons/`. */
export const isIconPath = (sitePath: string): boolean => sitePath === FAVICON_PATH || sitePath === MANIFEST_PATH || sitePath.startsWith(ICONS_DIR);

export interface IconSettings {
  source: string;
  background: string;
}

export interface ThemeColor {
  light: string;
  dark: string;
}

/** The site settings (lib/config/site.ts) the icon set is made from. */
export interface IconSite {
  title: string;
  description: string;
  language: string;
  icon: IconSettings;
  themeColor: ThemeColor;
}

/**
 * The hrefs of the icon set under `basePath`, as every page links them.
 */
export const iconHrefs = (icon: IconSettings, basePath: string) => ({
  svg: prefixBasePath(basePath, icon.source),
  favicon: prefixBasePath(basePath, FAVICON_PATH),
  appleTouchIcon: prefixBasePath(basePath, APPLE_TOUCH_ICON.path),
  manifest: prefixBasePath(basePath, MANIFEST_PATH),
});

/**
 * The source SVG's file in `publicDir`, or an error that says what `site.icon.source` must be.
 */
export function iconSourceFile(publicDir: string, source: string): string {
  const problem = `site.icon.source in lib/config/settings.ts: ${JSON.stringify(source)}`;
  if (!source.startsWith(ICONS_DIR) || !source.endsWith('.svg') || source.includes('/../')) throw new Error(`${problem} must be an SVG file in public${ICONS_DIR}, like "${ICONS_DIR}icon.svg"`);
  const file = path.join(publicDir, ...source.split('/').filter(Boolean));
  if (!fs.existsSync(file)) throw new Error(`${problem} points to ${path.relative(process.cwd(), file)}, which does not exist`);
  return file;
}

/**
 * `svg` as a square PNG of `size` pixels, the image centred and scaled to fit, on `background`
 * (transparent if none).
 */
async function pngOf(sharp: (input: Buffer, options?: { density: number }) => Sharp, svg: Buffer, size: number, background?: string): Promise<Buffer> {
  const { width = size, height = size } = await sharp(svg).metadata();
  // Rasterized at the density that gives `size` pixels, so that nothing is scaled up.
  const density = Math.min(100_000, (72 * size) / Math.min(width, height));
  // The padding `contain` adds and the image's own transparency both get the background.
  const fitted = sharp(svg, { density }).resize(size, size, { fit: 'contain', background: background ?? { r: 0, g: 0, b: 0, alpha: 0 } });
  return (background ? fitted.flatten({ background }) : fitted).png().toBuffer();
}

/**
 * The icon files made from `svg`, by site path: `favicon.ico`, the apple-touch-icon and the
 * manifest's PNGs.
 */
export async function renderIcons(svg: Buffer, icon: IconSettings): Promise<Map<string, Buffer>> {
  // Loaded here, not with the module: lib/export/headers.ts reads only the paths above.
  const [{ default: sharp }, icoModule] = await Promise.all([import('sharp'), import('ico-endec')]);
  // ico-endec is CommonJS marked `__esModule` with no default export: Node gives its exports
  // as the default, bundlers and Babel as the module itself.
  const { encode } = icoModule.default ?? icoModule;
  const favicon = encode(await Promise.all(FAVICON_SIZES.map((size) => pngOf(sharp, svg, size))));
  const appleTouchIcon = await pngOf(sharp, svg, APPLE_TOUCH_ICON.size, icon.background);
  const manifestIcons = await Promise.all(MANIFEST_ICONS.map(async ({ path: sitePath, size }): Promise<[string, Buffer]> => [sitePath, await pngOf(sharp, svg, size)]));
  return new Map([[FAVICON_PATH, favicon], [APPLE_TOUCH_ICON.path, appleTouchIcon], ...manifestIcons]);
}

/**
 * The web app manifest: what a browser shows for the site installed or pinned, with every URL
 * under `basePath`, where the site is.
 */
export const webManifest = (site: IconSite, basePath: string) => ({
  name: site.title,
  description: site.description,
  lang: site.language,
  id: prefixBasePath(basePath, '/'),
  start_url: prefixBasePath(basePath, '/'),
  scope: prefixBasePath(basePath, '/'),
  display: 'minimal-ui',
  theme_color: site.themeColor.light,
  background_color: site.icon.background,
  icons: [
    { src: prefixBasePath(basePath, site.icon.source), sizes: 'any', type: 'image/svg+xml' },
    ...MANIFEST_ICONS.map(({ path: sitePath, size }) => ({ src: prefixBasePath(basePath, sitePath), sizes: `${size}x${size}`, type: 'image/png' })),
  ],
});

/** Writes `data` to `file` unless the file holds it already; true if it wrote. */
function writeIfChanged(file: string, data: Buffer): boolean {
  if (fs.existsSync(file) && fs.readFileSync(file).equals(data)) return false;
  writeAtomically(file, data);
  return true;
}

/**
 * Makes the icon set and the manifest of `site` from its source into `publicDir`; resolves
 * with the site paths of the files it wrote. Files already as they should be are left alone.
 * `source` is the source SVG's file.
 */
async function makeIcons(source: string, publicDir: string, site: IconSite, basePath: string): Promise<string[]> {
  const files = await renderIcons(fs.readFileSync(source), site.icon);
  files.set(MANIFEST_PATH, Buffer.from(`${JSON.stringify(webManifest(site, basePath), null, 2)}\n`));
  return [...files].filter(([sitePath, data]) => writeIfChanged(path.join(publicDir, ...sitePath.split('/').filter(Boolean)), data)).map(([sitePath]) => sitePath);
}

const NOTHING_MADE = { from: '', done: Promise.resolve<string[]>([]) };

/** What this process last made the icons from, and the making. */
let published = NOTHING_MADE;

/**
 * Makes the icon set and the manifest of `site` into `publicDir` (`makeIcons`), unless this
 * process made them from the same source and settings already: then it costs one `stat` (the
 * dev server's prepare step runs again on every save). Resolves with the site paths of the
 * files it wrote.
 */
export function publishIcons(publicDir: string, site: IconSite, basePath: string): Promise<string[]> {
  const source = iconSourceFile(publicDir, site.icon.source);
  const { mtimeMs, size } = fs.statSync(source);
  const from = JSON.stringify([source, mtimeMs, size, site.title, site.description, site.language, site.icon, site.themeColor, basePath]);
  if (published.from !== from) {
    const done = makeIcons(source, publicDir, site, basePath);
    published = { from, done };
    // A making that failed is tried again for the next page.
    done.catch(() => {
      if (published.done === done) published = NOTHING_MADE;
    });
  }
  return published.done;
}
