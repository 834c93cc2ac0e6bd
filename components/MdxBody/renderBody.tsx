import type { ComponentPropsWithoutRef } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Expression } from 'estree';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { MDXRemote } from 'next-mdx-remote';
import type { BodyContent } from '../../lib/markdown/compile';
import { Callout } from '../Callout/Callout';
import { Figure } from '../Figure/Figure';
import { YouTube } from '../YouTube/YouTube';

/**
 * Post bodies as HTML, rendered by the build before Next runs (lib/build/post-output.ts), with
 * the components every post can use. Nothing here imports a stylesheet: body elements carry
 * plain class names (`callout`, `anchored-heading`, `heading-anchor`, `code-block`…), which MdxBody.module.css
 * styles inside the body, so the HTML is the same whoever renders it.
 */

type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/**
 * A heading with its `id` (from rehype-slug), followed by a link to itself, as GitHub does: a
 * link around the heading's text would hold the author's own links, and a link inside a link
 * is not HTML (browsers split it, cutting both). The link is named by the heading
 * (`aria-labelledby`) and has no text of its own, so feeds and search read nothing extra; CSS
 * shows a "#" beside the heading on hover and on keyboard focus.
 */
function heading(level: HeadingLevel) {
  const Tag = `h${level}` as const;
  function Heading({ id, children, className, ...rest }: ComponentPropsWithoutRef<'h2'>) {
    const element = (
      <Tag id={id} className={className} {...rest}>
        {children}
      </Tag>
    );
    // GFM's footnotes heading is visually hidden; a link beside it would be an invisible tab stop.
    if (!id || className?.split(' ').includes('sr-only')) return element;
    return (
      <div className="anchored-heading">
        {element}
        <a className="heading-anchor" href={`#${id}`} aria-labelledby={id} />
      </div>
    );
  }
  return Heading;
}

/** True for http(s) links, protocol-relative ones included, to another origin than the site's. */
export function isExternalUrl(href: string | undefined, siteUrl: string): boolean {
  if (!href || !/^(https?:)?\/\//i.test(href)) return false;
  try {
    return new URL(href, siteUrl).origin !== new URL(siteUrl).origin;
  } catch {
    // A malformed URL is left as the author wrote it, unmarked; it must not break the page.
    return false;
  }
}

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
    a({ href, children, className, ...rest }: ComponentPropsWithoutRef<'a'>) {
      if (!isExternalUrl(href, siteUrl)) return <a href={href} className={className || undefined} {...rest}>{children}</a>;
      return (
        <a {...rest} href={href} className={[className, 'external-link'].filter(Boolean).join(' ')} rel="external noopener">
          {children}
          <span className="visually-hidden"> (external link)</span>
        </a>
      );
    },
    // A highlighted code block (rehype-pretty-code): its title, line numbers and highlighted lines are styled here.
    figure({ className, ...rest }: ComponentPropsWithoutRef<'figure'>) {
      const isCodeBlock = 'data-rehype-pretty-code-figure' in rest;
      return <figure className={[className, isCodeBlock && 'code-block'].filter(Boolean).join(' ') || undefined} {...rest} />;
    },
    Callout,
    Figure,
    YouTube,
  };
}

/**
 * Reads the expressions of an `.md` tree, which never runs code: lib/markdown/compile.ts writes only
 * component names (`<Callout>`) and literals (`<YouTube start={90}>`) there.
 */
function namesAndLiterals(components: Record<string, unknown>) {
  return {
    evaluateExpression(expression: Expression): unknown {
      if (expression.type === 'Literal') return expression.value;
      if (expression.type === 'Identifier' && Object.hasOwn(components, expression.name)) return components[expression.name];
      throw new Error(`An .md body holds only component names and literal values, not ${expression.type}`);
    },
    evaluateProgram(): never {
      throw new Error('An .md body holds no code');
    },
  };
}

/**
 * A compiled body as HTML, with the site's components. Run once per compile (the HTML is
 * cached with it, see lib/build/compile-cache.ts), so a rebuild renders no Markdown.
 */
export function renderBodyHtml(content: BodyContent, siteUrl: string): string {
  const components = mdxComponents(siteUrl);
  if (content.format === 'mdx') return renderToStaticMarkup(<MDXRemote compiledSource={content.compiledSource} scope={{}} frontmatter={{}} components={components} />);
  return renderToStaticMarkup(toJsxRuntime(content.tree, { Fragment, jsx, jsxs, components, createEvaluater: () => namesAndLiterals(components) }));
}
