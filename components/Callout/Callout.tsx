import type { ReactNode } from 'react';
import styles from './Callout.module.css';

export type CalloutType = 'note' | 'tip' | 'warning';

export interface CalloutProps {
  type?: CalloutType;
  /** Defaults to the type's name: "Note", "Tip" or "Warning". */
  title?: string;
  children: ReactNode;
}

const defaultTitles: Record<CalloutType, string> = { note: 'Note', tip: 'Tip', warning: 'Warning' };

/** A highlighted aside in an MDX post: `<Callout type="tip">Cache everything.</Callout>`. */
export function Callout({ type = 'note', title, children }: CalloutProps) {
  const heading = title ?? defaultTitles[type];
  return (
    <aside className={`${styles.callout} ${styles[type]}`} aria-label={heading}>
      <p className={styles.title}>{heading}</p>
      <div className={styles.content}>{children}</div>
    </aside>
  );
}
