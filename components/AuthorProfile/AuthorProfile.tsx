import { ENGLISH, fillIn, plural, type Dictionary } from '../../lib/config/dictionaries';
import type { AuthorProps } from '../../lib/page-props/types';
import styles from './AuthorProfile.module.css';
import { RelMeLinks } from '../RelMeLinks/RelMeLinks';

export interface AuthorProfileProps {
  author: AuthorProps;
  /** Shown after the bio: the author's number of posts, on the authors' index. */
  count?: number;
  /** The locale the count is written in (its plural form, its digits). */
  locale?: string;
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

/**
 * One author: their avatar (as the image pipeline made it), their name (a link to their page
 * on a site with more than one author), their bio and their links elsewhere.
 */
export function AuthorProfile({ author, count, locale = 'en', text = ENGLISH }: AuthorProfileProps) {
  const { avatar } = author;
  return (
    <div className={styles.profile}>
      {avatar && (
        <picture className={styles.avatar}>
          {avatar.sources.map((source) => (
            <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={`${avatar.width}px`} />
          ))}
          {/* The name beside it says who it is. */}
          <img src={avatar.src} srcSet={avatar.srcSet} sizes={`${avatar.width}px`} width={avatar.width} height={avatar.height} alt="" loading="lazy" decoding="async" />
        </picture>
      )}
      <div>
        <p className={styles.name}>{author.url ? <a href={author.url}>{author.name}</a> : author.name}</p>
        <p className={styles.bio}>{author.bio}</p>
        {count !== undefined && <p className={styles.count}>{plural(text.postCount, count, locale)}</p>}
        <RelMeLinks links={author.links} label={fillIn(text.authorElsewhere, { name: author.name })} className={styles.links} />
      </div>
    </div>
  );
}
