import { useId } from 'react';
import type { CommentsEmbed } from '../../lib/integrations/integrations';
import styles from './Comments.module.css';

export interface CommentsProps {
  comments: CommentsEmbed;
}

/**
 * A post's comments, loaded only when the reader asks: until the "Show comments" button is
 * clicked, nothing comes from the provider. The click is handled by the same-origin loader
 * script (`public/comments.js`, referenced here, so only pages with comments load it),
 * which reads the provider's settings from `data-comments`. With JavaScript off the button
 * is hidden (CSS `scripting: none`) and the link to the discussion on GitHub remains.
 */
export function Comments({ comments }: CommentsProps) {
  const headingId = useId();
  const { provider, scriptSrc, attributes, themeAttribute, themes, discussionUrl, discussionName, loaderSrc } = comments;
  const providerHost = new URL(scriptSrc).host;
  return (
    <section className={styles.comments} aria-labelledby={headingId} data-comments={JSON.stringify({ scriptSrc, attributes, themeAttribute, themes })}>
      {/* Focused by the loader once the button is gone, so keyboard focus is not lost. */}
      <h2 id={headingId} className={styles.heading} tabIndex={-1}>
        Comments
      </h2>
      <p className={styles.discussion}>
        The discussion of this post is on <a href={discussionUrl}>{discussionName}</a>.
      </p>
      <div className={styles.onRequest}>
        <button type="button" className={styles.show} data-comments-show>
          Show comments
        </button>
        <p className={styles.privacy}>
          Showing them loads {provider} from {providerHost}, which lets it and GitHub see this visit.
        </p>
      </div>
      <div className={styles.thread} data-comments-thread />
      <script src={loaderSrc} defer />
    </section>
  );
}
