/**
 * An on-disk cache of post bodies compiled and rendered to HTML, so a rebuild compiles and
 * renders only the posts that changed. Under `.next/cache/folio/compiled/`; deleting it is
 * always safe.
 *
 * An entry's key is a hash of everything its output depends on: the post's source and the
 * fields the pipeline reads, the list of files beside a folder post (a missing image is an
 * error), and the pipeline's own version: the source of lib/markdown.ts and
 * lib/code-themes.ts (plugin list and options, themes), of the image plugin and its options,
 * of the components that render a body and their CSS modules (whose class names are in the
 * HTML), of the site config, the build mode (dev
 * and production name CSS classes differently), and the versions of the packages it runs.
 * Change any of them and the key changes, so a stale entry is never found. An entry that
 * cannot be read is a miss. Errors are never cached.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeAtomically } from './files.mjs';
import { packageVersion } from './packages.mjs';

/** Files and packages whose change must invalidate every compiled post. */
const PIPELINE_SOURCES = [
  'lib/markdown.ts',
  'lib/code-themes.ts',
  'lib/images.ts',
  'lib/image-processing.ts',
  'lib/site.ts',
  ...['MdxBody', 'Callout', 'Figure', 'YouTube'].flatMap((name) => [`components/${name}/${name}.tsx`, `components/${name}/${name}.module.css`]),
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
  const hash = createHash('sha256').update(`${process.env.NODE_ENV}\0`);
  for (const file of PIPELINE_SOURCES) {
    const source = path.join(root, file);
    hash.update(`${file}\0${fs.existsSync(source) ? fs.readFileSync(source, 'utf8') : 'missing'}\0`);
  }
  for (const name of PIPELINE_PACKAGES) hash.update(`${name}@${packageVersion(name, root)}\0`);
  return hash.digest('hex');
}

export interface CompileCache {
  /**
   * The cached value for `input`, or computes, stores and returns it. `isCurrent` checks what
   * the key cannot hold, such as the bytes of the images a body shows: an entry it rejects is
   * computed again.
   */
  get<T>(input: unknown, compute: () => Promise<T>, isCurrent?: (value: T) => boolean): Promise<T>;
}

/** A cache in `dir` whose keys include `version`. */
export function createCompileCache(dir: string, version: string): CompileCache {
  return {
    async get<T>(input: unknown, compute: () => Promise<T>, isCurrent: (value: T) => boolean = () => true): Promise<T> {
      const key = createHash('sha256').update(version).update('\0').update(JSON.stringify(input)).digest('hex');
      const file = path.join(dir, key.slice(0, 2), `${key}.json`);
      try {
        const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
        if (isCurrent(cached)) return cached;
      } catch {
        // Not there, or unreadable: compile.
      }
      const value = await compute();
      // Several build workers may write the same entry.
      writeAtomically(file, JSON.stringify(value));
      return value;
    },
  };
}

/** Files beside a folder post, which decide whether its relative links resolve. */
export const assetListing = (assetDir: string | null) => (assetDir ? fs.readdirSync(assetDir, { recursive: true, encoding: 'utf8' }).sort() : null);
