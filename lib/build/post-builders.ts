/**
 * The worker processes that build posts for the prepare step, and the limits that keep one
 * post from taking the build down (`postLimits` in the settings: 512 MB of heap, so a worker
 * stays within about 1 GB, and 60 s; a large post needs well under 200 MB and a few seconds):
 * a post whose build needs more is an error that names it, and the other posts are built as usual.
 */
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { site } from '../config/site';
import type { Post } from '../content/types';
import type { PostResult } from './post-output';
import { createWorkerPool, WorkerFailure, type WorkerPool } from './worker-pool';
import { writeAtomically } from '../node/files';
import { folioCacheDir } from '../node/folders';

export type PostBuilders = WorkerPool<Post, PostResult>;

/** How the workers run: each post within `limits` (its time counted once its worker has loaded the compile pipeline, post-worker.ts). */
export interface PostBuildersOptions {
  limits?: { memoryMb: number; timeoutMs: number };
}

const DEFAULT_LIMITS = { memoryMb: site.postLimits.memoryMb, timeoutMs: site.postLimits.seconds * 1000 };

/**
 * The build step that starts the workers' code: the project's worker module (a site copy's,
 * scripts/build-site.ts, runs its own) bundled by esbuild into one file in Folio's cache, the
 * packages left for Node to load. A worker then runs without tsx, whose loader hooks took each
 * of the pipeline's hundreds of modules in turn: loading and warming up the pipeline took
 * 1.67 s under tsx and 1.05 s bundled, and a one-post rebuild waits for it. Written whenever
 * workers start, so it is always the code as it is.
 */
function bundleWorker(root: string): string {
  const bundle = path.join(folioCacheDir(root), 'post-worker.mjs');
  const { outputFiles } = buildSync({
    entryPoints: [path.join(root, 'lib', 'build', 'post-worker.ts')],
    absWorkingDir: root,
    outfile: bundle,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  writeAtomically(bundle, Buffer.from(outputFiles[0].contents));
  return bundle;
}

/** One worker process per core for the project at `root`, started as posts arrive. */
export function startPostBuilders(root: string, { limits = DEFAULT_LIMITS }: PostBuildersOptions = {}): PostBuilders {
  return createWorkerPool<Post, PostResult>({
    entry: bundleWorker(root),
    root,
    size: os.availableParallelism(),
    // Compiling a post allocates short-lived objects by the million (micromark's tokens, the
    // trees): with Node 20's default semi-spaces (16 MB at most) they were collected over and
    // over, 4.2-4.5 s of each worker's 35 s in a cold prepare of 1000 posts. At 64 MB the step
    // took 34.4 s against 39.6 s (medians of alternated runs; docs/performance.md); 128 MB was
    // no faster and 32 MB in between. Each worker holds about 100 MB more, within the limits above.
    semiSpaceMb: 64,
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
