/**
 * Content: the files in `posts/` become validated posts, read once per build.
 *
 * A post is `posts/<name>.md` (or `.markdown`, `.mdown`, `.mkd`, `.mkdn`, `.mkdown`: the
 * extensions Jekyll and Hugo read, in any case), `posts/<name>.mdx`, or a folder
 * `posts/<name>/` with one such `index` file; the folder's other files are the post's assets.
 * Names that start with `.` or `_` are ignored, so authors can park notes there; any other
 * file is reported as a warning. A link is followed when it stays inside the project.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import matter from 'gray-matter';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { parseDocument, YAMLError } from 'yaml';
import { followLink, readPostAssets, type PostAsset, type SourceAreas } from './post-files';
import { PAGE_ROUTES, postFilesPath, reservedSlugProblem } from '../routes/table';
import { isRelativeUrl, resolveRelativeUrl } from '../routes/urls';
import { ContentError, ContentErrors } from './errors';
import { deepestNesting, markdownToPlainText, MAX_NESTING } from './plain-text';
import { frontMatterSchema, type FrontMatter, type Template } from './schema';
import { site, withBasePath } from '../config/site';
import { nameKey, slugFromFrontMatter, slugify } from './slug';

export type SourceFormat = 'md' | 'mdx';

/** A tag or a category, with its URL-safe slug and its list page. */
export interface Term {
  name: string;
  slug: string;
  /** The href of its list page, under the base path. */
  url: string;
}

/** What lists and page heads need to know of a post. Plain data, so pages can pass it as props. */
export interface PostSummary {
  slug: string;
  /** Its href, with a trailing slash: `/posts/<slug>/` for posts, `/<slug>/` for pages, under the base path. */
  url: string;
  template: Template;
  title: string;
  /** Calendar date, `YYYY-MM-DD`. */
  date: string;
  /** Calendar date of the last meaningful change (`updated` or `lastmod`), or null. */
  updated: string | null;
  /** Estimated minutes to read the body, at least 1. */
  readingMinutes: number;
  /**
   * Plain text: the front matter `excerpt` or `description`; without one, the start of the
   * body's first paragraph, which the prepare step fills in once it has compiled the body
   * (empty until then).
   */
  excerpt: string;
  category: Term | null;
  tags: Term[];
  draft: boolean;
  /** Href of the cover image (a post asset, a file in `public/` under the base path) or an absolute URL. */
  cover: string | null;
  socialImage: string | null;
}

/**
 * A post as the build knows it: its summary, plus where it came from and where its body is.
 * The body itself is not kept: every build worker holds the whole index, and bodies are
 * most of its size, while only the worker that renders a post's page needs its body
 * (`readBody`).
 */
export interface Post extends PostSummary {
  /** Path relative to the project, as authors see it in messages: `posts/foo.md`. */
  sourcePath: string;
  /** Absolute path of the source file. */
  file: string;
  format: SourceFormat;
  /** Where the body starts in the source file, in characters. */
  bodyOffset: number;
  /** Line of the source file on which the body starts, to report compile errors by file line. */
  bodyStartLine: number;
  /** The folder holding a folder post's assets; null for a single-file post. */
  assetDir: string | null;
  /** The files a folder post publishes beside its page (lib/assets.ts); none for a single-file post. */
  assets: PostAsset[];
  /** Every front matter field, the unknown ones included. */
  frontMatter: FrontMatter;
}

/** A post that could not be read (dev only: a production build fails instead). */
export interface BrokenPost {
  slug: string;
  sourcePath: string;
  error: ContentError;
}

/** A tag or category with its posts, newest first. */
export interface TermGroup extends Term {
  posts: Post[];
}

export interface ContentIndex {
  /** `template: "post"` entries, newest first. */
  posts: Post[];
  /** Every tag, by name, with its posts. Tags that slugify alike (`AWS`, `aws`) are one tag. */
  tags: TermGroup[];
  /** Every category, by name, with its posts. */
  categories: TermGroup[];
  /** `template: "page"` entries, by title. */
  pages: Post[];
  /** Posts with errors, kept only when `keepBroken` is set. */
  broken: BrokenPost[];
  /** What is worth telling the author but stops nothing, such as a file in `posts/` that is not a post. */
  warnings: ContentError[];
}

export interface LoadOptions {
  /** The `posts/` folder. */
  dir: string;
  /** The folder that `sourcePath`s are relative to, normally the project root. */
  root?: string;
  /** Drafts are in the index in dev and absent from production builds. */
  includeDrafts: boolean;
  /**
   * In dev, a broken post must not take the other posts down: it is kept as a `BrokenPost`
   * whose page shows the error. Otherwise any error throws `ContentErrors`.
   */
  keepBroken: boolean;
}

