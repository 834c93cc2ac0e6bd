/**
 * Lists of posts in pages: the home page, each tag and each category show `postsPerPage` posts
 * a page, the first at the list's own URL and the rest at `page/<n>/` under it
 * (lib/routes/table.ts).
 */
import { LATER_PAGES_SEGMENT } from './table';

/** Where one page of a paginated list stands, and its neighbours' URLs. */
export interface Pagination {
  /** 1-based. */
  page: number;
  pageCount: number;
  /** The page of newer posts, or null on the first page. */
  previousUrl: string | null;
  /** The page of older posts, or null on the last page. */
  nextUrl: string | null;
}

/** How many pages `total` items fill; an empty list still has its one page. */
export const pageCount = (total: number, perPage: number) => Math.max(1, Math.ceil(total / perPage));

/** Page `page` of the list at `baseUrl`: the list's own URL for page 1, then `<baseUrl>page/<n>/`. */
export const pageUrl = (baseUrl: string, page: number) => (page === 1 ? baseUrl : `${baseUrl}${LATER_PAGES_SEGMENT}/${page}/`);

/** The page numbers after the first, as `getStaticPaths` params of a `…/page/[page]` route. */
export const laterPages = (total: number, perPage: number) => Array.from({ length: pageCount(total, perPage) - 1 }, (_, i) => String(i + 2));

/** Page `page` (1-based) of `items`; a page outside the list is an error, not an empty page. */
export function paginate<T>(items: readonly T[], baseUrl: string, page: number, perPage: number): { items: T[]; pagination: Pagination } {
  const count = pageCount(items.length, perPage);
  if (!Number.isInteger(page) || page < 1 || page > count) throw new Error(`${baseUrl} has no page ${page}; it has ${count}`);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    pagination: {
      page,
      pageCount: count,
      previousUrl: page > 1 ? pageUrl(baseUrl, page - 1) : null,
      nextUrl: page < count ? pageUrl(baseUrl, page + 1) : null,
    },
  };
}
