/**
 * Content: the files in `posts/` become validated posts, read once per build.
 *
 * A post is `posts/<name>.md` (or `.markdown`, `.mdown`, `.mkd`, `.mkdn`, `.mkdown`: the
 * extensions Jekyll and Hugo read, in any case), `posts/<name>.mdx`, or a folder
 * `posts/<name>/` with one such `index` file; the folder's other files are the post's assets.
 * Names that start with `.` or `_` are ignored, so authors can park notes there; any other
 * file is reported as a warning. A link is followed when it stays inside the project.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readPostAssets, type SourceAreas } from './post-files';
import { asContentError, ContentError, ContentErrors } from './errors';
import { slugify } from './slug';
import { findSources, readText, type SourceFile } from './sources';
import { lineOfField, parseSource, type ParseOptions } from './parse';
import { contentIndex, groupBy, newestFirst, seriesOrderClashes, termClashes } from './content-index';
import { redirectCollisions } from './redirects';
import type { BrokenPost, ContentIndex, ContentLanguages, Post } from './types';
import { calendarDateIn } from './dates';
import { site, type SiteConfig } from '../config/site';

export interface LoadOptions {
  /** The `posts/` folder. */
  dir: string;
  /** The folder that `sourcePath`s are relative to, normally the project root. */
  root?: string;
  /** Drafts and scheduled posts are in the index in dev and absent from production builds. */
  includeDrafts: boolean;
  /** The settings that say when a post is scheduled: the site's unless given. */
  schedule?: Pick<SiteConfig, 'timeZone' | 'scheduledPosts'>;
  /** The site's languages: the site's unless given. */
  languages?: ContentLanguages;
  /** The date of the last commit of each source, by `sourcePath`: a post's `updated` when its front matter gives none (lib/content/updated-from-git.ts). */
  lastCommits?: ReadonlyMap<string, string>;
  /**
   * In dev, a broken post must not take the other posts down: it is kept as a `BrokenPost`
   * whose page shows the error. Otherwise any error throws `ContentErrors`.
   */
  keepBroken: boolean;
  /** Posts parsed by an earlier run of the same parse code and settings (lib/build/parse-cache.ts); each source not in it is parsed and added. */
  parsed?: ParsedPosts;
}

/**
 * Parsed posts kept between builds, by a key of everything a parse reads but the code and the
 * settings, which the keeper answers for: the source's bytes, its place and the parse options.
 * A post that cannot be parsed is never kept, so its error is always found again.
 */
export interface ParsedPosts {
  /** The parse kept under `key` (null for a draft or scheduled post left out), or undefined. */
  lookup(key: string): Omit<Post, 'assets'> | null | undefined;
  keep(key: string, parsed: Omit<Post, 'assets'> | null): void;
}

/** `parseSource`, answered from `parsed` when it holds this source as it is now. */
function parseWith(parsed: ParsedPosts | undefined, source: SourceFile, sourcePath: string, options: ParseOptions): Omit<Post, 'assets'> | null {
  if (!parsed) return parseSource(source, sourcePath, options);
  // Read once: the key is of the text the parse reads (a file that is not UTF-8 is an error here).
  const input = readText(source.file, sourcePath);
  const key = createHash('sha256').update(input).update(JSON.stringify([source, sourcePath, options])).digest('hex');
  const kept = parsed.lookup(key);
  if (kept !== undefined) return kept;
  const post = parseSource(source, sourcePath, options, input);
  parsed.keep(key, post);
  return post;
}

/** The body of `post`, read from its file. */
export const readBody = (post: Pick<Post, 'file' | 'bodyOffset' | 'sourcePath'>): string => readText(post.file, post.sourcePath).slice(post.bodyOffset);

/** The site's languages as the loader needs them. */
const siteContentLanguages: ContentLanguages = { codes: site.languages.map((language) => language.code), folders: site.multilingual };

/** Where a slug problem is: the front matter's slug, or the file's name when it sets none. */
const slugWhere = (post: Post) => ({ field: 'slug', line: post.frontMatter.slug === undefined ? undefined : lineOfField(post, 'slug') });

/**
 * Two posts of one language with one translation key: which is the translation would be a
 * guess, so each is an error naming the other.
 */
function translationClashes(posts: Post[]): BrokenPost[] {
  return [...groupBy(posts, (post) => `${post.lang}/${post.template}/${post.translationKey}`).values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((post) => {
        const others = group.filter((other) => other !== post).map((other) => other.sourcePath).join(' and ');
        const line = post.frontMatter.translationKey === undefined ? undefined : lineOfField(post, 'translationKey');
        const detail = `"${post.translationKey}" is also the translation key of ${others}, in the same language (${post.lang}); give each its own translationKey`;
        return { slug: post.slug, sourcePath: post.sourcePath, error: new ContentError(post.sourcePath, detail, { field: 'translationKey', line }) };
      }),
    );
}

