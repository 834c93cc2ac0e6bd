import type { ReactNode } from 'react';
import styles from './Callout.module.css';

/** GitHub's five alert types; a `> [!NOTE]` alert in Markdown is rendered as a Callout too. */
export type CalloutType = 'note' | 'tip' | 'important' | 'warning' | 'caution';

export interface CalloutProps {
  type?: CalloutType;
  /** Defaults to the type's name: "Note", "Tip", "Important", "Warning" or "Caution". */
  title?: string;
  children: ReactNode;
}

const defaultTitles: Record<CalloutType, string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };

/** A highlighted aside in a post: `<Callout type="tip">Cache everything.</Callout>` in MDX, `> [!TIP]` in Markdown. */
export function Callout({ type = 'note', title, children }: CalloutProps) {
  const heading = title ?? defaultTitles[type];
  return (
    <aside className={`${styles.callout} ${styles[type]}`} aria-label={heading}>
      <p className={styles.title}>{heading}</p>
      <div className={styles.content}>{children}</div>
    </aside>
  );
}
