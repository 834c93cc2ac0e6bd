import type { ComponentPropsWithoutRef } from 'react';
import { MDXRemote } from 'next-mdx-remote';
import type { CompiledBody } from '../../lib/markdown';
import { Callout } from '../Callout/Callout';
import { Figure } from '../Figure/Figure';
import styles from './MdxBody.module.css';

export interface MdxBodyProps {
  body: CompiledBody;
  /** The site's own origin: links elsewhere are marked external. */
  siteUrl: string;
}

type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** A heading with its `id` (from rehype-slug) and a `#` link to itself. */
function heading(level: HeadingLevel) {
  const Tag = `h${level}` as const;
  function Heading({ id, children, ...rest }: ComponentPropsWithoutRef<'h2'>) {
    return (
      <Tag id={id} {...rest}>
        {children}
        {id && (
          <a className={styles.anchor} href={`#${id}`} aria-label="Link to this section">
            #
          </a>
        )}
      </Tag>
    );
  }
  return Heading;
}

export const isExternalUrl = (href: string | undefined, siteUrl: string) =>
  !!href && /^https?:\/\//i.test(href) && new URL(href).origin !== new URL(siteUrl).origin;

/** The components every post can use, and the site's versions of Markdown's elements. */
export function mdxComponents(siteUrl: string) {
  return {
    // The post title is the page's one h1, so a `#` heading in a body becomes an h2.
    h1: heading(2),
    h2: heading(2),
    h3: heading(3),
    h4: heading(4),
    h5: heading(5),
    h6: heading(6),
    a({ href, children, ...rest }: ComponentPropsWithoutRef<'a'>) {
      if (!isExternalUrl(href, siteUrl)) return <a href={href} {...rest}>{children}</a>;
      return (
        <a href={href} className={styles.external} rel="external noopener" {...rest}>
          {children}
          <span className="visually-hidden"> (external link)</span>
        </a>
      );
    },
    img({ alt, ...rest }: ComponentPropsWithoutRef<'img'>) {
      return <img alt={alt ?? ''} loading="lazy" decoding="async" {...rest} />;
    },
    Callout,
    Figure,
  };
}

/** A post's compiled body, rendered to HTML at build time. */
export function MdxBody({ body, siteUrl }: MdxBodyProps) {
  return <MDXRemote compiledSource={body.compiledSource} scope={{}} frontmatter={{}} components={mdxComponents(siteUrl)} />;
}
