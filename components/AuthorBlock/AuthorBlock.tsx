import { useId } from 'react';
import type { AuthorProps } from '../../lib/page-props/types';
import { AuthorProfile } from '../AuthorProfile/AuthorProfile';
import styles from './AuthorBlock.module.css';

export interface AuthorBlockProps {
  /** The post's authors, in the order its front matter names them. */
  authors: AuthorProps[];
}

/** Who wrote the post: each of its authors, from the site settings. */
export function AuthorBlock({ authors }: AuthorBlockProps) {
  const headingId = useId();
  return (
    <section className={styles.author} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {authors.length === 1 ? 'About the author' : 'About the authors'}
      </h2>
      {authors.length === 1 ? (
        <AuthorProfile author={authors[0]} />
      ) : (
        <ul className={styles.list}>
          {authors.map((author) => (
            <li key={author.id}>
              <AuthorProfile author={author} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
