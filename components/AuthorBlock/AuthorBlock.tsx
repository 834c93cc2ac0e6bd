import { useId } from 'react';
import { ENGLISH, type Dictionary } from '../../lib/config/dictionaries';
import type { AuthorProps } from '../../lib/page-props/types';
import { AuthorProfile } from '../AuthorProfile/AuthorProfile';
import styles from './AuthorBlock.module.css';

export interface AuthorBlockProps {
  /** The post's authors, in the order its front matter names them. */
  authors: AuthorProps[];
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

/** Who wrote the post: each of its authors, from the site settings. */
export function AuthorBlock({ authors, text = ENGLISH }: AuthorBlockProps) {
  const headingId = useId();
  return (
    <section className={styles.author} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {authors.length === 1 ? text.aboutAuthor : text.aboutAuthors}
      </h2>
      {authors.length === 1 ? (
        <AuthorProfile author={authors[0]} text={text} />
      ) : (
        <ul className={styles.list}>
          {authors.map((author) => (
            <li key={author.id}>
              <AuthorProfile author={author} text={text} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
