/** One post source read: its front matter parsed (YAML, never code) and validated, its fields derived. */
import matter from 'gray-matter';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument, YAMLError } from 'yaml';
import { inLanguage, PAGE_ROUTES, postFilesPath, reservedSlugProblem } from '../routes/table';
import { isRelativeUrl, resolveRelativeUrl } from '../routes/urls';
import { ContentError } from './errors';
import { deepestNesting, markdownToPlainText, MAX_NESTING } from './plain-text';
import { frontMatterSchema, type FrontMatter } from './schema';
import { authoredExcerptLength, authorPageHref, site, SETTINGS_FILE, siteAuthors, withBasePath } from '../config/site';
import { slugFromFrontMatter, slugify } from './slug';
import { readText, type SourceFile } from './sources';
import type { Alias, AuthorRef, ContentLanguages, Post, PostGroupKind, Term } from './types';

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

/** The fields that list a post's old URLs; both given is an error. */
const ALIAS_FIELDS = ['aliases', 'redirect_from'] as const;

/**
 * The line in the file of each value of the list `field` (or of its one value) in the front
 * matter `matterText`, as gray-matter hands it over (from the end of the opening `---` line, so
 * yaml's lines are the file's). Read again with yaml, which knows where each value is, only
 * for posts that have the field.
 */
function valueLines(matterText: string, field: string, count: number): (number | null)[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(matterText, { schema: 'core', lineCounter });
  const whole = document.get(field, true) as { range?: [number, number, number] } | undefined;
  return Array.from({ length: count }, (_, position) => {
    const node = (document.getIn([field, position], true) ?? whole) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : null;
  });
}

/** The old URLs front matter lists, with the field and line of each. */
function aliasesOf(frontMatter: FrontMatter, matterText: string): Alias[] {
  const field = ALIAS_FIELDS.find((name) => frontMatter[name]);
  if (!field) return [];
  const paths = frontMatter[field] as string[];
  const lines = valueLines(matterText, field, paths.length);
  return paths.map((sitePath, position) => ({ sitePath, field: `${field}.${position}`, line: lines[position] ?? null }));
}

/** Where in the file the value of a schema problem is (the entry's, in a list), so the author finds it; undefined for a missing field. */
function issueLine(path: PropertyKey[], matterText: string): number | undefined {
  const [field, position] = path;
  if (typeof field !== 'string') return undefined;
  return valueLines(matterText, field, typeof position === 'number' ? position + 1 : 1).at(-1) ?? undefined;
}

/**
 * The post's authors, in the order its front matter names them (`authors`, or an id in
 * `author`); the site's first author when it names none. An id the settings do not have is an
 * error naming the field and its line.
 */
function authorsOf(frontMatter: FrontMatter, matterText: string, sourcePath: string): AuthorRef[] {
  const field = frontMatter.authors ? 'authors' : 'author';
  const ids = frontMatter.authors ?? (typeof frontMatter.author === 'string' ? [frontMatter.author] : [siteAuthors[0].id]);
  return ids.map((id, position) => {
    // The front matter is read again for the line only when there is an error to report.
    const fail = (detail: string) =>
      new ContentError(sourcePath, detail, field === 'authors' ? { field: `authors.${position}`, line: valueLines(matterText, field, position + 1)[position] ?? undefined } : { field, line: valueLines(matterText, field, 1)[0] ?? undefined });
    const author = siteAuthors.find((candidate) => candidate.id === id);
    if (!author) throw fail(`${JSON.stringify(id)} is not an author of the site: name one of ${siteAuthors.map((candidate) => JSON.stringify(candidate.id)).join(', ')} (the authors in ${SETTINGS_FILE})`);
    if (ids.indexOf(id) !== position) throw fail(`${JSON.stringify(id)} is named twice`);
    return { id, name: author.name, url: authorPageHref(id) };
  });
}

