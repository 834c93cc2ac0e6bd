import styles from './ContentErrorPanel.module.css';

export interface ContentErrorPanelProps {
  error: { file: string; line: number | null; field: string | null; message: string };
}

/**
 * In `npm run dev`, a broken post's page shows what is wrong and where, so the author sees
 * it in the browser. A production build fails on the same error instead.
 */
export function ContentErrorPanel({ error }: ContentErrorPanelProps) {
  return (
    <section className={styles.panel} role="alert" aria-labelledby="content-error-title">
      <h1 id="content-error-title" className={styles.title}>
        This post has an error
      </h1>
      <dl className={styles.details}>
        <dt>File</dt>
        <dd>
          <code>
            {error.file}
            {error.line ? `:${error.line}` : ''}
          </code>
        </dd>
        {error.field && (
          <>
            <dt>Field</dt>
            <dd>
              <code>{error.field}</code>
            </dd>
          </>
        )}
      </dl>
      <pre className={styles.message}>{error.message}</pre>
      <p>Fix the file and refresh: the production build (`npm run build`) fails until it is fixed.</p>
    </section>
  );
}
