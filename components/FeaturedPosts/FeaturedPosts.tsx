import { useId } from 'react';
import type { PostSummary } from '../../lib/content/types';
import { PostList } from '../PostList/PostList';
import styles from './FeaturedPosts.module.css';

export interface FeaturedPostsProps {
  posts: PostSummary[];
  locale: string;
}

/** The posts marked `featured: true`, in a section of their own with its heading; nothing when there are none. */
export function FeaturedPosts({ posts, locale }: FeaturedPostsProps) {
  // A generated id cannot clash with an id of the page.
  const headingId = useId();
  if (posts.length === 0) return null;
  return (
    <section className={styles.featured} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Featured
      </h2>
      <PostList posts={posts} locale={locale} headingLevel={3} />
    </section>
  );
}