/** Extensions of Markdown files, as Jekyll and Hugo read them; compared in lower case. */
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mkdown']);

/** The format of a post source named `name`, or null if it is not one. */
function sourceFormat(name: string): SourceFormat | null {
  const extension = path.extname(name).toLowerCase();
  return extension === '.mdx' ? 'mdx' : MARKDOWN_EXTENSIONS.has(extension) ? 'md' : null;
}

const isIndex = (name: string) => sourceFormat(name) !== null && path.basename(name, path.extname(name)).toLowerCase() === 'index';

interface SourceFile {
  file: string;
  /** Its path in `posts/`, links not followed: what messages name. */
  shownFile: string;
  format: SourceFormat;
  /** The name the default slug comes from: the file's, or its folder's for `index.*`. */
  name: string;
  assetDir: string | null;
}

interface FoundSources {
  sources: SourceFile[];
  errors: BrokenPost[];
  warnings: ContentError[];
}

/**
 * Lists the post sources in `dir`. A folder without exactly one index, and a link that may not
 * be followed, is an error; any other file is a warning, since it is not published.
 */
function findSources(dir: string, areas: SourceAreas): FoundSources {
  const found: FoundSources = { sources: [], errors: [], warnings: [] };
  const visible = (name: string) => !name.startsWith('.') && !name.startsWith('_');
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).filter((e) => visible(e.name))) {
    const full = path.join(dir, entry.name);
    try {
      findSource(entry, full, areas, found);
    } catch (error) {
      const shown = areas.relative(full);
      found.errors.push({ slug: slugify(path.basename(entry.name, path.extname(entry.name))), sourcePath: shown, error: asContentError(error, shown) });
    }
  }
  found.sources.sort((a, b) => a.shownFile.localeCompare(b.shownFile));
  return found;
}

/** Adds what the entry `full` of `posts/` is to `found`: a source, an error or a warning. */
function findSource(entry: fs.Dirent, full: string, areas: SourceAreas, found: FoundSources): void {
  const name = path.basename(entry.name, path.extname(entry.name));
  const fail = (shown: string, detail: string, slugName = name) => found.errors.push({ slug: slugify(slugName), sourcePath: shown, error: new ContentError(shown, detail) });
  let real = full;
  if (entry.isSymbolicLink()) {
    const followed = followLink(full, areas);
    if ('problem' in followed) {
      fail(areas.relative(full), followed.problem);
      return;
    }
    real = followed.real;
  }
  const stat = fs.statSync(real);
  const format = sourceFormat(entry.name);
  if (stat.isFile() && format) {
    found.sources.push({ file: real, shownFile: full, format, name, assetDir: null });
  } else if (stat.isDirectory()) {
    const folder = `${areas.relative(full)}/`;
    const indexes = fs.readdirSync(real).filter(isIndex).sort();
    if (indexes.length !== 1) {
      const detail = indexes.length ? `has ${indexes.length} index files (${indexes.join(', ')}); keep one` : 'is a folder post without an index.md, index.markdown or index.mdx';
      fail(folder, detail, entry.name);
      return;
    }
    const index = path.join(full, indexes[0]);
    const indexFile = fs.lstatSync(index).isSymbolicLink() ? followLink(index, areas) : { real: index };
    if ('problem' in indexFile) fail(areas.relative(index), indexFile.problem, entry.name);
    else found.sources.push({ file: indexFile.real, shownFile: index, format: sourceFormat(indexes[0])!, name: entry.name, assetDir: full });
  } else {
    found.warnings.push(
      new ContentError(areas.relative(full), 'is not a post, so it is not published: a post is a .md, .markdown or .mdx file, or a folder with an index.md; start its name with _ to keep it here'),
    );
  }
}

/**
 * The text of a source file. A UTF-8 byte order mark is dropped; anything but UTF-8 is an
 * error with the line of its first stray byte, since decoding it would garble it.
 */
function readText(file: string, sourcePath: string): string {
  const bytes = fs.readFileSync(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new ContentError(sourcePath, 'is not UTF-8 text: save it as UTF-8 (it may be Latin-1 or Windows-1252)', { line });
  }
}

