/**
 * The worker processes that build posts for the prepare step, and the limits that keep one
 * post from taking the build down (`postLimits` in the settings: 512 MB of heap, so a worker
 * stays within about 1 GB, and 60 s; a large post needs well under 200 MB and a few seconds):
 * a post whose build needs more is an error that names it, and the other posts are built as usual.
 */
import os from 'node:os';
import path from 'node:path';
import { site } from '../config/site';
import type { Post } from '../content/types';
import type { PostResult } from './post-output';
import { createWorkerPool, WorkerFailure, type WorkerPool } from './worker-pool';

export type PostBuilders = WorkerPool<Post, PostResult>;

/** How the workers run: each post within `limits` (its time counted once its worker has loaded the compile pipeline, post-worker.ts). */
export interface PostBuildersOptions {
  limits?: { memoryMb: number; timeoutMs: number };
}

const DEFAULT_LIMITS = { memoryMb: site.postLimits.memoryMb, timeoutMs: site.postLimits.seconds * 1000 };

/** One worker process per core for the project at `root`, started as posts arrive. */
export function startPostBuilders(root: string, { limits = DEFAULT_LIMITS }: PostBuildersOptions = {}): PostBuilders {
  // The project's own worker module: a site copy's (scripts/build-site.ts) runs its own code.
  return createWorkerPool<Post, PostResult>({
    entry: path.join(root, 'lib', 'build', 'post-worker.ts'),
    root,
    size: os.availableParallelism(),
    ...limits,
  });
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
