/**
 * The props of the authors' pages, on a site with more than one author (lib/config/site.ts
 * `hasAuthorPages`): `/authors/`, every author with their number of posts, and each author's
 * posts, paginated like a tag's. A site with one author has none of these pages.
 */
import { defaultLanguage, hasAuthorPages, site, siteMenu, withBasePath } from '../config/site';
import { fillIn } from '../config/dictionaries';
import type { AuthorGroup } from '../content/types';
import { laterPages } from '../routes/pagination';
import { PAGE_ROUTES } from '../routes/table';
import { authorProps } from './author-props';
import { pageLanguage } from './languages';
import { pageNumber, postListPage } from './lists';
import { getLanguageIndex, getSiteData } from './site-data';
import type { AuthorIndexPageProps, PostListPageProps, SiteProps } from './types';

/**
 * The frame of an author's page (at `href`): the default language's, with its menu, as the
 * authors' pages are at the root alone and list their posts in every language.
 */
function authorSiteProps(href: string): SiteProps {
  return { menu: siteMenu(getLanguageIndex(defaultLanguage).pages), language: pageLanguage(defaultLanguage, new Map([[defaultLanguage, href]])) };
}

/** The ids of the authors who have a page: every author of a site with more than one, none of a site with one. */
export const getAuthorIds = (): string[] => (hasAuthorPages ? getSiteData().index.authors.map((author) => author.id) : []);

/** The `{ id, page }` params of every later page of every author's posts. */
export const getAuthorPagePaths = (): { id: string; page: string }[] =>
  hasAuthorPages ? getSiteData().index.authors.flatMap((author) => laterPages(author.posts.length, site.postsPerPage).map((page) => ({ id: author.id, page }))) : [];

function findAuthor(id: string): AuthorGroup {
  const author = getSiteData().index.authors.find((candidate) => candidate.id === id);
  if (!author) throw new Error(`No author of the site has the id "${id}"`);
  return author;
}

/** `/authors/<id>/`, or with the `[page]` param, one of its later pages: who they are, then their posts, newest first. */
export function getAuthorPageProps(id: string, page?: string): PostListPageProps {
  const { avatars } = getSiteData();
  const author = findAuthor(id);
  const siteProps = authorSiteProps(author.url!);
  const { text } = siteProps.language;
  const heading = fillIn(text.postsBy, { name: author.name });
  const list = { posts: author.posts, baseUrl: author.url!, heading, description: fillIn(text.postsByDescription, { name: author.name }), title: heading };
  return { ...postListPage(list, pageNumber(page), site.postsPerPage, siteProps), author: authorProps(id, avatars) };
}

/** `/authors/`: every author, in the settings' order, with their number of posts. */
export function getAuthorIndexProps(): AuthorIndexPageProps {
  const { index, avatars } = getSiteData();
  return { ...authorSiteProps(withBasePath(PAGE_ROUTES.authors.path())), authors: index.authors.map((author) => ({ ...authorProps(author.id, avatars), count: author.posts.length })) };
}
