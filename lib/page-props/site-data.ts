/**
 * The prepared site: what the prepare step (lib/build/prepare.ts) leaves for the pages. Every
 * post, read and validated once, with the compile cache key of its rendered body and the image
 * it is shared with. Pages read it through `getSiteData`; nothing here writes.
 *
 * `next build` starts several workers that each render some of the pages; each reads this file
 * once, instead of reading and parsing every post again. In dev it is read again whenever the
 * prepare step (which `npm run dev` reruns on every change under `posts/`) has rewritten it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compiledBodiesDir, compiledEntryFile, siteDataFile } from '../node/folders';
import type { ImageUse } from '../images/cache';
import type { Heading } from '../markdown/compile';
import { contentIndex, languageIndex } from '../content/content-index';
import { type ContentIndex, type Post } from '../content/types';
import { fromErrorData, type ContentErrorData } from '../content/errors';
import type { BodyLink } from '../content/links';
import { basePath, isDev, site } from '../config/site';
import type { SocialImage } from '../images/social-image';
import type { ResponsiveImage } from '../images/process';

/** A post body as the prepare step keeps it (lib/build/compile-cache.ts): rendered to HTML, with what its page needs to know of it. */
export interface CompiledPost {
  html: string;
  /** The body's section headings, in order, with their ids. */
  headings: Heading[];
  /** True when the body has math, so its page needs KaTeX's stylesheet. */
  usesMath: boolean;
  /** True when the body has a highlighted code block, so its page carries the copy script. */
  hasCodeBlocks: boolean;
  /** The local images it shows, whose files the prepare step publishes. */
  images: ImageUse[];
  /** What the author should fix but that does not stop the build, as `file:line: message`. */
  warnings: string[];
  /** The start of the body's first paragraph, the excerpt of a post whose front matter gives none. */
  excerpt: string;
  /** Its links into the site and its ids, for the prepare step's link check, from the cache as from a compile. */
  links: BodyLink[];
  ids: string[];
}

/** What a page needs of a post's prepared output. */
export interface PreparedOutput {
  /** The compile cache entry with its rendered body (`readCompiledPost`). */
  bodyKey: string;
  socialImage: SocialImage;
}

/** A post that could not be read or built (dev only: a production build fails instead). */
export interface BrokenPostData {
  slug: string;
  sourcePath: string;
  error: ContentErrorData;
}

export interface SiteData {
  /** Dev keeps drafts and broken posts; a production build has neither. */
  mode: 'production' | 'development';
  /** The base path and site URL it was prepared for: both are in its rendered bodies. */
  basePath: string;
  siteUrl: string;
  /** `template: "post"` entries, newest first. */
  posts: Post[];
  /** `template: "page"` entries, by title. */
  pages: Post[];
  broken: BrokenPostData[];
  /** By source path, for every post and page that was built. */
  outputs: Record<string, PreparedOutput>;
  /** The avatars the image pipeline made, by author id (lib/images/avatars.ts). */
  avatars: Record<string, ResponsiveImage>;
}

/** The prepared site as pages use it: the content index, and each post's output. */
export interface LoadedSite {
  index: ContentIndex;
  outputs: Record<string, PreparedOutput>;
  avatars: SiteData['avatars'];
  mode: SiteData['mode'];
}

let loaded: { site: LoadedSite; mtimeMs: number } | undefined;

/** The prepared site of the project at `root` as a content index and outputs. */
export function readSiteData(root: string): LoadedSite {
  const file = siteDataFile(root);
  let data: SiteData;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as SiteData;
  } catch {
    throw new Error(
      `The posts are not prepared (no readable ${path.relative(root, file)}): run \`npm run build\` or \`npm run dev\`, which prepare the posts before Next renders the pages`,
    );
  }
  // Rendered links and image URLs hold the base path, and the site's URL decides which links are external.
  if (data.basePath !== basePath || data.siteUrl !== site.url) {
    throw new Error(
      `The posts were prepared for BASE_PATH "${data.basePath}" and site URL ${data.siteUrl}, but this build has "${basePath}" and ${site.url}: run \`npm run build\` with the same environment throughout`,
    );
  }
  const broken = data.broken.map(({ slug, sourcePath, error }) => ({ slug, sourcePath, error: fromErrorData(error) }));
  return { index: contentIndex(data.posts, data.pages, broken), outputs: data.outputs, avatars: data.avatars, mode: data.mode };
}

/**
 * The prepared site of this project, read once per build process; in dev, again whenever the
 * prepare step has rewritten it.
 */
export function getSiteData(): LoadedSite {
  const root = process.cwd();
  if (loaded && !isDev) return loaded.site;
  const { mtimeMs } = fs.statSync(siteDataFile(root), { throwIfNoEntry: false }) ?? { mtimeMs: -1 };
  if (!loaded || loaded.mtimeMs !== mtimeMs) loaded = { site: readSiteData(root), mtimeMs };
  return loaded.site;
}

/** The content index of the prepared site. */
export const getContentIndex = (): ContentIndex => getSiteData().index;

const languageIndexes = new WeakMap<ContentIndex, Map<string, ContentIndex>>();

/** The content index of the prepared site in one language (`languageIndex`), made once per language. */
export function getLanguageIndex(lang: string): ContentIndex {
  const index = getContentIndex();
  const byLanguage = languageIndexes.get(index) ?? new Map<string, ContentIndex>();
  languageIndexes.set(index, byLanguage);
  if (!byLanguage.has(lang)) byLanguage.set(lang, languageIndex(index, lang));
  return byLanguage.get(lang)!;
}

/** The compiled post under `key` in the project at `root`, which the prepare step made. */
export function readCompiledPost(root: string, key: string): CompiledPost {
  const file = compiledEntryFile(compiledBodiesDir(root), key);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledPost;
  } catch (error) {
    throw new Error(`The compiled body ${path.relative(root, file)} cannot be read (${(error as Error).message}): build again with \`npm run build\`, which makes it`);
  }
}