/** What to read of the posts: in dev, drafts and scheduled posts too. */
export interface ParseOptions {
  includeDrafts: boolean;
  /**
   * The calendar date it is in the site's time zone: a post dated after it is scheduled, and
   * held back like a draft. Null when scheduled posts are published at once (`scheduledPosts: 'publish'`).
   */
  today: string | null;
  /** The date of the last commit that changed the source (the `updatedFromGit` setting), or null. */
  lastCommit: string | null;
  /** The site's languages. */
  languages: ContentLanguages;
}

/**
 * The language of a post: its front matter `lang`, else its folder's, else the default. An
 * unknown code, or a `lang` that is not its folder's, is an error on that line.
 */
function languageOf(frontMatter: FrontMatter, source: SourceFile, sourcePath: string, matterText: string, { codes }: ContentLanguages): string {
  const { lang } = frontMatter;
  if (lang === undefined) return source.folderLanguage ?? codes[0];
  const where = { field: 'lang', line: valueLines(matterText, 'lang', 1)[0] ?? undefined };
  if (!codes.includes(lang)) throw new ContentError(sourcePath, `${JSON.stringify(lang)} is not one of the site's languages (${codes.join(', ')}); add it to \`languages\` in lib/config/settings.ts`, where);
  if (source.folderLanguage && lang !== source.folderLanguage) {
    throw new ContentError(sourcePath, `is "${lang}" but the post is in posts/${source.folderLanguage}/, the folder of "${source.folderLanguage}": move it, or remove lang`, where);
  }
  return lang;
}

