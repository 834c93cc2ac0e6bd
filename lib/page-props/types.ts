/**
 * The props each page gets: plain, serializable data (lib/page-props/lists.ts and post.ts make
 * them; components and templates render them).
 */
import type { FeedLink, MenuItem } from '../config/site';
import type { Dictionary } from '../config/dictionaries';
import type { PostGroupKind, PostSummary } from '../content/types';
import type { SocialImage } from '../images/social-image';
import type { AvatarPicture } from '../images/avatars';
import type { CommentsEmbed } from '../integrations/integrations';
import type { RenderedBody } from '../markdown/compile';
import type { Pagination } from '../routes/pagination';

export type { Pagination };

export interface SiteProps {
  menu: MenuItem[];
  language: PageLanguage;
}

/** One of the site's languages as a page links it: the page's translation, or that language's home page. */
export interface LanguageLink {
  lang: string;
  /** Its name in its own language, as the switcher shows it. */
  name: string;
  href: string;
  /** True when `href` is this very page in that language (an hreflang alternate); false for that language's home page. */
  translation: boolean;
}

/** The language of a page: its `<html lang dir>`, and its links to the other languages. */
export interface PageLanguage {
  lang: string;
  /** Null on a site of one `language`, whose pages say no direction. */
  dir: 'ltr' | 'rtl' | null;
  /** The `Intl.DateTimeFormat` locale of its dates. */
  dateLocale: string;
  /** Its interface text (lib/config/dictionaries.ts). */
  text: Dictionary;
  /** Every language of the site, this page's included, default first; empty on a site of one language. */
  links: LanguageLink[];
}

export interface ContentErrorProps {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

/** A post as lists of titles show it: the archive, related posts, previous and next. */
export interface PostLink {
  title: string;
  url: string;
  /** Calendar date, `YYYY-MM-DD`. */
  date: string;
}

/** One entry of a table of contents: a heading, with the lower-ranked headings of its section under it. */
export interface TocEntry {
  id: string;
  text: string;
  children: TocEntry[];
}

/** The series a post is a part of, as its page shows it: every part, in order. */
export interface PostSeries {
  name: string;
  /** The href of the series' page. */
  url: string;
  parts: PostLink[];
  /** The post's own position in `parts`, from 0. */
  current: number;
}

/** An author as their post's author block and their page show them. */
export interface AuthorProps {
  id: string;
  name: string;
  bio: string;
  /** The href of their page; null on a site with one author, which has no author pages. */
  url: string | null;
  /** Their avatar, as the image pipeline made it; null when the settings give none. */
  avatar: AvatarPicture | null;
  /** Links to them elsewhere (https only, lib/config/schema.ts). */
  links: { label: string; href: string }[];
}

/** What a post page shows around the body; pages (`template: "page"`) have none of it. */
export interface PostChrome {
  /** The post published just before this one. */
  previous: PostLink | null;
  /** The post published just after this one. */
  next: PostLink | null;
  related: PostLink[];
  tableOfContents: TocEntry[];
  /** The series it is a part of, or null. */
  series: PostSeries | null;
  /** The comments, loaded when the reader asks; null when the site has none. */
  comments: CommentsEmbed | null;
  /** Who wrote it, for the author block after the body. */
  authors: AuthorProps[];
}

export type PostPageProps = SiteProps &
  (
    | {
        post: PostSummary;
        body: RenderedBody;
        chrome: PostChrome | null;
        socialImage: SocialImage;
        /** Where its source file is edited in the repository (the `editUrl` setting), or null. */
        editUrl: string | null;
      }
    | { error: ContentErrorProps }
  );

/** One page of a paginated post list: the home page, a tag or a category. */
export interface PostListPageProps extends SiteProps {
  /** The page's h1. */
  heading: string;
  /** The `<title>`, before the site title; null for the home page itself. */
  title: string | null;
  description: string;
  /** This page's href. */
  path: string;
  /** The list's own feeds, linked beside the site's: a tag's or category's; none for the home page. */
  feeds: FeedLink[];
  posts: PostSummary[];
  pagination: Pagination;
  /** The featured posts, shown above the list: on the home page's first page only, else none. */
  featured: PostSummary[];
  /** On an author's pages: who they are, shown above their posts. */
  author?: AuthorProps;
}

export type TermKind = 'tags' | 'categories';

/** A tag, category or series as the `/tags/`, `/categories/` and `/series/` pages list it: `count` is its posts (a series' parts). */
export interface TermCount {
  name: string;
  url: string;
  count: number;
}

/** `/tags/`, `/categories/` or `/series/`: every group of its kind in the page's language. */
export interface TermIndexPageProps extends SiteProps {
  kind: PostGroupKind;
  terms: TermCount[];
}

/** One month of the archive: `YYYY-MM`, and its posts, newest first. */
export interface ArchiveMonth {
  month: string;
  posts: PostLink[];
}

/** `/authors/`: every author of a site with more than one, with their number of posts. */
export interface AuthorIndexPageProps extends SiteProps {
  authors: (AuthorProps & { count: number })[];
}

export interface ArchiveYear {
  year: string;
  months: ArchiveMonth[];
}

export interface ArchivePageProps extends SiteProps {
  years: ArchiveYear[];
}
