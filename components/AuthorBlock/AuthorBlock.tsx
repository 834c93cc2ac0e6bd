import { useId } from 'react';
import type { SiteConfig } from '../../lib/config/site';
import styles from './AuthorBlock.module.css';

export interface AuthorBlockProps {
  author: SiteConfig['author'];
}

/** Who wrote the post, from the site settings. */
export function AuthorBlock({ author }: AuthorBlockProps) {
  const headingId = useId();
  return (
    <section className={styles.author} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        About the author
      </h2>
      <p className={styles.name}>{author.name}</p>
      <p className={styles.bio}>{author.bio}</p>
    </section>
  );
}