/** Reads one post (its text, `input`, unless already read); returns null for a draft or a scheduled post when they are not wanted. */
export function parseSource(
  source: SourceFile,
  sourcePath: string,
  { includeDrafts, today, lastCommit, languages }: ParseOptions,
  input: string = readText(source.file, sourcePath),
): Omit<Post, 'assets'> | null {
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
    throw new ContentError(sourcePath, issue.message, { field: issue.path.join('.') || undefined, line: issueLine(issue.path, parsed.matter) });
  }
  const frontMatter = result.data;
  // A field's line in the file, read again from the front matter only for an error, or for a post in a series.
  const lineOf = (field: string, position = 0) => valueLines(parsed.matter, field, position + 1)[position] ?? undefined;
  // A scheduled post is checked (no one watches the build that publishes it on its day), then held back.
  const scheduled = today !== null && frontMatter.date > today;
  if (scheduled && !includeDrafts) return null;
  const bodyOffset = input.length - parsed.content.length;
  const bodyStartLine = input.slice(0, bodyOffset).split('\n').length;
  const nesting = [
    { field: undefined, problem: nestingProblem(parsed.content, bodyStartLine) },
    ...(['excerpt', 'description'] as const).map((field) => ({ field, problem: frontMatter[field] ? nestingProblem(frontMatter[field], undefined) : null })),
  ].find((entry) => entry.problem);
  if (nesting?.problem) throw new ContentError(sourcePath, nesting.problem.detail, { field: nesting.field, line: nesting.problem.line ?? (nesting.field && lineOf(nesting.field)) });

  const lang = languageOf(frontMatter, source, sourcePath, parsed.matter, languages);
  const prefix = lang === languages.codes[0] ? null : lang;
  const slug = frontMatter.slug ? slugFromFrontMatter(frontMatter.slug) : slugify(source.name);
  const slugWhere = () => ({ field: 'slug', line: frontMatter.slug ? lineOf('slug') : undefined });
  if (!slug) {
    const from = frontMatter.slug ? JSON.stringify(frontMatter.slug) : `the name ${JSON.stringify(source.name)}`;
    throw new ContentError(sourcePath, `cannot make a URL from ${from}; set a slug with letters or digits`, slugWhere());
  }
  const reserved = reservedSlugProblem(PAGE_ROUTES[frontMatter.template].path(slug), new Set(languages.codes.slice(1)));
  if (reserved) throw new ContentError(sourcePath, `${reserved}; choose another slug`, slugWhere());

  const term = (kind: PostGroupKind, name: string, field: string, lineOfTerm: () => number | undefined): Term => {
    const termSlug = slugify(name);
    if (!termSlug) throw new ContentError(sourcePath, `cannot make a URL from ${JSON.stringify(name)}; use letters or digits`, { field, line: lineOfTerm() });
    const reservedTerm = reservedSlugProblem(termRoute(kind).path(termSlug));
    if (reservedTerm) throw new ContentError(sourcePath, `${JSON.stringify(name)} would be listed at ${reservedTerm}; rename it`, { field, line: lineOfTerm() });
    return { name, slug: termSlug, url: withBasePath(inLanguage(prefix, termRoute(kind).path(termSlug))) };
  };
  const tags = frontMatter.tags.map((tag, i) => term('tags', tag, `tags.${i}`, () => lineOf('tags', i)));
  const category = frontMatter.category ? term('categories', frontMatter.category, 'category', () => lineOf('category')) : null;
  // A series part keeps the line of its seriesOrder: a clash with another part's names it.
  const series = frontMatter.series
    ? { ...term('series', frontMatter.series, 'series', () => lineOf('series')), order: frontMatter.seriesOrder ?? null, orderLine: frontMatter.seriesOrder === undefined ? null : (lineOf('seriesOrder') ?? null) }
    : null;

  const summaryText = frontMatter.excerpt ?? frontMatter.description;
  const excerpt = summaryText ? markdownToPlainText(summaryText, authoredExcerptLength) : '';
  // A folder post's `cover: ./cover.jpg` is one of its assets, like its images; `/cover.jpg` is a file in public/.
  const image = (value: string | undefined) =>
    value && source.assetDir && isRelativeUrl(value) ? resolveRelativeUrl(value, withBasePath(postFilesPath(slug))) : value ? withBasePath(value) : null;

  return {
    slug,
    url: withBasePath(inLanguage(prefix, PAGE_ROUTES[frontMatter.template].path(slug))),
    template: frontMatter.template,
    title: frontMatter.title,
    date: frontMatter.date,
    // A commit on or before the post's date is the one that published it, not an update.
    updated: frontMatter.updated ?? frontMatter.lastmod ?? (lastCommit && lastCommit > frontMatter.date ? lastCommit : null),
    readingMinutes: readingMinutes(parsed.content),
    excerpt,
    category,
    tags,
    draft: frontMatter.draft,
    scheduled,
    cover: image(frontMatter.cover ?? frontMatter.coverImage),
    socialImage: image(frontMatter.socialImage),
    canonical: frontMatter.canonical ?? null,
    authors: authorsOf(frontMatter, parsed.matter, sourcePath),
    lang,
    translationKey: frontMatter.translationKey ?? source.name,
    sourcePath,
    format: source.format,
    file: source.file,
    bodyOffset,
    bodyStartLine,
    assetDir: source.assetDir,
    aliases: aliasesOf(frontMatter, parsed.matter),
    series,
    featured: frontMatter.featured,
    frontMatter,
  };
}

/** The route of one tag's or one category's posts, or of one series' parts. */
const termRoute = (kind: PostGroupKind) => ({ tags: PAGE_ROUTES.tag, categories: PAGE_ROUTES.category, series: PAGE_ROUTES.series })[kind];

/**
 * Minutes to read a body, at least 1. Counted on the raw Markdown, which is close enough for
 * an estimate and needs no parse: a word is a run of letters or digits, and each Han, kana or
 * Hangul character counts as one, as CJK text has no spaces.
 */
export function readingMinutes(body: string): number {
  const words = body.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}'’]+/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / site.wordsPerMinute));
}

/** The line in its file of a top-level front matter field of a post already read, or undefined when it has none. */
export function lineOfField(post: Pick<Post, 'file' | 'sourcePath' | 'bodyOffset'>, field: string): number | undefined {
  const lines = readText(post.file, post.sourcePath).slice(0, post.bodyOffset).split('\n');
  const position = lines.findIndex((line) => line.startsWith(`${field}:`) || line.startsWith(`${field} :`));
  return position === -1 ? undefined : position + 1;
}
