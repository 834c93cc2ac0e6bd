/**
 * An on-disk cache of post bodies compiled and rendered to HTML, so a rebuild compiles and
 * renders only the posts that changed. Under `.next/cache/folio/compiled/`; deleting it is
 * always safe.
 *
 * An entry's key is a hash of everything its output depends on: the post's source and the
 * fields the pipeline reads, the list of files beside a folder post (a missing image is an
 * error), and the pipeline's own version: the source of lib/markdown.ts and
 * lib/code-themes.ts (plugin list and options, themes), of the image plugin and its options,
 * of the components that render a body, of the site config, and the versions of the packages
 * it runs.
 * Change any of them and the key changes, so a stale entry is never found. An entry that
 * cannot be read is a miss. Errors are never cached.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compiledBodiesDir } from './folders.mjs';
import { writeAtomically } from '../node/files.mjs';
import type { ImageUse } from '../images/cache';
import type { Heading } from '../markdown/compile';
import { packageVersion } from '../node/packages.mjs';

/** Files and packages whose change must invalidate every compiled post. */
const PIPELINE_SOURCES = [
  'lib/markdown.ts',
  'lib/code-themes.ts',
  'lib/images.ts',
  'lib/image-processing.ts',
  'lib/site.ts',
  'components/MdxBody/renderBody.tsx',
  ...['Callout', 'Figure', 'YouTube'].map((name) => `components/${name}/${name}.tsx`),
];
const PIPELINE_PACKAGES = [
  'next',
  'react-dom',
  'next-mdx-remote',
  '@mdx-js/mdx',
  'hast-util-to-jsx-runtime',
  'remark-parse',
  'remark-rehype',
  'shiki',
  'rehype-pretty-code',
  'remark-gfm',
  'rehype-sanitize',
  'rehype-raw',
  'html-url-attributes',
  'rehype-katex',
  'katex',
  'remark-math',
  'remark-github-blockquote-alert',
  'rehype-slug',
  'sharp',
];

/** A hash of the pipeline in project `root`: its source files and the versions of its packages. */
export function getPipelineVersion(root = process.cwd()): string {
  const hash = createHash('sha256');
  for (const file of PIPELINE_SOURCES) {
    const source = path.join(root, file);
    hash.update(`${file}\0${fs.existsSync(source) ? fs.readFileSync(source, 'utf8') : 'missing'}\0`);
  }
  for (const name of PIPELINE_PACKAGES) hash.update(`${name}@${packageVersion(name, root)}\0`);
  return hash.digest('hex');
}

/** A post body as the cache keeps it: rendered to HTML, with what its page needs to know of it. */
export interface CompiledPost {
  html: string;
  /** The body's section headings, in order, with their ids. */
  headings: Heading[];
  /** True when the body has math, so its page needs KaTeX's stylesheet. */
  usesMath: boolean;
  /** The local images it shows, whose files its page publishes. */
  images: ImageUse[];
  /** What the author should fix but that does not stop the build, as `file:line: message`. */
  warnings: string[];
  /** The start of the body's first paragraph, the excerpt of a post whose front matter gives none. */
  excerpt: string;
}

export interface CompileCache {
  /**
   * The cached value for `input` and its key, or computes, stores and returns it. `isCurrent`
   * checks what the key cannot hold, such as the bytes of the images a body shows: an entry it
   * rejects is computed again.
   */
  get<T>(input: unknown, compute: () => Promise<T>, isCurrent?: (value: T) => boolean): Promise<{ key: string; value: T }>;
}

const entryFile = (dir: string, key: string) => path.join(dir, key.slice(0, 2), `${key}.json`);

/** A cache in `dir` whose keys include `version`. */
export function createCompileCache(dir: string, version: string): CompileCache {
  return {
    async get<T>(input: unknown, compute: () => Promise<T>, isCurrent: (value: T) => boolean = () => true) {
      const key = createHash('sha256').update(version).update('\0').update(JSON.stringify(input)).digest('hex');
      const file = entryFile(dir, key);
      try {
        const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
        if (isCurrent(cached)) return { key, value: cached };
      } catch {
        // Not there, or unreadable: compile.
      }
      const value = await compute();
      // Several build workers may write the same entry.
      writeAtomically(file, JSON.stringify(value));
      return { key, value };
    },
  };
}

/** The compiled post under `key` in the project at `root`, which the prepare step made (lib/build/prepare.ts). */
export function readCompiledPost(root: string, key: string): CompiledPost {
  const file = entryFile(compiledBodiesDir(root), key);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledPost;
  } catch (error) {
    throw new Error(`The compiled body ${path.relative(root, file)} cannot be read (${(error as Error).message}): build again with \`npm run build\`, which makes it`);
  }
}

/** Files beside a folder post, which decide whether its relative links resolve. */
export const assetListing = (assetDir: string | null) => (assetDir ? fs.readdirSync(assetDir, { recursive: true, encoding: 'utf8' }).sort() : null);
