import { useId } from 'react';
import { ENGLISH, type Dictionary } from '../../lib/config/dictionaries';
import type { PostSummary } from '../../lib/content/types';
import { PostList } from '../PostList/PostList';
import styles from './FeaturedPosts.module.css';

export interface FeaturedPostsProps {
  posts: PostSummary[];
  locale: string;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

/** The posts marked `featured: true`, in a section of their own with its heading; nothing when there are none. */
export function FeaturedPosts({ posts, locale, text = ENGLISH }: FeaturedPostsProps) {
  // A generated id cannot clash with an id of the page.
  const headingId = useId();
  if (posts.length === 0) return null;
  return (
    <section className={styles.featured} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {text.featured}
      </h2>
      <PostList posts={posts} locale={locale} text={text} headingLevel={3} />
    </section>
  );
}
