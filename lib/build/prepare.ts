/**
 * The prepare step: everything the build does with the posts before Next renders a page. It
 * runs before `next build` (scripts/build.ts) and, in dev, on every change under `posts/`
 * (scripts/dev.ts). In order:
 *
 * 1. Read and validate every post (lib/content/load.ts), parsing only those the parse cache
 *    lacks, and write the parse cache (lib/build/parse-cache.ts); publish folder posts' own files
 *    into `public/posts/` (a body may show another post's image by its URL).
 * 2. Build every post: compile and render its body and make the image it is shared with
 *    (lib/build/post-output.ts), from the caches when nothing changed, else in worker processes
 *    (`buildPost`; lib/build/run-prepare.ts answers cache hits without one).
 *    A post without a front matter excerpt gets its body's first paragraph as one.
 * 3. Check every link of every body that points into the site (lib/content/links.ts): it must
 *    reach a page or file the export will have (lib/content/site-urls.ts, from the route table,
 *    the posts and `public/`) and, with a `#fragment`, an id of that post.
 * 4. Fail, in a production build, listing every post that could not be read or built and every
 *    broken link (a warning instead with `brokenLinks: 'warn'`); in dev, keep broken posts, so
 *    that each one's page shows its error and the others work, and print broken links.
 * 5. Publish what the pages show into `public/`: the images made from posts and the authors'
 *    avatars (made before the link check, so a link may name them), KaTeX's
 *    stylesheet and fonts when a post has math, and the site's icons and web app manifest;
 *    and the CMS's admin page, its configuration made from the front matter schema
 *    (lib/build/admin.ts).
 * 6. Write the prepared site for the pages (lib/page-props/site-data.ts) and the manifest for the
 *    post-export step (lib/build/manifest.ts).
 *
 * Pages only read what this step wrote, so `next build` renders pages from finished bodies and
 * never writes into `public/` while it copies it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { publishAssets } from './publish';
import { writeBuildManifest } from './manifest';
import { loadContent } from '../content/load';
import { updatedDatesFromGit } from '../content/updated-from-git';
import { type Post } from '../content/types';
import { ContentErrors, fromErrorData, toErrorData, type ContentError } from '../content/errors';
import { writeAtomically } from '../node/files';
import { projectImageDirs, publishImages } from '../images/cache';
import { makeAvatars } from '../images/avatars';
import { createImageStore } from '../images/process';
import { ICON_FILES, publishIcons } from '../images/icons';
import { brokenLinks, type LinkedPost } from '../content/links';
import { siteUrlSet } from '../content/site-urls';
import { builtImagePath, KATEX_FOLDER } from '../routes/table';
import { filesUnder } from '../node/files';
import { publishKatexAssets } from './katex';
import type { BrokenPostData, PreparedOutput, SiteData } from '../page-props/site-data';
import { basePath, cmsLocalBackendPort, dictionaryWarnings, site, SETTINGS_FILE, siteAuthors } from '../config/site';
import { publishAdmin } from './admin';
import { parseCacheFile, siteDataFile } from '../node/folders';
import { openParseCache, runningParseCodeVersion } from './parse-cache';
import type { PostResult } from './post-output';

export interface PrepareOptions {
  /** The project. */
  root: string;
  /** Its posts. */
  postsDir: string;
  /** Development keeps drafts, and broken posts whose pages show their error; production fails on any error. */
  mode: SiteData['mode'];
  /** Builds one post (`buildPostOutput`), in a worker process or in this one. */
  buildPost: (post: Post) => Promise<PostResult>;
}

export interface PreparedSite {
  data: SiteData;
  /** What authors should fix but that does not stop the build, as `file:line: message`. */
  warnings: string[];
  /** In dev, the posts that could not be read or built (a production build throws instead). */
  errors: ContentError[];
}

