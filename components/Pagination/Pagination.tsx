import { ENGLISH, fillIn, readingArrows, type Dictionary } from '../../lib/config/dictionaries';
import Head from 'next/head';
import type { Pagination as PaginationData } from '../../lib/routes/pagination';
import { absoluteUrl } from '../../lib/config/site';
import styles from './Pagination.module.css';

export interface PaginationProps {
  pagination: PaginationData;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
  /** The page's direction, which the arrows point along; left to right when not given. */
  dir?: 'ltr' | 'rtl' | null;
}

/**
 * Links to the newer and older pages of a list, with `rel="prev"` and `rel="next"` on the
 * links and, for crawlers, as `<link>`s in the head. A list of one page has none.
 */
export function Pagination({ pagination, text = ENGLISH, dir = null }: PaginationProps) {
  const { page, pageCount, previousUrl, nextUrl } = pagination;
  if (pageCount < 2) return null;
  const arrows = readingArrows(dir);
  return (
    <nav className={styles.pagination} aria-label={text.pagination}>
      <Head>
        {previousUrl && <link key="prev" rel="prev" href={absoluteUrl(previousUrl)} />}
        {nextUrl && <link key="next" rel="next" href={absoluteUrl(nextUrl)} />}
      </Head>
      {previousUrl && (
        <a className={styles.previous} href={previousUrl} rel="prev">
          <span aria-hidden="true">{arrows.back} </span>{text.newerPosts}
        </a>
      )}
      <p className={styles.position}>
        {fillIn(text.pageOf, { page, pages: pageCount })}
      </p>
      {nextUrl && (
        <a className={styles.next} href={nextUrl} rel="next">
          {text.olderPosts}<span aria-hidden="true"> {arrows.forward}</span>
        </a>
      )}
    </nav>
  );
}
