import { ENGLISH, readingArrows, type Dictionary } from '../../lib/config/dictionaries';
import type { PostLink } from '../../lib/page-props/types';
import styles from './PostNav.module.css';

export interface PostNavProps {
  /** The post published before this one. */
  previous: PostLink | null;
  /** The post published after this one. */
  next: PostLink | null;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
  /** The page's direction, which the arrows point along; left to right when not given. */
  dir?: 'ltr' | 'rtl' | null;
}

/** Links to the posts published just before and just after this one; nothing when there are none. */
export function PostNav({ previous, next, text = ENGLISH, dir = null }: PostNavProps) {
  if (!previous && !next) return null;
  const arrows = readingArrows(dir);
  return (
    <nav className={styles.nav} aria-label={text.previousAndNext}>
      {previous && (
        <a className={styles.previous} href={previous.url}>
          <span className={styles.label}>
            <span aria-hidden="true">{arrows.back} </span>{text.previousPost}
          </span>{' '}
          <span className={styles.title}>{previous.title}</span>
        </a>
      )}
      {next && (
        <a className={styles.next} href={next.url}>
          <span className={styles.label}>
            {text.nextPost}<span aria-hidden="true"> {arrows.forward}</span>
          </span>{' '}
          <span className={styles.title}>{next.title}</span>
        </a>
      )}
    </nav>
  );
}
