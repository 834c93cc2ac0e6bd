/**
 * An on-disk cache of post bodies compiled and rendered to HTML, so a rebuild compiles and
 * renders only the posts that changed. Under `.next/cache/folio/compiled/`; deleting it is
 * always safe.
 *
 * An entry's key is a hash of everything its output depends on: the post's source and the
 * fields the pipeline reads, the list of files beside a folder post (a missing image is an
 * error), and the pipeline's own version (`getPipelineVersion`): every module the compile and
 * the body's components are made of, found from their imports as a bundler finds them, the
 * versions of the packages they import, and the settings that reach a body. Change any of them
 * and the key changes, so a stale entry is never found. An entry that cannot be read is a miss.
 * Errors are never cached.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { basePath, SETTINGS_FILE, site } from '../config/site';
import { compiledEntryFile } from '../node/folders';
import { writeAtomically } from '../node/files';
import { packageDir } from '../node/packages';

/** The modules a compiled body comes from: the compile pipeline, and the components that render its HTML. */
export const PIPELINE_ENTRIES = ['lib/markdown/compile.ts', 'components/MdxBody/renderBody.tsx'];

/**
 * The settings a body's HTML or excerpt depends on: the site's URL (which links are external),
 * the base path (in every root-relative URL), the excerpt's length and the image widths (in
 * every `srcset`). The settings file itself is left out of the key, so that editing anything
 * else in it (the author's bio, say) recompiles nothing.
 */
const bodySettings = () => ({ url: site.url, basePath, excerptLength: site.excerptLength, imageWidths: site.imageWidths });

/** The package a bare import names: `react-dom/server` → `react-dom`, `@mdx-js/mdx` → `@mdx-js/mdx`. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * The project files (paths relative to `root`) that `entries` import, however deep, and the
 * packages they import, as esbuild resolves them (bundling nothing, writing nothing): by
 * default, the compile pipeline's.
 */
export async function pipelineModules(root: string, entries: readonly string[] = PIPELINE_ENTRIES): Promise<{ files: string[]; packages: string[] }> {
  const { metafile } = await build({
    entryPoints: entries.map((entry) => path.join(root, entry)),
    absWorkingDir: root,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'pipeline-graph',
    logLevel: 'silent',
  });
  const packages = new Set<string>();
  for (const input of Object.values(metafile.inputs)) {
    for (const { path: specifier, external } of input.imports) if (external && !specifier.startsWith('node:')) packages.add(packageOf(specifier));
  }
  return { files: Object.keys(metafile.inputs).sort(), packages: [...packages].sort() };
}

/**
 * Every package installed for `packages`, theirs included (rehype-katex's KaTeX, say), as
 * `name@version`: what the pipeline runs, found as Node finds each dependency from the package
 * that needs it.
 */
export function installedPackages(packages: readonly string[], root: string): string[] {
  const found = new Map<string, string>();
  const queue = packages.map((name) => ({ name, from: root }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const dir = packageDir(next.name, next.from);
    if (!dir || found.has(dir)) continue;
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
    found.set(dir, `${next.name}@${manifest.version}`);
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) queue.push({ name, from: dir });
  }
  return [...new Set(found.values())].sort();
}

/**
 * A hash of the code `entries` run in project `root`: the sources of the modules they import
 * (but `skipped` files) and the packages installed for them.
 */
export async function codeVersion(root: string, entries: readonly string[], skipped: readonly string[] = []): Promise<string> {
  const { files, packages } = await pipelineModules(root, entries);
  const hash = createHash('sha256');
  for (const file of files.filter((name) => !skipped.includes(name))) hash.update(`\0${file}\0`).update(fs.readFileSync(path.join(root, file)));
  for (const installed of installedPackages(packages, root)) hash.update(`\0${installed}`);
  return hash.digest('hex');
}

/** A hash of the pipeline in project `root`: its modules' sources but the settings file's, the packages it runs, and the settings that reach a body. */
export async function getPipelineVersion(root: string): Promise<string> {
  return createHash('sha256')
    .update(JSON.stringify(bodySettings()))
    .update(await codeVersion(root, PIPELINE_ENTRIES, [SETTINGS_FILE]))
    .digest('hex');
}

export interface CompileCache {
  /**
   * The cached value for `input` and its key, or computes, stores and returns it. `isCurrent`
   * checks what the key cannot hold, such as the bytes of the images a body shows: an entry it
   * rejects is computed again.
   */
  get<T>(input: unknown, compute: () => Promise<T>, isCurrent?: (value: T) => boolean): Promise<{ key: string; value: T }>;
}

/** A cache in `dir` whose keys include `version`. */
export function createCompileCache(dir: string, version: string): CompileCache {
  return {
    async get<T>(input: unknown, compute: () => Promise<T>, isCurrent: (value: T) => boolean = () => true) {
      const key = createHash('sha256').update(version).update('\0').update(JSON.stringify(input)).digest('hex');
      const file = compiledEntryFile(dir, key);
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

/** Files beside a folder post, which decide whether its relative links resolve. */
export const assetListing = (assetDir: string | null) => (assetDir ? fs.readdirSync(assetDir, { recursive: true, encoding: 'utf8' }).sort() : null);
