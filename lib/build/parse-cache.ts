/**
 * The parse cache: each post as the content loader parsed it (`ParsedPosts`,
 * lib/content/load.ts), kept in `.next/cache/folio/parsed.json` for the next run of the prepare
 * step, which then parses only the posts that changed. Reading 1000 posts took about 1.8 s of
 * a one-post rebuild, most of it parsing front matter excerpts as Markdown; `npm run dev` reads
 * every post again on each save.
 *
 * The loader keys each post by what a parse reads of it (its bytes, its place, the parse
 * options); the cache's version covers the rest: the parse code (every module
 * lib/content/load.ts imports, however deep, the settings file included, and the packages
 * they run, found as the compile cache finds its own) and the settings as resolved with the
 * environment. A cache of another version is ignored whole. Deleting it is always safe.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ParsedPosts } from '../content/load';
import type { Post } from '../content/types';
import { basePath, site } from '../config/site';
import { writeAtomically } from '../node/files';
import { codeVersion } from './compile-cache';

/** The module the parse code is found from. */
const PARSE_ENTRY = 'lib/content/load.ts';

/** The version of the parse code of project `root` and of the settings it runs with. */
export async function parseCodeVersion(root: string): Promise<string> {
  return createHash('sha256')
    .update(JSON.stringify({ site, basePath }))
    .update(await codeVersion(root, [PARSE_ENTRY]))
    .digest('hex');
}

/**
 * The version of the parse code this process runs, worked out once, when it first reads posts:
 * `npm run dev` keeps the code it loaded while its files change, and a cache made by that code
 * must not pass for the new code's.
 */
let runningVersion: Promise<string> | undefined;
export const runningParseCodeVersion = () => (runningVersion ??= parseCodeVersion(process.cwd()));

/** Parsed posts from the cache file, and those parsed since; `save` keeps those this run used. */
export interface ParseCache extends ParsedPosts {
  /** How many posts were answered from the file. */
  readonly reused: number;
  /** The build step that writes the cache: the posts this run looked up or parsed, under `version`. */
  save(): void;
}

interface ParseCacheFile {
  version: string;
  /** Each post's parse, as JSON text, by its key. */
  posts: Record<string, string>;
}

/** The parse cache in `file`, of `version`: empty when the file is missing, unreadable or of another version. */
export function openParseCache(file: string, version: string): ParseCache {
  let saved: Record<string, string> = {};
  try {
    const read = JSON.parse(fs.readFileSync(file, 'utf8')) as ParseCacheFile;
    if (read.version === version && read.posts && typeof read.posts === 'object') saved = read.posts;
  } catch {
    // No cache yet, or not one this code can read: every post is parsed.
  }
  const used: Record<string, string> = {};
  let reused = 0;
  return {
    get reused() {
      return reused;
    },
    lookup(key) {
      const text = saved[key];
      if (text === undefined) return undefined;
      used[key] = text;
      reused += 1;
      // A new object each time: the prepare step fills in excerpts on the posts it is given.
      return JSON.parse(text) as Omit<Post, 'assets'> | null;
    },
    keep(key, parsed) {
      // Kept as text at once, before anything changes the post.
      used[key] = JSON.stringify(parsed);
    },
    save() {
      writeAtomically(file, JSON.stringify({ version, posts: used } satisfies ParseCacheFile));
    },
  };
}
