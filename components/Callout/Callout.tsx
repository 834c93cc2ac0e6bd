import type { ReactNode } from 'react';

/** GitHub's five alert types; a `> [!NOTE]` alert in Markdown is rendered as a Callout too. */
export type CalloutType = 'note' | 'tip' | 'important' | 'warning' | 'caution';

export interface CalloutProps {
  type?: CalloutType;
  /** Defaults to the type's name: "Note", "Tip", "Important", "Warning" or "Caution". */
  title?: string;
  children: ReactNode;
}

const defaultTitles: Record<CalloutType, string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };

/**
 * A highlighted aside in a post: `<Callout type="tip">Cache everything.</Callout>` in MDX,
 * `> [!TIP]` in Markdown. Styled by the body's stylesheet (components/MdxBody/MdxBody.module.css).
 */
export function Callout({ type = 'note', title, children }: CalloutProps) {
  const heading = title ?? defaultTitles[type];
  return (
    <aside className={`callout callout-${type}`} aria-label={heading}>
      <p className="callout-title">{heading}</p>
      <div className="callout-content">{children}</div>
    </aside>
  );
}
