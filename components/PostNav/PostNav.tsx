import type { PostLink } from '../../lib/page-props/types';
import styles from './PostNav.module.css';

export interface PostNavProps {
  /** The post published before this one. */
  previous: PostLink | null;
  /** The post published after this one. */
  next: PostLink | null;
}

/** Links to the posts published just before and just after this one; nothing when there are none. */
export function PostNav({ previous, next }: PostNavProps) {
  if (!previous && !next) return null;
  return (
    <nav className={styles.nav} aria-label="Previous and next posts">
      {previous && (
        <a className={styles.previous} href={previous.url}>
          <span className={styles.label}>
            <span aria-hidden="true">← </span>Previous post
          </span>{' '}
          <span className={styles.title}>{previous.title}</span>
        </a>
      )}
      {next && (
        <a className={styles.next} href={next.url}>
          <span className={styles.label}>
            Next post<span aria-hidden="true"> →</span>
          </span>{' '}
          <span className={styles.title}>{next.title}</span>
        </a>
      )}
    </nav>
  );
}
