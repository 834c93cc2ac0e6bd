/**
 * Content: the files in `posts/` become validated posts, read once per build.
 *
 * A post is `posts/<name>.md`, `posts/<name>.mdx`, or a folder `posts/<name>/` with an
 * `index.md` or `index.mdx`; the folder's other files are the post's assets. Names that
 * start with `.` or `_` are ignored, so authors can park notes there.
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { parse as parseYamlDocument, YAMLError } from 'yaml';
import { assetBaseFor, isRelativeUrl, resolveAssetUrl } from './assets';
import { ContentError, ContentErrors } from './content-error';
import { excerptFromMarkdown, markdownToPlainText } from './plain-text';
import { frontMatterSchema, type FrontMatter, type Template } from './schema';
import { withBasePath } from './site';
import { slugFromFrontMatter, slugify } from './slug.mjs';

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
  /** Plain text: the front matter `excerpt` or `description`, or the start of the first paragraph. */
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

/** URLs the site's own pages use; a `template: "page"` cannot take them. */
const RESERVED_PAGE_SLUGS = new Set(['posts', 'page', 'tags', 'categories', 'archive', 'search', '404', '_next']);

const EXCERPT_LENGTH = 160;

interface SourceFile {
  file: string;
  format: SourceFormat;
  /** The name the default slug comes from: the file's, or its folder's for `index.*`. */
  name: string;
  assetDir: string | null;
}

/** Lists the post sources in `dir`; a folder without exactly one index is an error. */
function findSources(dir: string, relative: (file: string) => string): { sources: SourceFile[]; errors: ContentError[] } {
  const sources: SourceFile[] = [];
  const errors: ContentError[] = [];
  const visible = (name: string) => !name.startsWith('.') && !name.startsWith('_');
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).filter((e) => visible(e.name))) {
    const full = path.join(dir, entry.name);
    const ext = path.extname(entry.name);
    if (entry.isFile() && (ext === '.md' || ext === '.mdx')) {
      sources.push({ file: full, format: ext === '.md' ? 'md' : 'mdx', name: path.basename(entry.name, ext), assetDir: null });
    } else if (entry.isDirectory()) {
      const indexes = ['index.md', 'index.mdx'].filter((index) => fs.existsSync(path.join(full, index)));
      if (indexes.length === 1) {
        const format = indexes[0] === 'index.md' ? 'md' : 'mdx';
        sources.push({ file: path.join(full, indexes[0]), format, name: entry.name, assetDir: full });
      } else {
        const detail = indexes.length ? 'has both index.md and index.mdx; keep one' : 'is a folder post without index.md or index.mdx';
        errors.push(new ContentError(`${relative(full)}/`, detail));
      }
    }
  }
  sources.sort((a, b) => a.file.localeCompare(b.file));
  return { sources, errors };
}

/**
 * YAML without timestamp types: an unquoted `date: 2017-12-15` stays the string the author
 * wrote instead of becoming a UTC instant (which getStaticProps cannot serialize, and which
 * turns into the 14th west of Greenwich). js-yaml reads it, several times faster than yaml,
 * which counts with thousands of posts in every build worker; front matter it rejects is read
 * again by yaml, whose error names the line and says what is wrong more plainly.
 */
function parseYaml(source: string): object {
  try {
    return (loadYaml(source, { schema: CORE_SCHEMA }) ?? {}) as object;
  } catch {
    return (parseYamlDocument(source, { schema: 'core' }) ?? {}) as object;
  }
}

