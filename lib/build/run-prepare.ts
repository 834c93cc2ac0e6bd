/**
 * The prepare step as `npm run build` and `npm run dev` run it: on this project's posts
 * (`FOLIO_POSTS_DIR` points it at another folder, as tests and benchmarks do), with posts
 * built in worker processes, and its messages printed.
 */
import { ContentErrors } from '../content/errors';
import type { Post } from '../content/types';
import { basePath, site } from '../config/site';
import { buildInWorker, type PostBuilders } from './post-builders';
import { cachedPostOutput, type PostResult } from './post-output';
import { prepareSite, type PreparedSite } from './prepare';
import { postsDirOf } from '../node/folders';

/**
 * Builds a post of the project at `root`: one whose body and image the caches hold is answered
 * here; a worker of `builders` (started on the first miss) builds the rest, so a rebuild with
 * nothing changed starts none. For a process that builds once (`npm run build`): it keys the
 * caches with the pipeline's version as this process read it first.
 */
export const cacheFirstBuilder =
  (root: string, builders: PostBuilders) =>
  async (post: Post): Promise<PostResult> =>
    (await cachedPostOutput(post, { root, siteUrl: site.url, basePath })) ?? buildInWorker(builders, post);

/**
 * Prepares the site at `root`, each post built in `builders` (or by `buildPost`, which `npm run
 * dev` gives to build only changed posts); prints its warnings, and in dev its errors, which
 * the pages show too.
 */
export async function runPrepare(
  root: string,
  mode: PreparedSite['data']['mode'],
  builders: PostBuilders,
  buildPost: (post: Post) => Promise<PostResult> = cacheFirstBuilder(root, builders),
): Promise<PreparedSite> {
  const started = performance.now();
  const prepared = await prepareSite({ root, postsDir: postsDirOf(root), mode, buildPost });
  for (const warning of prepared.warnings) console.warn(`Warning: ${warning}`);
  if (prepared.errors.length) console.error(new ContentErrors(prepared.errors).message);
  const { posts, pages } = prepared.data;
  console.log(`Prepared ${posts.length} posts and ${pages.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return prepared;
}
