import { useId } from 'react';
import { ENGLISH, type Dictionary } from '../../lib/config/dictionaries';
import { FilledIn } from '../FilledIn/FilledIn';
import type { PostSeries } from '../../lib/page-props/types';
import styles from './SeriesNav.module.css';

export interface SeriesNavProps {
  series: PostSeries;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

/**
 * "Part 2 of 4 in the series …", linking the series' page, then every part in order: each a
 * link but the post being read, which is marked `aria-current` instead.
 */
export function SeriesNav({ series, text = ENGLISH }: SeriesNavProps) {
  // A generated id cannot clash with the heading ids of the body, which are slugs.
  const labelId = useId();
  const { name, url, parts, current } = series;
  return (
    <nav className={styles.series} aria-labelledby={labelId}>
      <p id={labelId} className={styles.label}>
        <FilledIn text={text.seriesPart} values={{ part: current + 1, parts: parts.length, name: <a href={url}>{name}</a> }} />
      </p>
      <ol className={styles.parts}>
        {parts.map((part, position) => (
          <li key={part.url}>
            {position === current ? (
              <span aria-current="page" className={styles.current}>
                {part.title}
              </span>
            ) : (
              <a href={part.url}>{part.title}</a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
