import { ENGLISH, plural, type Dictionary, type PluralForms } from '../../lib/config/dictionaries';
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
  /** How each count is worded: its number of posts (`text.postCount`) unless given (a series' parts). */
  countForms?: PluralForms;
}

/** Tags, categories or series, each a link to its page with its number of posts (or parts). */
export function TermList({ terms, emptyText, locale = 'en', text = ENGLISH, countForms = text.postCount }: TermListProps) {
  if (terms.length === 0) return <p>{emptyText}</p>;
  return (
    <ul className={styles.list}>
      {terms.map((term) => (
        <li key={term.url} className={styles.item}>
          <a href={term.url}>{term.name}</a> <span className={styles.count}>{plural(countForms, term.count, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
