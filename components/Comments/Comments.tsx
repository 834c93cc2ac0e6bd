import { useId } from 'react';
import { ENGLISH, fillIn, type Dictionary } from '../../lib/config/dictionaries';
import { FilledIn } from '../FilledIn/FilledIn';
import type { CommentsEmbed } from '../../lib/integrations/integrations';
import styles from './Comments.module.css';

export interface CommentsProps {
  comments: CommentsEmbed;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

/**
 * A post's comments, loaded only when the reader asks: until the "Show comments" button is
 * clicked, nothing comes from the provider. The click is handled by the same-origin loader
 * script (`public/comments.js`, referenced here, so only pages with comments load it),
 * which reads the provider's settings from `data-comments`. With JavaScript off the button
 * is hidden (CSS `scripting: none`) and the link to the discussion on GitHub remains.
 */
export function Comments({ comments, text = ENGLISH }: CommentsProps) {
  const headingId = useId();
  const { provider, scriptSrc, attributes, themeAttribute, themes, discussionUrl, discussionName, loaderSrc } = comments;
  const providerHost = new URL(scriptSrc).host;
  return (
    <section className={styles.comments} aria-labelledby={headingId} data-comments={JSON.stringify({ scriptSrc, attributes, themeAttribute, themes })}>
      {/* Focused by the loader once the button is gone, so keyboard focus is not lost. */}
      <h2 id={headingId} className={styles.heading} tabIndex={-1}>
        {text.comments}
      </h2>
      <p className={styles.discussion}>
        <FilledIn text={text.commentsDiscussion} values={{ link: <a href={discussionUrl}>{discussionName}</a> }} />
      </p>
      <div className={styles.onRequest}>
        <button type="button" className={styles.show} data-comments-show>
          {text.showComments}
        </button>
        <p className={styles.privacy}>
          {fillIn(text.commentsPrivacy, { provider, host: providerHost })}
        </p>
      </div>
      <div className={styles.thread} data-comments-thread />
      <script src={loaderSrc} defer />
    </section>
  );
}
