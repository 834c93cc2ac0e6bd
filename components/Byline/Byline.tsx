import { ENGLISH, type Dictionary } from '../../lib/config/dictionaries';
import { FilledIn } from '../FilledIn/FilledIn';
import type { AuthorRef } from '../../lib/content/types';
import styles from './Byline.module.css';

export interface BylineProps {
  authors: AuthorRef[];
  /** The locale that joins the names ("Ada, Grace and Linus"). */
  locale: string;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

/** "By Ada and Grace" under a post's title, each name a link to the author's page when the site has author pages. */
export function Byline({ authors, locale, text = ENGLISH }: BylineProps) {
  const parts = new Intl.ListFormat(locale, { type: 'conjunction' }).formatToParts(authors.map((author) => author.name));
  let next = 0;
  const names = parts.map((part, position) => {
    if (part.type === 'literal') return part.value;
    const author = authors[next++];
    return author.url ? (
      <a key={position} href={author.url} rel="author">
        {author.name}
      </a>
    ) : (
      <span key={position}>{author.name}</span>
    );
  });
  return (
    <p className={styles.byline}>
      <FilledIn text={text.byline} values={{ names }} />
    </p>
  );
}
