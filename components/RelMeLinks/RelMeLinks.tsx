export interface RelMeLinksProps {
  links: readonly { label: string; href: string }[];
  /** What the list is, for screen readers: `Ada elsewhere`. */
  label: string;
  className?: string;
}

/**
 * Links to someone's pages elsewhere, each `rel="me"` (so a site such as Mastodon can verify
 * the link back): the footer's for the site's owner, the author profile's for each author.
 * Nothing when there are none.
 */
export function RelMeLinks({ links, label, className }: RelMeLinksProps) {
  if (links.length === 0) return null;
  return (
    <ul className={className} aria-label={label}>
      {links.map((link) => (
        <li key={link.href}>
          <a href={link.href} rel="me">
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