/** Runs the prepare step; in production, throws `ContentErrors` naming every broken post, before anything is written. */
export async function prepareSite({ root, postsDir, mode, buildPost }: PrepareOptions): Promise<PreparedSite> {
  const isDev = mode === 'development';
  // A build whose prepare step fails must not leave the last prepared site for `next build` to render.
  if (!isDev) fs.rmSync(siteDataFile(root), { force: true });
  const fromGit = site.updatedFromGit ? updatedDatesFromGit(root, postsDir) : null;
  const parsed = openParseCache(parseCacheFile(root), await runningParseCodeVersion());
  const index = loadContent({ dir: postsDir, root, includeDrafts: isDev, keepBroken: true, lastCommits: fromGit?.lastCommits, parsed });
  parsed.save();
  const entries = [...index.posts, ...index.pages];
  const publicDir = path.join(root, 'public');
  publishAssets(entries, path.join(publicDir, 'posts'));
  const results = await Promise.all(entries.map(buildPost));
  // The authors' avatars, which the post and author pages show.
  const { avatars, files: avatarFiles } = await makeAvatars(siteAuthors, createImageStore(projectImageDirs(root)), publicDir, SETTINGS_FILE);

  const broken: BrokenPostData[] = index.broken.map(({ slug, sourcePath, error }) => ({ slug, sourcePath, error: toErrorData(error) }));
  const outputs: Record<string, PreparedOutput> = {};
  const warnings: string[] = [...dictionaryWarnings(), ...(fromGit?.warning ? [fromGit.warning] : []), ...index.warnings.map((warning) => warning.message)];
  const imageFiles = new Set<string>(avatarFiles);
  const linked: LinkedPost[] = [];
  let usesMath = false;
  entries.forEach((post, position) => {
    const result = results[position];
    if ('error' in result) {
      broken.push({ slug: post.slug, sourcePath: post.sourcePath, error: result.error });
      return;
    }
    const { bodyKey, socialImage, imageFiles: files, warnings: postWarnings, bodyExcerpt, links, ids } = result.output;
    linked.push({ sourcePath: post.sourcePath, url: post.url, links, ids });
    outputs[post.sourcePath] = { bodyKey, socialImage };
    // A post whose front matter gives no excerpt is summed up by its body's first paragraph, which only its compile reads.
    post.excerpt ||= bodyExcerpt;
    for (const file of files) imageFiles.add(file);
    usesMath ||= result.output.usesMath;
    warnings.push(...postWarnings);
  });
  const urls = siteUrlSet(index, { files: publishedFiles(publicDir, imageFiles, usesMath) });
  const byPlace = (a: ContentError, b: ContentError) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
  const linkErrors = brokenLinks(linked, urls, { basePath, siteUrl: site.url }).sort(byPlace);
  const linksFail = !isDev && site.brokenLinks === 'error';
  if (!linksFail) warnings.push(...linkErrors.map((error) => error.message));
  const errors = [...broken.map((entry) => fromErrorData(entry.error)), ...(linksFail ? linkErrors : [])].sort(byPlace);
  if (errors.length && !isDev) throw new ContentErrors(errors);

  publishImages(projectImageDirs(root), [...imageFiles]);
  if (usesMath) publishKatexAssets(publicDir);
  await publishIcons(publicDir, site, basePath);
  publishAdmin({ publicDir, site, localBackendPort: isDev ? cmsLocalBackendPort : null });

  const data: SiteData = { mode, basePath, siteUrl: site.url, posts: index.posts, pages: index.pages, broken, outputs, avatars };
  writeAtomically(siteDataFile(root), JSON.stringify(data));
  writeBuildManifest(index, root);
  return { data, warnings, errors };
}

/**
 * The site paths of the files the export will have from `public/` once the prepare step has
 * published into it: what is there already (folder posts' files are published first), the
 * images made from posts (`imageFiles`, names in `_img/`) and the icons; KaTeX's files only
 * when a post has math, since the post-export step removes them otherwise.
 */
export function publishedFiles(publicDir: string, imageFiles: Iterable<string>, usesMath: boolean): string[] {
  const present = filesUnder(publicDir).map((file) => `/${path.relative(publicDir, file).split(path.sep).join('/')}`);
  return [...present.filter((sitePath) => usesMath || !sitePath.startsWith(`/${KATEX_FOLDER}/`)), ...[...imageFiles].map(builtImagePath), ...ICON_FILES];
}
