import { ENGLISH, type Dictionary } from '../../lib/config/dictionaries';
import { useId } from 'react';
import type { TocEntry } from '../../lib/page-props/types';
import styles from './TableOfContents.module.css';

export interface TableOfContentsProps {
  entries: TocEntry[];
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

function Entries({ entries }: TableOfContentsProps) {
  return (
    <ol className={styles.list}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <a href={`#${entry.id}`}>{entry.text}</a>
          {entry.children.length > 0 && <Entries entries={entry.children} />}
        </li>
      ))}
    </ol>
  );
}

/** Links to the sections of a post, h3s nested under their h2; nothing when there are no entries. */
export function TableOfContents({ entries, text = ENGLISH }: TableOfContentsProps) {
  // A generated id cannot clash with the heading ids of the body, which are slugs.
  const headingId = useId();
  if (entries.length === 0) return null;
  return (
    <nav className={styles.toc} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {text.contents}
      </h2>
      <Entries entries={entries} />
    </nav>
  );
}