/**
 * Folder posts of different languages with one slug, whose own files would be published at
 * one path: a folder post's files are at `/posts/<slug>/` whatever its language
 * (lib/routes/table.ts `postFilesPath`), so one translation's `diagram.png` would replace
 * another's. Each is broken, naming the others, until one takes another slug.
 */
function folderFileClashes(posts: Post[]): BrokenPost[] {
  const withFiles = posts.filter((post) => post.assetDir && post.assets.length > 0);
  return [...groupBy(withFiles, (post) => post.slug).values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((post) => {
        const others = group.filter((other) => other !== post).map((other) => other.sourcePath).join(' and ');
        const detail = `"${post.slug}" is also the slug of ${others}, a folder post in another language: a folder post's files are published at /posts/${post.slug}/ in every language, so give one of them another slug`;
        return { slug: post.slug, sourcePath: post.sourcePath, error: new ContentError(post.sourcePath, detail, slugWhere(post)) };
      }),
    );
}

/**
 * A clash between posts found by the content index (lib/content/content-index.ts, which the
 * pages load too, so it reads no file) names the field; this adds the field's line in the file.
 */
function withFieldLine(entry: BrokenPost, posts: Post[]): BrokenPost {
  const { error } = entry;
  const post = posts.find((candidate) => candidate.sourcePath === entry.sourcePath);
  if (!post || !error.field || error.line !== undefined) return entry;
  return { ...entry, error: new ContentError(error.file, error.detail, { field: error.field, line: lineOfField(post, error.field.split('.')[0]) }) };
}

/** Reads and validates every post in `options.dir`. Pure apart from reading files. */
export function loadContent(options: LoadOptions): ContentIndex {
  const root = options.root ?? process.cwd();
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const areas: SourceAreas = { folders: [...new Set([root, options.dir].map((folder) => fs.realpathSync(folder)))], relative };
  const languages = options.languages ?? siteContentLanguages;
  const { sources, errors: broken, warnings } = findSources(options.dir, areas, new Set(languages.folders ? languages.codes : []));
  const loaded: Post[] = [];
  const { timeZone, scheduledPosts } = options.schedule ?? site;
  const parseOptions = { includeDrafts: options.includeDrafts, today: scheduledPosts === 'hold' ? calendarDateIn(timeZone, new Date()) : null, languages };

  for (const source of sources) {
    const sourcePath = relative(source.shownFile);
    const fail = (error: unknown) => broken.push({ slug: slugify(source.name), sourcePath, error: asContentError(error, sourcePath) });
    try {
      const parsed = parseWith(options.parsed, source, sourcePath, { ...parseOptions, lastCommit: options.lastCommits?.get(sourcePath) ?? null });
      if (!parsed) continue;
      const { assets, errors } = source.assetDir ? readPostAssets(source.assetDir, path.basename(source.shownFile), areas) : { assets: [], errors: [] };
      if (errors.length) errors.forEach(fail);
      else loaded.push({ ...parsed, assets });
    } catch (error) {
      fail(error);
    }
  }

  const unique: Post[] = [];
  // A slug is a post's in its language: `/posts/hello/` and `/fr/posts/hello/` are two pages.
  for (const posts of groupBy(loaded, (post) => `${post.lang}/${post.slug}`).values()) {
    const { slug } = posts[0];
    if (posts.length === 1) {
      unique.push(posts[0]);
      continue;
    }
    const files = posts.map((post) => post.sourcePath);
    for (const post of posts) {
      const others = files.filter((file) => file !== post.sourcePath).join(' and ');
      broken.push({ slug, sourcePath: post.sourcePath, error: new ContentError(post.sourcePath, `"${slug}" is also the slug of ${others}; each post needs its own`, slugWhere(post)) });
    }
  }
  if (languages.folders) broken.push(...translationClashes(unique));
  const merged = [
    ...folderFileClashes(unique),
    ...termClashes(unique, 'tags', (post) => post.tags),
    ...termClashes(unique, 'categories', (post) => (post.category ? [post.category] : [])),
    ...termClashes(unique, 'series', (post) => (post.series ? [post.series] : [])),
    ...seriesOrderClashes(unique),
  ].map((entry) => withFieldLine(entry, unique));
  broken.push(...merged);
  const byTemplate = (entries: Post[]) => ({
    posts: entries.filter((post) => post.template === 'post').sort(newestFirst),
    pages: entries.filter((post) => post.template === 'page').sort((a, b) => a.title.localeCompare(b.title)),
  });
  const unclashed = byTemplate(unique.filter((post) => !merged.some((entry) => entry.sourcePath === post.sourcePath)));
  // Old URLs are checked against every page of the site, which the index of the rest makes.
  const collisions = redirectCollisions(contentIndex(unclashed.posts, unclashed.pages, []));
  broken.push(...collisions);

  if (broken.length && !options.keepBroken) throw new ContentErrors(broken.map((entry) => entry.error));
  const withoutCollisions = (entries: Post[]) => entries.filter((post) => !collisions.some((entry) => entry.sourcePath === post.sourcePath));
  return contentIndex(withoutCollisions(unclashed.posts), withoutCollisions(unclashed.pages), broken, warnings);
}
