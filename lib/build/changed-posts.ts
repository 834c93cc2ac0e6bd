/**
 * For `npm run dev`, which runs the prepare step again on every save: builds only the posts
 * that changed since the last run, and gives the others' last results. Sending every post to
 * a worker, which reads it, hashes it and reads its compile cache entry and card, cost about
 * 3 s a save on a 1000-post blog, for one changed post.
 *
 * A post's output depends on its entry as the loader made it (front matter, slug, dates),
 * its body, the files in its folder, and things no post holds: the pipeline's code, the
 * settings, and images in `public/` that a body shows by their site path. The first three are
 * the key kept for each post; `forget` is for the rest (scripts/dev.ts calls it on any change
 * outside `posts/`). Only built posts are kept: a post that failed is built again, since a
 * worker may have run out of time on a busy machine.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readBody } from '../content/load';
import type { Post } from '../content/types';
import type { PostResult } from './post-output';

export interface ChangedPostBuilder {
  /** Builds `post` with the wrapped builder if it changed since its last build, else gives that build's result. */
  build: (post: Post) => Promise<PostResult>;
  /** Forgets every result: something no post holds changed (code, settings, `public/`). */
  forget: () => void;
}

/** What a post's output depends on that the post holds: its entry, its body, and each file of its folder with its size and time. */
function sourceKey(post: Post): string {
  const hash = createHash('sha256').update(JSON.stringify(post)).update('\0').update(readBody(post));
  if (post.assetDir) {
    for (const name of fs.readdirSync(post.assetDir, { recursive: true, encoding: 'utf8' }).sort()) {
      const stat = fs.statSync(path.join(post.assetDir, name));
      hash.update(`\0${name}\0${stat.size}\0${stat.mtimeMs}`);
    }
  }
  return hash.digest('hex');
}

export function changedPostBuilder(build: (post: Post) => Promise<PostResult>): ChangedPostBuilder {
  let built = new Map<string, { key: string; result: PostResult }>();
  return {
    async build(post) {
      let key: string;
      try {
        key = sourceKey(post);
      } catch {
        // Gone or unreadable since the loader read it: the builder says what is wrong.
        return build(post);
      }
      const last = built.get(post.sourcePath);
      if (last?.key === key) return last.result;
      const result = await build(post);
      if ('output' in result) built.set(post.sourcePath, { key, result });
      else built.delete(post.sourcePath);
      return result;
    },
    forget() {
      built = new Map();
    },
  };
}