/**
 * YAML without timestamp types: an unquoted `date: 2017-12-15` stays the string the author
 * wrote instead of becoming a UTC instant (which getStaticProps cannot serialize, and which
 * turns into the 14th west of Greenwich). js-yaml reads it, several times faster than yaml,
 * which counts with thousands of posts in every build worker; front matter it rejects is read
 * again by yaml, whose error names the line and says what is wrong more plainly. A tag yaml
 * does not know (`!ruby/object`) is an error too, not a value read some other way.
 */
function parseYaml(source: string): object {
  try {
    return (loadYaml(source, { schema: CORE_SCHEMA }) ?? {}) as object;
  } catch {
    const document = parseDocument(source, { schema: 'core' });
    const problem = document.errors[0] ?? document.warnings[0];
    if (problem) throw problem;
    return (document.toJS() ?? {}) as object;
  }
}

/**
 * Why `text` (a body, or a front matter field read as Markdown) cannot be read, with its line
 * in the file: block quotes and lists nested deeper than `MAX_NESTING` take the Markdown parser
 * seconds and then the stack.
 */
function nestingProblem(text: string, firstLine: number | undefined): { detail: string; line?: number } | null {
  const deepest = deepestNesting(text);
  if (deepest.depth <= MAX_NESTING) return null;
  return {
    detail: `opens ${deepest.depth} block quotes and list items on one line; at most ${MAX_NESTING} can be nested`,
    line: firstLine === undefined ? undefined : firstLine + deepest.line - 1,
  };
}

/**
 * gray-matter runs front matter that says it is JavaScript (`---js`) through `eval`; a post is
 * never code, so that engine is replaced (the language is refused before it is reached).
 */
const refuseCode = (): never => {
  throw new Error('front matter in JavaScript is not read');
};

/** False when `input` opens front matter on its first line and no line starting with `---` closes it (gray-matter's rule). */
const frontMatterCloses = (input: string) => !/^---(?!-)/.test(input) || input.indexOf('\n---', 3) !== -1;

/** Reads one post; returns null for a draft when drafts are not wanted. */
function parseSource(source: SourceFile, sourcePath: string, includeDrafts: boolean): Omit<Post, 'assets'> | null {
  const input = readText(source.file, sourcePath);
  if (!input.trim()) throw new ContentError(sourcePath, 'is empty: a post starts with a --- block that sets title and date', { line: 1 });
  if (!frontMatterCloses(input)) {
    throw new ContentError(sourcePath, 'opens its front matter with --- but never closes it: add a line with --- after the last field', { line: 1 });
  }
  const language = /^---(?!-)[ \t]*([^\s]*)/.exec(input)?.[1];
  if (language && !/^ya?ml$/i.test(language)) {
    throw new ContentError(sourcePath, `has front matter in ${JSON.stringify(language)}, which Folio does not read: write it in YAML, after a line of --- alone`, { line: 1 });
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also bypasses gray-matter's cache, which is keyed by input string.
    parsed = matter(input, { engines: { yaml: parseYaml, javascript: refuseCode, js: refuseCode } });
  } catch (error) {
    if (!(error instanceof YAMLError)) throw error;
    // gray-matter hands over the front matter from the end of the opening `---` line, so
    // yaml's line numbers are already the file's.
    const line = error.linePos?.[0].line;
    const hint = error.code === 'TAG_RESOLVE_FAILED' ? ': Folio reads plain YAML; remove the tag, or quote the value' : '';
    throw new ContentError(sourcePath, `invalid YAML front matter: ${error.message.split(' at line ')[0]}${hint}`, { line });
  }
  if (!parsed.matter?.trim()) {
    throw new ContentError(sourcePath, 'has no front matter; start the file with a --- block that sets title and date', { line: 1 });
  }
  const data = { ...(parsed.data as Record<string, unknown>) };
  // Drafts are skipped before validation in production, so a half-written draft never blocks a release.
  if (data.draft === true && !includeDrafts) return null;
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ContentError(sourcePath, issue.message, { field: issue.path.join('.') || undefined });
  }
  const frontMatter = result.data;
  const bodyOffset = input.length - parsed.content.length;
  const bodyStartLine = input.slice(0, bodyOffset).split('\n').length;
  const nesting = [
    { field: undefined, problem: nestingProblem(parsed.content, bodyStartLine) },
    ...(['excerpt', 'description'] as const).map((field) => ({ field, problem: frontMatter[field] ? nestingProblem(frontMatter[field], undefined) : null })),
  ].find((entry) => entry.problem);
  if (nesting?.problem) throw new ContentError(sourcePath, nesting.problem.detail, { field: nesting.field, line: nesting.problem.line });

  const slug = frontMatter.slug ? slugFromFrontMatter(frontMatter.slug) : slugify(source.name);
  if (!slug) {
    const from = frontMatter.slug ? JSON.stringify(frontMatter.slug) : `the name ${JSON.stringify(source.name)}`;
    throw new ContentError(sourcePath, `cannot make a URL from ${from}; set a slug with letters or digits`, { field: 'slug' });
  }
  const reserved = reservedSlugProblem(PAGE_ROUTES[frontMatter.template].path(slug));
  if (reserved) throw new ContentError(sourcePath, `${reserved}; choose another slug`, { field: 'slug' });

  const term = (kind: 'tags' | 'categories', name: string, field: string): Term => {
    const termSlug = slugify(name);
    if (!termSlug) throw new ContentError(sourcePath, `cannot make a URL from ${JSON.stringify(name)}; use letters or digits`, { field });
    const reservedTerm = reservedSlugProblem(termRoute(kind).path(termSlug));
    if (reservedTerm) throw new ContentError(sourcePath, `${JSON.stringify(name)} would be listed at ${reservedTerm}; rename it`, { field });
    return { name, slug: termSlug, url: withBasePath(termRoute(kind).path(termSlug)) };
  };
  const tags = frontMatter.tags.map((tag, i) => term('tags', tag, `tags.${i}`));
  const category = frontMatter.category ? term('categories', frontMatter.category, 'category') : null;

  const summaryText = frontMatter.excerpt ?? frontMatter.description;
  const excerpt = summaryText ? markdownToPlainText(summaryText, site.excerptLength * 4) : '';
  // A folder post's `cover: ./cover.jpg` is one of its assets, like its images; `/cover.jpg` is a file in public/.
  const image = (value: string | undefined) =>
    value && source.assetDir && isRelativeUrl(value) ? resolveRelativeUrl(value, withBasePath(postFilesPath(slug))) : value ? withBasePath(value) : null;

  return {
    slug,
    url: withBasePath(PAGE_ROUTES[frontMatter.template].path(slug)),
    template: frontMatter.template,
    title: frontMatter.title,
    date: frontMatter.date,
    updated: frontMatter.updated ?? frontMatter.lastmod ?? null,
    readingMinutes: readingMinutes(parsed.content),
    excerpt,
    category,
    tags,
    draft: frontMatter.draft,
    cover: image(frontMatter.cover ?? frontMatter.coverImage),
    socialImage: image(frontMatter.socialImage),
    sourcePath,
    format: source.format,
    file: source.file,
    bodyOffset,
    bodyStartLine,
    assetDir: source.assetDir,
    frontMatter,
  };
}

