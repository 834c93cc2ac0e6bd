/**
 * What the build makes of one post before Next renders its page: its body compiled and
 * rendered to HTML (kept in the compile cache, lib/build/compile-cache.ts), and the image it is
 * shared with. Run for every post by the prepare step (lib/build/prepare.ts), in worker
 * processes, so that a post that cannot be built is found before any page is rendered, with
 * every other broken post, and one post's cost is bounded.
 *
 * Nothing here publishes: it returns the files a post's pages show, and the prepare step
 * publishes them.
 */
import { readBody } from '../content/load';
import { type Post } from '../content/types';
import { ContentError, toErrorData, type ContentErrorData } from '../content/errors';
import type { CompiledPost } from '../page-props/site-data';
import type { BodyLink } from '../content/links';
import { assetListing, createCompileCache, getPipelineVersion } from './compile-cache';
import { compiledBodiesDir } from '../node/folders';
import { loadOnce } from '../node/load-once';
import { imagesAreCurrent, NotCachedError, projectImageDirs } from '../images/cache';
import { createImageStore, type ImageStore } from '../images/process';
import type { BodyContent } from '../markdown/compile';
import type { SocialImage } from '../images/social-image';

/** Renders a compiled body to HTML with the site's components (components/MdxBody). */
export type BodyRenderer = (content: BodyContent, siteUrl: string) => string;

/** What the prepare step learns of a post whose body and social image were made. */
export interface PostOutput {
  /** The compile cache entry with its rendered body (`readCompiledPost`). */
  bodyKey: string;
  socialImage: SocialImage;
  usesMath: boolean;
  /** Names in `/_img/` that its page shows: its body's images and its social image. */
  imageFiles: string[];
  /** What the author should fix but that does not stop the build, as `file:line: message`. */
  warnings: string[];
  /** The start of the body's first paragraph, the excerpt of a post whose front matter gives none. */
  bodyExcerpt: string;
  /** Its body's links into the site and its ids, which the prepare step checks once every body is built. */
  links: BodyLink[];
  ids: string[];
}

export type PostResult = { output: PostOutput } | { error: ContentErrorData };


/** Where the post is built: the project, the site's URL and base path (both are in rendered links), and the body renderer. */
export interface PostBuildContext {
  root: string;
  siteUrl: string;
  basePath: string;
  renderHtml: BodyRenderer;
}

let pipelineVersion: Promise<string> | undefined;

/**
 * The version of the pipeline this process runs, worked out once: the code of the project it
 * runs in (a site copy in `.tmp/` has its own), whatever project its posts come from.
 */
const runningPipelineVersion = () => (pipelineVersion ??= getPipelineVersion(process.cwd()));

// Loaded on the first compile only: a rebuild served from the cache never loads shiki, KaTeX, sharp or the compilers.
const loadCompiler = loadOnce(() => import('../markdown/compile'));
// Loaded on the first post, before it is known whether its image or card is cached: sharp and satori load only when one is not.
const loadSocialImage = loadOnce(() => import('../images/social-image'));

const stores = new Map<string, ImageStore>();

/** One image store per project, mode and process, so that two posts showing one image make it once. */
function imageStoreOf(root: string, cachedOnly: boolean): ImageStore {
  const id = `${cachedOnly ? 'cached only' : 'making'}\0${root}`;
  let store = stores.get(id);
  if (!store) stores.set(id, (store = createImageStore(projectImageDirs(root), { cachedOnly })));
  return store;
}

/** Words for an exception that is not a ContentError, which no author could act on as it is. */
function unexpectedError(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'is nested too deeply to build (Maximum call stack size exceeded): flatten its lists or quotes';
  return `could not be built: ${error instanceof Error ? error.message : String(error)}`;
}

/** What a post's error says, as the pages and the build show it. */
const errorDataOf = (post: Post, error: unknown): ContentErrorData =>
  error instanceof ContentError ? toErrorData(error) : { file: post.sourcePath, detail: unexpectedError(error) };

/**
 * Loads the compile pipeline and runs it once, on a small body of each format, so that the
 * process's first real compile costs what any other does: loading the modules, making the
 * highlighter and warming up the code take seconds. Writes nothing (the body has no image).
 */
export async function warmPipeline(context: PostBuildContext): Promise<void> {
  const [{ compileBody }] = await Promise.all([loadCompiler(), loadSocialImage()]);
  const body = 'A *warm-up*, with [a link](/) and code.\n\n```\nwarm\n```\n';
  for (const format of ['md', 'mdx'] as const) {
    const { content } = await compileBody({ format, body, sourcePath: `warm-up.${format}`, bodyStartLine: 1, assetDir: null, slug: 'warm-up' }, { imageStore: imageStoreOf(context.root, false) });
    context.renderHtml(content, context.siteUrl);
  }
}

/**
 * The body and social image of `post`, from the caches when nothing they depend on changed.
 * Never throws: a post that cannot be built gives its error, naming the file.
 */
export async function buildPostOutput(post: Post, context: PostBuildContext): Promise<PostResult> {
  try {
    return { output: await postOutput(post, context, context.renderHtml) };
  } catch (error) {
    return { error: errorDataOf(post, error) };
  }
}

/**
 * `buildPostOutput`'s result when the caches hold all of it, or null when something would have
 * to be compiled or drawn. It only reads, and loads none of the compilers or image libraries,
 * so the prepare step answers an unchanged post without starting a worker process.
 */
export async function cachedPostOutput(post: Post, context: Omit<PostBuildContext, 'renderHtml'>): Promise<PostResult | null> {
  try {
    return { output: await postOutput(post, context, null) };
  } catch (error) {
    return error instanceof NotCachedError ? null : { error: errorDataOf(post, error) };
  }
}

/** The output of `post`, made with `renderHtml`, or only read from the caches when it is null (NotCachedError when they lack it). */
async function postOutput(post: Post, context: Omit<PostBuildContext, 'renderHtml'>, renderHtml: BodyRenderer | null): Promise<PostOutput> {
  const store = imageStoreOf(context.root, renderHtml === null);
  const cache = createCompileCache(compiledBodiesDir(context.root), await runningPipelineVersion());
  const body = readBody(post);
  const { key, value: compiled } = await cache.get<CompiledPost>(
    // The base path is in the rendered links and image URLs, and the site's URL decides which links are external: both are part of the key.
    { body, format: post.format, slug: post.slug, assets: assetListing(post.assetDir), basePath: context.basePath, siteUrl: context.siteUrl },
    async () => {
      if (renderHtml === null) throw new NotCachedError(`${post.sourcePath}'s body`);
      const { compileBody } = await loadCompiler();
      const { content, headings, usesMath, hasCodeBlocks, images, warnings, links, ids, excerpt } = await compileBody({ ...post, body }, { imageStore: store });
      return { html: renderHtml(content, context.siteUrl), headings, usesMath, hasCodeBlocks, images, warnings, links, ids, excerpt };
    },
    // A cached body is stale when an image it shows has changed since (its URLs name the old bytes).
    (cached) => imagesAreCurrent(store.dirs, cached.images),
  );
  const { postSocialImage } = await loadSocialImage();
  const social = await postSocialImage(post, store);
  return {
    bodyKey: key,
    socialImage: social.image,
    usesMath: compiled.usesMath,
    imageFiles: [...compiled.images.flatMap((image) => image.files), ...social.files],
    warnings: [...compiled.warnings, ...(social.warnings ?? [])],
    bodyExcerpt: compiled.excerpt,
    links: compiled.links,
    ids: compiled.ids,
  };
}
