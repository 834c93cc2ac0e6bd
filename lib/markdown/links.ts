/**
 * What the link check of the prepare step (lib/content/links.ts) needs of a body, collected as
 * it compiles, when lines are still known: each URL that points into the site, as the page
 * will have it, and every id a `#fragment` can name.
 */
import type { Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';
import type { BodyLink } from '../content/links';
import { pointsIntoSite } from '../routes/urls';
import { replaceUrls, urlHolder } from './urls';

/** What `rehypeCollectLinks` fills in. */
export interface CollectedLinks {
  /** Each URL of the body that points into the site, with its line in the body. */
  links: BodyLink[];
  /** Every id of the body's elements (heading ids, footnotes', an author's `id`), and every `<a name>`, which a fragment finds too. */
  ids: string[];
}

/**
 * Collects the links and ids of the body as its page has them, so it runs last: after the
 * sanitizer prefixed an author's ids (and pointed `#x` at `#user-content-x`, see
 * lib/markdown/sanitize.ts), rehype-slug gave headings theirs, and rehypeSiteUrls made
 * relative and root-relative URLs what the page links to. URLs on other sites are left out.
 * In `.mdx`, an element's `id` and `name` written as a string count; one written as an
 * expression is known only when the page renders.
 */
export function rehypeCollectLinks(options: CollectedLinks & { siteUrl: string }) {
  const { links, ids, siteUrl } = options;
  return (tree: HastRoot) => {
    replaceUrls(tree, (url, place) => {
      if (pointsIntoSite(url, siteUrl)) links.push({ url, line: place.line, what: urlHolder(place) });
      return url;
    });
    visit(tree, (node) => {
      if (node.type === 'element') {
        const { id, name } = node.properties;
        if (typeof id === 'string') ids.push(id);
        if (node.tagName === 'a' && typeof name === 'string') ids.push(name);
      } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attribute of node.attributes) {
          if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
          if (attribute.name === 'id' || (attribute.name === 'name' && node.name === 'a')) ids.push(attribute.value);
        }
      }
    });
  };
}