/** The route of one tag's or one category's posts. */
const termRoute = (kind: 'tags' | 'categories') => (kind === 'tags' ? PAGE_ROUTES.tag : PAGE_ROUTES.category);

/** The body of `post`, read from its file. */
export const readBody = (post: Pick<Post, 'file' | 'bodyOffset' | 'sourcePath'>): string => readText(post.file, post.sourcePath).slice(post.bodyOffset);


/**
 * Minutes to read a body, at least 1. Counted on the raw Markdown, which is close enough for
 * an estimate and needs no parse: a word is a run of letters or digits, and each Han, kana or
 * Hangul character counts as one, as CJK text has no spaces.
 */
export function readingMinutes(body: string): number {
  const words = body.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}'’]+/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / site.wordsPerMinute));
}

/** Newest first; posts of the same day by title, so the order never depends on the file system. */
const newestFirst = (a: Post, b: Post) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title);

/**
 * Whatever goes wrong in reading one post is that post's error, so no post can hide the
 * others: a `ContentError` as it is, any other exception with the file named.
 */
function asContentError(error: unknown, sourcePath: string): ContentError {
  if (error instanceof ContentError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return new ContentError(sourcePath, 'is nested too deeply to be read');
  return new ContentError(sourcePath, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
}

/** Reads and validates every post in `options.dir`. Pure apart from reading files. */
export function loadContent(options: LoadOptions): ContentIndex {
  const root = options.root ?? process.cwd();
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const areas: SourceAreas = { folders: [...new Set([root, options.dir].map((folder) => fs.realpathSync(folder)))], relative };
  const { sources, errors: broken, warnings } = findSources(options.dir, areas);
  const loaded: Post[] = [];

  for (const source of sources) {
    const sourcePath = relative(source.shownFile);
    const fail = (error: unknown) => broken.push({ slug: slugify(source.name), sourcePath, error: asContentError(error, sourcePath) });
    try {
      const parsed = parseSource(source, sourcePath, options.includeDrafts);
      if (!parsed) continue;
      const { assets, errors } = source.assetDir ? readPostAssets(source.assetDir, path.basename(source.shownFile), areas) : { assets: [], errors: [] };
      if (errors.length) errors.forEach(fail);
      else loaded.push({ ...parsed, assets });
    } catch (error) {
      fail(error);
    }
  }

  const unique: Post[] = [];
  for (const [slug, posts] of groupBy(loaded, (post) => post.slug)) {
    if (posts.length === 1) {
      unique.push(posts[0]);
      continue;
    }
    const files = posts.map((post) => post.sourcePath);
    for (const post of posts) {
      const others = files.filter((file) => file !== post.sourcePath).join(' and ');
      broken.push({ slug, sourcePath: post.sourcePath, error: new ContentError(post.sourcePath, `"${slug}" is also the slug of ${others}; each post needs its own`, { field: 'slug' }) });
    }
  }
  const merged = [...termClashes(unique, 'tags', (post) => post.tags), ...termClashes(unique, 'categories', (post) => (post.category ? [post.category] : []))];
  broken.push(...merged);
  const valid = unique.filter((post) => !merged.some((entry) => entry.sourcePath === post.sourcePath));

  if (broken.length && !options.keepBroken) throw new ContentErrors(broken.map((entry) => entry.error));
  const posts = valid.filter((post) => post.template === 'post').sort(newestFirst);
  const pages = valid.filter((post) => post.template === 'page').sort((a, b) => a.title.localeCompare(b.title));
  return contentIndex(posts, pages, broken, warnings);
}

/**
 * The index of posts and pages already read and in order (newest-first posts, pages by title):
 * what `loadContent` returns, and what the pages rebuild from the prepared site (lib/site-data.ts).
 */
export function contentIndex(posts: Post[], pages: Post[], broken: BrokenPost[], warnings: ContentError[] = []): ContentIndex {
  return {
    posts,
    pages,
    tags: groupByTerm(posts, (post) => post.tags),
    categories: groupByTerm(posts, (post) => (post.category ? [post.category] : [])),
    broken,
    warnings,
  };
}

/** `items` grouped by `keyOf`, in order of first appearance (Map.groupBy needs Node 21; Folio supports Node 20). */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/**
 * Tags (or categories) whose names would share a URL but differ in more than case and
 * accents (`Node.js` and `Node JS` are both `/tags/node-js/`): each post that spells it
 * otherwise than the first post (by file) is broken, naming that post. `AWS` and `aws` are
 * one tag.
 */
function termClashes(posts: Post[], kind: 'tags' | 'categories', termsOf: (post: Post) => Term[]): BrokenPost[] {
  const uses = [...posts]
    .sort((a, b) => a.sourcePath.localeCompare(b.sourcePath))
    .flatMap((post) => termsOf(post).map((term, position) => ({ post, term, field: kind === 'tags' ? `tags.${position}` : 'category' })));
  const clashes: BrokenPost[] = [];
  for (const group of groupBy(uses, (use) => use.term.slug).values()) {
    const [first] = group;
    for (const use of group.filter((candidate) => nameKey(candidate.term.name) !== nameKey(first.term.name))) {
      const detail = `${JSON.stringify(use.term.name)} and ${JSON.stringify(first.term.name)} in ${first.post.sourcePath} would share the URL ${use.term.url}; names that differ in more than case and accents need different URLs: rename one`;
      clashes.push({ slug: use.post.slug, sourcePath: use.post.sourcePath, error: new ContentError(use.post.sourcePath, detail, { field: use.field }) });
    }
  }
  return clashes;
}

/** Groups newest-first posts by term slug; each group keeps that order, and groups are sorted by name. */
function groupByTerm(posts: Post[], termsOf: (post: Post) => Term[]): TermGroup[] {
  const groups = new Map<string, TermGroup>();
  for (const post of posts) {
    for (const term of termsOf(post)) {
      const group = groups.get(term.slug) ?? { ...term, posts: [] };
      if (!group.posts.includes(post)) group.posts.push(post);
      groups.set(term.slug, group);
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Strips the build-only fields, leaving what a page needs as props. */
export function toSummary(post: Post): PostSummary {
  const { slug, url, template, title, date, updated, readingMinutes, excerpt, category, tags, draft, cover, socialImage } = post;
  return { slug, url, template, title, date, updated, readingMinutes, excerpt, category, tags, draft, cover, socialImage };
}
