import { ENGLISH, fillIn, type Dictionary } from '../../lib/config/dictionaries';
import type { Term } from '../../lib/content/types';
import { PostDate } from '../PostDate/PostDate';
import styles from './PostMeta.module.css';

export interface PostMetaProps {
  date: string;
  locale: string;
  category: Term | null;
  tags?: Term[];
  /** Calendar date of the last update, shown after the date. */
  updated?: string | null;
  readingMinutes?: number;
  /** Drafts exist only in `npm run dev`; the badge says so. */
  draft?: boolean;
  /** Scheduled posts (dated after today) too: a production build holds them back until their day. */
  scheduled?: boolean;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

const Separator = () => <span aria-hidden="true"> · </span>;

/** The line under a title: date (and update), reading time, category and tags, with links to their lists. */
export function PostMeta({ date, locale, category, tags = [], updated = null, readingMinutes, draft = false, scheduled = false, text = ENGLISH }: PostMetaProps) {
  return (
    <p className={styles.meta}>
      {draft && <strong className={styles.draft}>{text.draft}</strong>}
      {scheduled && <strong className={styles.draft}>{text.scheduled}</strong>}
      <PostDate date={date} locale={locale} />
      {updated && updated !== date && (
        <>
          <Separator />
          <span className={styles.updated}>
            {text.updated} <PostDate date={updated} locale={locale} />
          </span>
        </>
      )}
      {readingMinutes !== undefined && (
        <>
          <Separator />
          <span>{fillIn(text.minRead, { minutes: readingMinutes })}</span>
        </>
      )}
      {category && (
        <>
          <Separator />
          <a className={styles.category} href={category.url}>
            {category.name}
          </a>
        </>
      )}
      {tags.length > 0 && (
        <>
          <Separator />
          <span className={styles.tags}>
            <span className="visually-hidden">{text.tagsLabel} </span>
            {tags.map((tag) => (
              <a key={tag.slug} className={styles.tag} href={tag.url}>
                #{tag.name}
              </a>
            ))}
          </span>
        </>
      )}
    </p>
  );
}
