import { PostDate } from '../PostDate/PostDate';
import styles from './PostMeta.module.css';

export interface PostMetaProps {
  date: string;
  locale: string;
  category: string | null;
  tags?: string[];
  /** Drafts exist only in `npm run dev`; the badge says so. */
  draft?: boolean;
}

/** The line under a title: date, category and tags. */
export function PostMeta({ date, locale, category, tags = [], draft = false }: PostMetaProps) {
  return (
    <p className={styles.meta}>
      {draft && <strong className={styles.draft}>Draft</strong>}
      <PostDate date={date} locale={locale} />
      {category && (
        <>
          <span aria-hidden="true"> · </span>
          <span className={styles.category}>{category}</span>
        </>
      )}
      {tags.length > 0 && (
        <>
          <span aria-hidden="true"> · </span>
          <span className={styles.tags}>
            <span className="visually-hidden">Tags: </span>
            {tags.map((tag) => (
              <span key={tag} className={styles.tag}>
                #{tag}
              </span>
            ))}
          </span>
        </>
      )}
    </p>
  );
}
