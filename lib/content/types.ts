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
