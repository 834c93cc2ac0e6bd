import { ENGLISH, type Dictionary } from '../../lib/config/dictionaries';
import { useId } from 'react';
import type { PostLink } from '../../lib/page-props/types';
import { PostDate } from '../PostDate/PostDate';
import styles from './RelatedPosts.module.css';

export interface RelatedPostsProps {
  posts: PostLink[];
  locale: string;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

/** Other posts on the same subjects; nothing when there are none. */
export function RelatedPosts({ posts, locale, text = ENGLISH }: RelatedPostsProps) {
  // A generated id cannot clash with the heading ids of the post body, which are slugs.
  const headingId = useId();
  if (posts.length === 0) return null;
  return (
    <section className={styles.related} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {text.relatedPosts}
      </h2>
      <ul className={styles.list}>
        {posts.map((post) => (
          <li key={post.url}>
            <a href={post.url}>{post.title}</a> <PostDate date={post.date} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}
