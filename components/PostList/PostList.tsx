import { ENGLISH, type Dictionary } from '../../lib/config/dictionaries';
import type { PostSummary } from '../../lib/content/types';
import { PostMeta } from '../PostMeta/PostMeta';
import styles from './PostList.module.css';

export interface PostListProps {
  posts: PostSummary[];
  locale: string;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
  /** The level of each title's heading: 2 under the page's h1, 3 inside a section with an h2 of its own. */
  headingLevel?: 2 | 3;
}

/** Posts as a list of summaries: title (a link), date, category and excerpt. */
export function PostList({ posts, locale, text = ENGLISH, headingLevel = 2 }: PostListProps) {
  if (posts.length === 0) return <p>{text.noPosts}</p>;
  const Title = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <ol className={styles.list}>
      {posts.map((post) => (
        <li key={post.slug}>
          <article className={styles.item}>
            <Title className={styles.title}>
              <a href={post.url}>{post.title}</a>
            </Title>
            <PostMeta date={post.date} locale={locale} category={post.category} draft={post.draft} scheduled={post.scheduled} text={text} />
            {post.excerpt && <p className={styles.excerpt}>{post.excerpt}</p>}
          </article>
        </li>
      ))}
    </ol>
  );
}