/** Reads one post; returns null for a draft when drafts are not wanted. */
function parseSource(source: SourceFile, sourcePath: string, includeDrafts: boolean): Post | null {
  const input = fs.readFileSync(source.file, 'utf8');
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also bypasses gray-matter's cache, which is keyed by input string.
    parsed = matter(input, { engines: { yaml: parseYaml } });
  } catch (error) {
    if (!(error instanceof YAMLError)) throw error;
    // gray-matter hands over the front matter from the end of the opening `---` line, so
    // yaml's line numbers are already the file's.
    const line = error.linePos?.[0].line;
    throw new ContentError(sourcePath, `invalid YAML front matter: ${error.message.split(' at line ')[0]}`, { line });
  }
  if (!parsed.matter.trim()) {
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

  const slug = frontMatter.slug ? slugFromFrontMatter(frontMatter.slug) : slugify(source.name);
  if (!slug) {
    const from = frontMatter.slug ? JSON.stringify(frontMatter.slug) : `the name ${JSON.stringify(source.name)}`;
    throw new ContentError(sourcePath, `cannot make a URL from ${from}; set a slug with letters or digits`, { field: 'slug' });
  }
  if (frontMatter.template === 'page' && RESERVED_PAGE_SLUGS.has(slug)) {
    throw new ContentError(sourcePath, `"${slug}" is used by the site's own pages; choose another slug`, { field: 'slug' });
  }

  const term = (kind: 'tags' | 'categories', name: string, field: string): Term => {
    const termSlug = slugify(name);
    if (!termSlug) throw new ContentError(sourcePath, `cannot make a URL from ${JSON.stringify(name)}; use letters or digits`, { field });
    return { name, slug: termSlug, url: withBasePath(`/${kind}/${encodeURIComponent(termSlug)}/`) };
  };
  const tags = frontMatter.tags.map((tag, i) => term('tags', tag, `tags.${i}`));
  const category = frontMatter.category ? term('categories', frontMatter.category, 'category') : null;

  const summaryText = frontMatter.excerpt ?? frontMatter.description;
  const excerpt = summaryText
    ? markdownToPlainText(summaryText, EXCERPT_LENGTH * 4)
    : excerptFromMarkdown(parsed.content, source.format, EXCERPT_LENGTH);
  const bodyOffset = input.length - parsed.content.length;
  // A folder post's `cover: ./cover.jpg` is one of its assets, like its images; `/cover.jpg` is a file in public/.
  const image = (value: string | undefined) =>
    value && source.assetDir && isRelativeUrl(value) ? resolveAssetUrl(value, assetBaseFor(slug)) : value ? withBasePath(value) : null;

  return {
    slug,
    url: withBasePath(frontMatter.template === 'page' ? `/${slug}/` : `/posts/${slug}/`),
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
    bodyStartLine: input.slice(0, bodyOffset).split('\n').length,
    assetDir: source.assetDir,
    frontMatter,
  };
}

/** The body of `post`, read from its file. */
export const readBody = (post: Pick<Post, 'file' | 'bodyOffset'>): string => fs.readFileSync(post.file, 'utf8').slice(post.bodyOffset);

/** Words a reader reads in a minute, the usual estimate. */
const WORDS_PER_MINUTE = 200;

/**
 * Minutes to read a body, at least 1. Counted on the raw Markdown, which is close enough for
 * an estimate and needs no parse: a word is a run of letters or digits, and each Han, kana or
 * Hangul character counts as one, as CJK text has no spaces.
 */
export function readingMinutes(body: string): number {
  const words = body.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}'’]+/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Newest first; posts of the same day by title, so the order never depends on the file system. */
const newestFirst = (a: Post, b: Post) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title);

/** Reads and validates every post in `options.dir`. Pure apart from reading files. */
export function loadContent(options: LoadOptions): ContentIndex {
  const root = options.root ?? process.cwd();
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const { sources, errors } = findSources(options.dir, relative);
  const broken: BrokenPost[] = errors.map((error) => ({ slug: slugify(path.basename(error.file)), sourcePath: error.file, error }));
  const loaded: Post[] = [];

  for (const source of sources) {
    const sourcePath = relative(source.file);
    try {
      const post = parseSource(source, sourcePath, options.includeDrafts);
      if (post) loaded.push(post);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      broken.push({ slug: slugify(source.name), sourcePath, error });
    }
  }

  // Map.groupBy needs Node 21; Folio supports Node 20.
  const bySlug = new Map<string, Post[]>();
  for (const post of loaded) bySlug.set(post.slug, [...(bySlug.get(post.slug) ?? []), post]);
  const unique: Post[] = [];
  for (const [slug, posts] of bySlug) {
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

  if (broken.length && !options.keepBroken) throw new ContentErrors(broken.map((entry) => entry.error));
  const entries = unique.filter((post) => post.template === 'post').sort(newestFirst);
  const pages = unique.filter((post) => post.template === 'page').sort((a, b) => a.title.localeCompare(b.title));
  return contentIndex(entries, pages, broken);
}

/**
 * The index of posts and pages already read and in order (newest-first posts, pages by title):
 * what `loadContent` returns, and what the pages rebuild from the prepared site (lib/site-data.ts).
 */
export function contentIndex(posts: Post[], pages: Post[], broken: BrokenPost[]): ContentIndex {
  return {
    posts,
    pages,
    tags: groupByTerm(posts, (post) => post.tags),
    categories: groupByTerm(posts, (post) => (post.category ? [post.category] : [])),
    broken,
  };
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
