import { ENGLISH, type Dictionary } from '../../lib/config/dictionaries';
import { FilledIn } from '../FilledIn/FilledIn';
import type { ReactNode } from 'react';
import type { PostSummary } from '../../lib/content/types';
import { PostMeta } from '../PostMeta/PostMeta';
import styles from './Post.module.css';

export interface PostProps {
  post: PostSummary;
  locale: string;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
  /** Shown under the title's line of dates and tags: who wrote it, on a site with several authors. */
  byline?: ReactNode;
  /** Shown between the header and the body: the series' parts. */
  beforeBody?: ReactNode;
  /**
   * The table of contents: above the body on narrow screens; beside it on wide ones, where
   * it stays in view as the reader scrolls (CSS alone). Leave it out when there is none.
   */
  contents?: ReactNode;
  /** Shown after the body, inside the article: the author block. */
  afterBody?: ReactNode;
  /** The rendered body. */
  children: ReactNode;
}

/**
 * One post or page: the title as the page's only `h1`, then (for posts) the date, update,
 * reading time, category and tags, the excerpt as the lead, and the body inside
 * `data-post-body` (what search indexes). A cross-post says where it was first published,
 * outside the body, so feeds and search take the body alone.
 */
export function Post({ post, locale, text = ENGLISH, byline, beforeBody, contents, afterBody, children }: PostProps) {
  const isPost = post.template === 'post';
  return (
    <article className={styles.post}>
      <header className={styles.header}>
        <h1 className={styles.title}>{post.title}</h1>
        {isPost && (
          <PostMeta date={post.date} updated={post.updated} readingMinutes={post.readingMinutes} locale={locale} category={post.category} tags={post.tags} draft={post.draft} scheduled={post.scheduled} text={text} />
        )}
        {byline}
        {post.canonical && (
          <p className={styles.original}>
            <FilledIn text={text.originallyPublished} values={{ link: <a href={post.canonical}>{new URL(post.canonical).host}</a> }} />
          </p>
        )}
        {isPost && post.excerpt && <p className={styles.lead}>{post.excerpt}</p>}
      </header>
      {beforeBody}
      {contents && <div className={styles.contents}>{contents}</div>}
      <div className={styles.body} data-post-body="">
        {children}
      </div>
      {afterBody}
    </article>
  );
}
