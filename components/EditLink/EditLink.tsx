import { ENGLISH, type Dictionary } from '../../lib/config/dictionaries';
import styles from './EditLink.module.css';

export interface EditLinkProps {
  /** Where the post's source file is edited in the repository. */
  href: string;
  /** What is edited: "post", or "page" for a `template: "page"` page. */
  what: 'post' | 'page';
  /** The interface text of the page's language (lib/config/dictionaries.ts); English when not given. */
  text?: Dictionary;
}

/** A plain link, at the end of a post, to its source file in the repository (the `editUrl` setting). */
export function EditLink({ href, what, text = ENGLISH }: EditLinkProps) {
  return (
    <p className={styles.edit}>
      <a href={href}>{what === 'post' ? text.editPost : text.editPage}</a>
    </p>
  );
}
