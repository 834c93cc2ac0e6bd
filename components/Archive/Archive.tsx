import { ENGLISH, type Dictionary } from '../../lib/config/dictionaries';
import { formatMonth, formatYear } from '../../lib/content/dates';
import type { ArchiveYear } from '../../lib/page-props/types';
import { PostDate } from '../PostDate/PostDate';
import styles from './Archive.module.css';

export interface ArchiveProps {
  years: ArchiveYear[];
  locale: string;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

/**
 * Every post by year and, within a year, by month, newest first. It is the one list that
 * grows with the blog, so each entry is only its date and title.
 */
export function Archive({ years, locale, text = ENGLISH }: ArchiveProps) {
  if (years.length === 0) return <p>{text.noPosts}</p>;
  return years.map(({ year, months }) => (
    <section key={year} className={styles.year}>
      <h2 className={styles.heading}>{formatYear(year, locale)}</h2>
      {months.map(({ month, posts }) => (
        <div key={month} className={styles.month}>
          <h3 className={styles.monthHeading}>
            <time dateTime={month}>{formatMonth(month, locale)}</time>
          </h3>
          <ol className={styles.list}>
            {posts.map((post) => (
              <li key={post.url}>
                <PostDate date={post.date} locale={locale} /> <a href={post.url}>{post.title}</a>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  ));
}
