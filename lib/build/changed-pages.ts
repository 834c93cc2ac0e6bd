/**
 * Which pages a rebuild must render again, from what the last build's pages were rendered
 * from. A page is its code and its props, and every page's props come from the prepare step's
 * site data (lib/page-props/site-data.ts): the content index, each post's social image and
 * the avatars, which many pages show, and each post's rendered body, which only the post's own
 * page shows (`readCompiledPost`, by the body's compile cache key). So when the code is the
 * same (lib/build/last-build.ts) and the site data differs from the last build's in bodies
 * alone, the pages to render again are exactly those of the posts whose body changed; any
 * other change (a title, a date, a tag, a post added or removed, a reading time or an excerpt
 * that the edit changed) renders every page.
 */
import { createHash } from 'node:crypto';
import type { Post } from '../content/types';
import type { SiteData } from '../page-props/site-data';
import { stripBasePath } from '../routes/base-path';

/** What a build's pages were rendered from: the site data but its bodies, as a hash, and each post page's body key, by its site path (its URL without the base path). */
export interface PagesSource {
  shape: string;
  bodies: Record<string, string>;
}

/**
 * A post without where its files are on this machine (its `file`, its folder's and its
 * assets'), which no page shows: a deploy may restore the last build's `.next/` and `out/`
 * into a clone elsewhere (.github/workflows/deploy.yml), and its pages are the same.
 */
const withoutLocation = (post: Post) => ({ ...post, file: '', assetDir: null, assets: post.assets.map((asset) => ({ ...asset, file: '' })) });

/** The pages' source in `data`, the prepared site. */
export function pagesSourceOf(data: SiteData): PagesSource {
  const outputs = Object.fromEntries(Object.entries(data.outputs).map(([sourcePath, output]) => [sourcePath, { ...output, bodyKey: '' }]));
  const shape = createHash('sha256')
    .update(JSON.stringify({ ...data, posts: data.posts.map(withoutLocation), pages: data.pages.map(withoutLocation), outputs }))
    .digest('hex');
  // A post's URL holds the base path; Next names its page, and `out/` its file, without it.
  const bodies = Object.fromEntries([...data.posts, ...data.pages].map((post) => [stripBasePath(data.basePath, post.url) ?? post.url, data.outputs[post.sourcePath]?.bodyKey ?? '']));
  return { shape, bodies };
}

/**
 * The site paths of the pages whose body changed from `before` to `now`, in order, when nothing else
 * any page shows did; null when something else did, and every page is to be rendered again.
 */
export function changedPageUrls(before: PagesSource, now: PagesSource): string[] | null {
  if (before.shape !== now.shape) return null;
  return Object.keys(now.bodies)
    .filter((url) => before.bodies[url] !== now.bodies[url])
    .sort();
}
