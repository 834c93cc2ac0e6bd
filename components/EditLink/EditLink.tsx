import styles from './EditLink.module.css';

export interface EditLinkProps {
  /** Where the post's source file is edited in the repository. */
  href: string;
  /** What is edited: "post", or "page" for a `template: "page"` page. */
  what: 'post' | 'page';
}

/** A plain link, at the end of a post, to its source file in the repository (the `editUrl` setting). */
export function EditLink({ href, what }: EditLinkProps) {
  return (
    <p className={styles.edit}>
      <a href={href}>Edit this {what}</a>
    </p>
  );
}
