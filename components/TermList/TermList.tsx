import type { TermCount } from '../../lib/page-props/types';
import styles from './TermList.module.css';

export interface TermListProps {
  terms: TermCount[];
  /** Shown instead of the list when there are no terms. */
  emptyText: string;
}

/** Tags or categories, each a link to its page with its number of posts. */
export function TermList({ terms, emptyText }: TermListProps) {
  if (terms.length === 0) return <p>{emptyText}</p>;
  return (
    <ul className={styles.list}>
      {terms.map((term) => (
        <li key={term.url} className={styles.item}>
          <a href={term.url}>{term.name}</a> <span className={styles.count}>{term.count === 1 ? '1 post' : `${term.count} posts`}</span>
        </li>
      ))}
    </ul>
  );
}
