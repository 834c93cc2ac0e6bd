/**
 * Site settings: the one file to edit when making Folio your own blog. Plain data, checked
 * against lib/config/schema.ts when a build starts (a wrong value fails it, naming the field);
 * the schema says what each field means, and fields it gives a default may be left out:
 * posts per page, feed size, excerpt length, words per minute, the table of contents'
 * threshold, related posts, image widths, card colours and the limits of what one post may
 * cost the build. `SITE_URL` and `BASE_PATH` in the environment override `url` and the base
 * path for one build (lib/config/site.ts).
 */
import type { SiteSettings } from './schema';

export const settings: SiteSettings = {
  title: 'Folio',
  description: 'Notes on building, caching and running software at scale.',
  url: 'https://folio.example.com',
  language: 'en',
  dateLocale: 'en-GB',
  // Posts dated after today in this zone wait for a build on their day (docs/writing.md#scheduled-posts).
  timeZone: 'UTC',
  scheduledPosts: 'hold',
  // The first author is the default of a post that names none (`author:` or `authors:` in its front
  // matter). A site with one author can give `author: { name, bio }` instead (docs/settings.md#authors).
  authors: [
    {
      id: 'folio-author',
      name: 'Folio Author',
      bio: 'Writes about architecture, DevOps and performance.',
      avatar: '/images/authors/folio-author.png',
      links: [{ label: 'GitHub', href: 'https://github.com/' }],
    },
    {
      id: 'ada-reviewer',
      name: 'Ada Reviewer',
      bio: 'Reviews designs and writes about caches and the people who run them.',
      avatar: '/images/authors/ada-reviewer.png',
      links: [{ label: 'Mastodon', href: 'https://mastodon.social/' }],
    },
  ],
  postsPerPage: 10,
  feedSize: 20,
  socialImage: '/social-default.png',
  socialCards: true,
  icon: { source: '/icons/icon.svg', background: '#ffffff' },
  themeColor: { light: '#ffffff', dark: '#16181d' },
  menu: [
    { label: 'Posts', href: '/' },
    { label: 'Tags', href: '/tags/' },
    { label: 'Archive', href: '/archive/' },
    { label: 'Search', href: '/search/' },
  ],
  social: [
    { label: 'GitHub', href: 'https://github.com/' },
    { label: 'Mastodon', href: 'https://mastodon.social/' },
  ],
  // "Edit this post" links to each post's file in the repository, e.g. 'https://github.com/owner/repo/edit/main/'.
  editUrl: null,
  // A post's "Updated" date from its file's last commit when its front matter has none (needs the full git history).
  updatedFromGit: false,
  // A link in a post to a page or #anchor of this site that does not exist: 'error' fails the build, 'warn' prints it.
  brokenLinks: 'error',
  // The URLs posts had on the blog this one moved from, e.g. ['/:slug/'] from gatsby-starter-blog (docs/writing.md#old-urls).
  postAliasPatterns: [],
  // Comments and analytics: see docs/comments-and-analytics.md.
  comments: null,
  analytics: null,
  // The CMS at /admin/: `npm run cms` edits posts/ locally; set `repo` to edit the published site's repository (docs/cms.md).
  cms: { app: 'decap', repo: null, branch: 'main', authBaseUrl: null },
};
