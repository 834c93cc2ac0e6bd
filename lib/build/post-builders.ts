/**
 * The worker processes that build posts for the prepare step, and the limits that keep one
 * post from taking the build down: a post whose build needs more memory or time than these is
 * an error that names it, and the other posts are built as usual.
 */
import os from 'node:os';
import path from 'node:path';
import type { Post } from '../content/load';
import type { PostResult } from './post-output';
import { createWorkerPool, WorkerFailure, type WorkerPool } from './worker-pool';

/**
 * The heap of each worker. A large post (a book chapter with hundreds of code blocks) needs
 * well under 200 MB; a post that needs more than this is pathological (50,000 link
 * definitions, a table of 300,000 cells), and the worker stays within about 1 GB in all.
 */
export const POST_MEMORY_MB = 512;

/** How long one post may take to build: a large post takes a few seconds on a busy 2-core machine. */
export const POST_TIMEOUT_MS = 60_000;

export type PostBuilders = WorkerPool<Post, PostResult>;

/** One worker process per core for the project at `root`, started as posts arrive, each post within `limits`. */
export function startPostBuilders(root: string, limits = { memoryMb: POST_MEMORY_MB, timeoutMs: POST_TIMEOUT_MS }): PostBuilders {
  // The project's own worker module: a site copy's (scripts/build-site.mjs) runs its own code.
  return createWorkerPool<Post, PostResult>({ entry: path.join(root, 'lib', 'build', 'post-worker.ts'), root, size: os.availableParallelism(), ...limits });
}

/** Builds `post` in one of `builders`; a worker that runs out of memory or time gives the post's error. */
export async function buildInWorker(builders: PostBuilders, post: Post): Promise<PostResult> {
  try {
    return await builders.run(post);
  } catch (error) {
    if (!(error instanceof WorkerFailure)) throw error;
    const advice = error.reason === 'exit' ? '' : ': it is too large or too complex to build (split it, or shorten what is repeated)';
    return { error: { file: post.sourcePath, detail: `building this post ${error.message}${advice}` } };
  }
}
