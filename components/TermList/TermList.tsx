import { ENGLISH, plural, type Dictionary } from '../../lib/config/dictionaries';
import type { TermCount } from '../../lib/page-props/types';
import styles from './TermList.module.css';

export interface TermListProps {
  terms: TermCount[];
  /** Shown instead of the list when there are no terms. */
  emptyText: string;
  /** The locale each count is written in (its plural form, its digits). */
  locale?: string;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

/** Tags or categories, each a link to its page with its number of posts. */
export function TermList({ terms, emptyText, locale = 'en', text = ENGLISH }: TermListProps) {
  if (terms.length === 0) return <p>{emptyText}</p>;
  return (
    <ul className={styles.list}>
      {terms.map((term) => (
        <li key={term.url} className={styles.item}>
          <a href={term.url}>{term.name}</a> <span className={styles.count}>{plural(text.postCount, term.count, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
