/** What the content loader produces: posts, their summaries, terms and the index of them all. */
import type { ContentError } from './errors';
import type { PostAsset } from './post-files';
import type { FrontMatter, Template } from './schema';

export type SourceFormat = 'md' | 'mdx';

/** A tag or a category, with its URL-safe slug and its list page. */
export interface Term {
  name: string;
  slug: string;
  /** The href of its list page, under the base path. */
  url: string;
}

/** One of a post's authors, as pages and feeds name them. */
export interface AuthorRef {
  /** Their id in the settings. */
  id: string;
  name: string;
  /** The href of their page, under the base path; null on a site with one author, which has no author pages. */
  url: string | null;
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
  /** Dated after today in the site's time zone: only in `npm run dev`, where it is marked "Scheduled". */
  scheduled: boolean;
  /** Href of the cover image (a post asset, a file in `public/` under the base path) or an absolute URL. */
  cover: string | null;
  socialImage: string | null;
  /** Where a cross-post was first published (front matter `canonical`), an absolute URL; null for a post first published here. */
  canonical: string | null;
  /** Who wrote it (front matter `author` or `authors`), in the order given; the site's first author when it names none. */
  authors: AuthorRef[];
  /** The code of its language, one of the site's. */
  lang: string;
}

/** What groups posts under a URL of its own: a tag, a category, a series. */
export type PostGroupKind = 'tags' | 'categories' | 'series';

/** The series a post is a part of (front matter `series`), and its place in it. */
export interface SeriesPlace extends Term {
  /** Front matter `seriesOrder`, or null: such parts follow the numbered ones, in date order. */
  order: number | null;
  /** The line of `seriesOrder` in the post's file, for the error when two parts give the same. */
  orderLine: number | null;
}

/** One old URL of a post, as its front matter lists it. */
export interface Alias {
  /** Its site path, in normal form (lib/routes/redirects.ts): `/old-slug/`, `/old.html`. */
  sitePath: string;
  /** The front matter field and its position: `aliases.0`, `redirect_from`. */
  field: string;
  /** Its line in the post's file, when it could be found. */
  line: number | null;
}

/**
 * A redirect the site makes: from an old URL of a post or page to its page. The list of them
 * is the content index's `redirects`; every host's file, the pages at the old URLs and
 * `npm run serve` are made from it.
 */
export interface Redirect {
  /** The old URL, as a site path in normal form (not under the base path). */
  from: string;
  /** The href of the post or page, under the base path. */
  to: string;
  /** The title of the post or page, for the link on the page at the old URL. */
  title: string;
}

/** A redirect with where it was asked for, for the errors of a collision. */
export interface RedirectSource extends Redirect {
  /** The post's file. */
  sourcePath: string;
  /** The front matter field (`aliases.1`), or `slug` for an old URL made by a `postAliasPatterns` entry. */
  field: string;
  line: number | null;
  /** The `postAliasPatterns` entry that made it, or null for the post's own front matter. */
  pattern: string | null;
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
  /** The files a folder post publishes beside its page (lib/build/publish.ts); none for a single-file post. */
  assets: PostAsset[];
  /** The URLs the post used to have (front matter `aliases` or `redirect_from`), which redirect to it. */
  aliases: Alias[];
  /** Every front matter field, the unknown ones included. */
  frontMatter: FrontMatter;
  /** The series it is a part of, or null. */
  series: SeriesPlace | null;
  /** Front matter `featured`: shown at the top of the home page. */
  featured: boolean;
  /** What its translations share: front matter `translationKey`, else the name of its file (or folder). */
  translationKey: string;
}

/** What the loader needs to know of the site's languages (lib/config/site.ts). */
export interface ContentLanguages {
  /** Every language's code, the default one first. */
  codes: readonly string[];
  /** True when the settings list `languages`: a folder `posts/<code>/` then holds that language's posts. */
  folders: boolean;
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

/** One of the site's authors with their posts, newest first. */
export interface AuthorGroup extends AuthorRef {
  posts: Post[];
}

export interface ContentIndex {
  /** `template: "post"` entries, newest first. */
  posts: Post[];
  /** Every tag, by name, with its posts. Tags that slugify alike (`AWS`, `aws`) are one tag. */
  tags: TermGroup[];
  /** Every category, by name, with its posts. */
  categories: TermGroup[];
  /** Every series, by name, with its parts in order (`seriesOrder`, then date). */
  series: TermGroup[];
  /** Every author of the site, in the settings' order, with their posts (none for an author who has written none yet). */
  authors: AuthorGroup[];
  /** `template: "page"` entries, by title. */
  pages: Post[];
  /**
   * Every redirect of the site, from each old URL of a post or page (its `aliases`, and the
   * settings' `postAliasPatterns`) to its page, by old URL. An internal link to one of them
   * works (lib/content/site-urls.ts).
   */
  redirects: RedirectSource[];
  /** Posts with errors, kept only when `keepBroken` is set. */
  broken: BrokenPost[];
  /** What is worth telling the author but stops nothing, such as a file in `posts/` that is not a post. */
  warnings: ContentError[];
}
