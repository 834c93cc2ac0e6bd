// @ts-check
/**
 * Feeds (RSS 2.0, Atom, JSON Feed 1.1), the sitemap and robots.txt, written into `out/` by
 * the post-export step (scripts/finish-export.mjs). Their data is the build manifest that
 * `next build` wrote from the content index (lib/build-manifest.ts), and each post's content
 * is its exported page's body, so a feed shows exactly what the site shows. The XML files
 * are written with one XML writer (`xmlDocument`), which escapes every text and attribute
 * and keeps out the characters XML cannot hold, so they are well-formed whatever a post's
 * front matter or body holds. Plain JavaScript: the post-export step runs under plain Node,
 * with no TypeScript step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLBuilder } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { ROBOTS_PATH, SITEMAP_PATH } from '../routes/table.mjs';
import { prefixBasePath, stripBasePath } from '../routes/base-path.mjs';

/**
 * @typedef {import('../build/manifest').BuildManifest} BuildManifest
 * @typedef {import('../content/types').PostSummary} PostSummary
 * @typedef {import('../config/site').FeedLink} FeedLink
 * @typedef {import('hast').Element} Element
 * @typedef {import('hast').Properties} Properties
 */

/**
 * A post as the feeds carry it: its summary and its body as HTML with absolute URLs.
 * @typedef {{ post: PostSummary, url: string, contentHtml: string, imageUrl: string | null }} FeedEntry
 */

/** Attributes whose value is one URL. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'];

/** The calendar date as the start of that day in UTC, so no time zone moves it to another day. */
const startOfDay = (/** @type {string} */ date) => new Date(`${date}T00:00:00Z`);

/** The date of a post's last meaningful change. */
const lastChange = (/** @type {PostSummary} */ post) => post.updated ?? post.date;

/** The newest of `dates` (`YYYY-MM-DD` strings compare as dates), or null. */
const newest = (/** @type {string[]} */ dates) => dates.reduce((a, b) => (b > a ? b : a), '') || null;

/**
 * `url` made absolute against `base`; a value that is not a URL is kept as it is.
 * @param {string} url
 * @param {string} base
 */
function absolute(url, base) {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * The path of a site path's exported page in `outDir`. Page URLs may hold percent-encoded or
 * plain non-ASCII segments; the files are named with the decoded ones.
 * @param {string} outDir
 * @param {string} sitePath
 */
export const exportedPageFile = (outDir, sitePath) => path.join(outDir, ...decodeURIComponent(sitePath).split('/').filter(Boolean), 'index.html');

/**
 * The site path of `href`, one of the manifest's hrefs; an href outside the base path means
 * the manifest and the build disagree.
 * @param {BuildManifest} manifest
 * @param {string} href
 */
export function sitePathOf(manifest, href) {
  const sitePath = stripBasePath(manifest.basePath, href);
  if (sitePath === null) throw new Error(`${href} is not under the base path ${manifest.basePath} the site was built with`);
  return sitePath;
}

/**
 * The absolute URL of one of the site's own paths (under the base path).
 * @param {BuildManifest} manifest
 * @param {string} sitePath
 */
const siteUrlOf = (manifest, sitePath) => absolute(prefixBasePath(manifest.basePath, sitePath), manifest.site.url);

/**
 * Text as HTML, for RSS's description, which feed readers read as HTML: `<` and `&` escaped.
 * @param {string} text
 */
const textAsHtml = (text) => toHtml({ type: 'text', value: text });

/**
 * The characters XML 1.0 cannot hold, not even as character references: the C0 controls but
 * tab, line feed and carriage return, U+FFFE and U+FFFF, and lone surrogates.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * `text` with what XML 1.0 cannot hold taken out, as a page shows it: HTML reads a form feed
 * as a space, and shows none of the other characters.
 * @param {string} text
 */
export const xmlCharacters = (text) => text.replace(NOT_XML_CHAR, (char) => (char === '\f' ? ' ' : ''));

/** @param {string} _name @param {unknown} value */
const xmlValue = (_name, value) => (typeof value === 'string' ? xmlCharacters(value) : value);

/**
 * The XML writer of the feeds and the sitemap: elements are object keys, attributes `@_` keys,
 * text `#text`. It escapes `&`, `<`, `>` and quotes in every text and attribute, and every
 * value goes through `xmlCharacters` first. (`true` stays an attribute value, not HTML's bare
 * boolean attribute.)
 */
const xmlWriter = new XMLBuilder({
  ignoreAttributes: false,
  suppressBooleanAttributes: false,
  suppressEmptyNode: true,
  format: true,
  tagValueProcessor: xmlValue,
  attributeValueProcessor: xmlValue,
});

/**
 * An XML document of `root` (one element, as `xmlWriter` reads it), with its declaration.
 * @param {Record<string, unknown>} root
 */
const xmlDocument = (root) => xmlWriter.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, ...root });

/**
 * The body of an exported post page (its `[data-post-body]` element's content) as HTML for
 * a feed: links, images and media resolved against the page's absolute URL, so they work in
 * a feed reader, and React's `<!-- -->` text separators dropped. KaTeX's visual copy of each
 * formula (`.katex-html`, hidden from screen readers) is dropped too: without KaTeX's
 * stylesheet a feed reader would show every formula twice; the MathML stays.
 * @param {string} pageHtml the exported page
 * @param {string} pageUrl the page's absolute URL
 * @returns {string | null} null if the page has no post body
 */
export function postBodyHtml(pageHtml, pageUrl) {
  const body = select('[data-post-body]', fromHtml(pageHtml));
  if (!body) return null;
  const content = { type: /** @type {const} */ ('root'), children: body.children };
  visit(content, (node, index, parent) => {
    if (node.type === 'comment' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.type !== 'element') return;
    const classes = node.properties.className;
    if (Array.isArray(classes) && classes.includes('katex-html') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    /** @type {Properties} */
    const properties = node.properties;
    for (const name of URL_PROPERTIES) {
      const value = properties[name];
      if (typeof value === 'string') properties[name] = absolute(value, pageUrl);
    }
    // `srcset` is a comma-separated list of "<url> <descriptor>" candidates.
    if (typeof properties.srcSet === 'string') {
      properties.srcSet = properties.srcSet
        .split(',')
        .map((candidate) => candidate.trim().replace(/^\S+/, (url) => absolute(url, pageUrl)))
        .join(', ');
    }
  });
  return toHtml(content);
}

/**
 * The newest `feedSize` posts with their exported bodies. Pages (`template: "page"`) are
 * not in feeds, nor are drafts: a production build has none, but `npm run dev` writes its
 * manifest with them, and a feed written from that one must not publish them.
 * @param {BuildManifest} manifest
 * @param {string} outDir
 * @returns {FeedEntry[]}
 */
function feedEntries(manifest, outDir) {
  const siteUrl = manifest.site.url;
  const published = manifest.posts.filter((post) => !post.draft);
  return published.slice(0, manifest.site.feedSize).map((post) => {
    const url = absolute(post.url, siteUrl);
    const file = exportedPageFile(outDir, sitePathOf(manifest, post.url));
    if (!fs.existsSync(file)) throw new Error(`Cannot write the feeds: ${post.url} was not exported (no ${file})`);
    const contentHtml = postBodyHtml(fs.readFileSync(file, 'utf8'), url);
    if (contentHtml === null) throw new Error(`Cannot write the feeds: ${file} has no [data-post-body] element`);
    const image = post.socialImage ?? post.cover;
    return { post, url, contentHtml, imageUrl: image ? absolute(image, siteUrl) : null };
  });
}

/**
 * What every feed says of the site and of each entry, in the feed formats' terms: titles,
 * excerpts and names are plain text, `contentHtml` is HTML.
 * @param {BuildManifest} manifest
 * @param {FeedEntry[]} entries
 */
function feedData(manifest, entries) {
  const { site } = manifest;
  const newestChange = newest(entries.map(({ post }) => lastChange(post)));
  return {
    site,
    home: siteUrlOf(manifest, '/'),
    /** Each feed's own URL, by format. */
    self: Object.fromEntries(manifest.feeds.map((link) => [link.format, absolute(link.href, site.url)])),
    // The newest change, not the build time: rebuilding unchanged content changes no feed.
    updated: newestChange ? startOfDay(newestChange) : new Date(),
    entries: entries.map((entry) => ({
      ...entry,
      published: startOfDay(entry.post.date),
      updated: startOfDay(lastChange(entry.post)),
      /** The category, then the tags, each name once. */
      terms: [...new Set([...(entry.post.category ? [entry.post.category.name] : []), ...entry.post.tags.map((tag) => tag.name)])],
    })),
  };
}

/**
 * RSS 2.0. Titles are text; the description (the excerpt) and `content:encoded` are HTML, as
 * feed readers read them. RSS's `<author>` must be an e-mail address, so the author's name is
 * `dc:creator`.
 * @param {ReturnType<typeof feedData>} feed
 */
const rssFeed = ({ site, home, self, updated, entries }) =>
  xmlDocument({
    rss: {
      '@_version': '2.0',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      channel: {
        title: site.title,
        link: home,
        description: site.description,
        language: site.language,
        lastBuildDate: updated.toUTCString(),
        'atom:link': { '@_href': self.rss, '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: entries.map(({ post, url, contentHtml, published, terms }) => ({
          title: post.title,
          link: url,
          guid: { '@_isPermaLink': 'true', '#text': url },
          pubDate: published.toUTCString(),
          ...(post.excerpt && { description: textAsHtml(post.excerpt) }),
          'content:encoded': contentHtml,
          'dc:creator': site.author.name,
          category: terms,
        })),
      },
    },
  });

/**
 * Atom (RFC 4287). Titles, the subtitle and summaries are text, Atom's default; the content is HTML.
 * @param {ReturnType<typeof feedData>} feed
 */
const atomFeed = ({ site, home, self, updated, entries }) =>
  xmlDocument({
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': site.language,
      id: home,
      title: site.title,
      updated: updated.toISOString(),
      author: { name: site.author.name, uri: home },
      link: [
        { '@_rel': 'alternate', '@_href': home },
        { '@_rel': 'self', '@_href': self.atom },
      ],
      subtitle: site.description,
      entry: entries.map(({ post, url, contentHtml, published, updated: entryUpdated, terms }) => ({
        title: post.title,
        id: url,
        link: { '@_href': url },
        updated: entryUpdated.toISOString(),
        published: published.toISOString(),
        ...(post.excerpt && { summary: post.excerpt }),
        content: { '@_type': 'html', '#text': contentHtml },
        author: { name: site.author.name },
        category: terms.map((name) => ({ '@_term': name, '@_label': name })),
      })),
    },
  });

/**
 * JSON Feed 1.1: text fields as written, `content_html` as HTML, and each post's image.
 * @param {ReturnType<typeof feedData>} feed
 */
const jsonFeed = ({ site, home, self, entries }) =>
  `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: site.title,
      home_page_url: home,
      feed_url: self.json,
      description: site.description,
      language: site.language,
      authors: [{ name: site.author.name, url: home }],
      items: entries.map(({ post, url, contentHtml, imageUrl, published, updated, terms }) => ({
        id: url,
        url,
        title: post.title,
        content_html: contentHtml,
        ...(post.excerpt && { summary: post.excerpt }),
        ...(imageUrl && { image: imageUrl }),
        date_published: published.toISOString(),
        date_modified: updated.toISOString(),
        authors: [{ name: site.author.name }],
        ...(terms.length > 0 && { tags: terms }),
      })),
    },
    null,
    2,
  )}\n`;

/**
 * The three feeds of `entries`, by format.
 * @param {BuildManifest} manifest
 * @param {FeedEntry[]} entries
 * @returns {Record<FeedLink['format'], string>}
 */
function renderFeeds(manifest, entries) {
  const feed = feedData(manifest, entries);
  return { rss: rssFeed(feed), atom: atomFeed(feed), json: jsonFeed(feed) };
}

/**
 * The sitemap (sitemaps.org 0.9): every page the site generates, with the date it last changed.
 * @param {BuildManifest} manifest
 */
export const sitemapXml = (manifest) =>
  xmlDocument({
    urlset: {
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      url: manifest.routes.map(({ url, lastmod }) => ({ loc: absolute(url, manifest.site.url), ...(lastmod && { lastmod }) })),
    },
  });

/**
 * robots.txt: everything may be crawled, and the sitemap is here.
 * @param {BuildManifest} manifest
 */
export const robotsTxt = (manifest) => `User-agent: *\nAllow: /\n\nSitemap: ${siteUrlOf(manifest, SITEMAP_PATH)}\n`;

/**
 * Writes the feeds, `sitemap.xml` and `robots.txt` into `outDir`; returns the files' paths
 * relative to it.
 * @param {BuildManifest} manifest
 * @param {string} outDir
 */
export function writeFeedsAndSitemap(manifest, outDir) {
  const feeds = renderFeeds(manifest, feedEntries(manifest, outDir));
  /** @type {[string, string][]} */
  const files = [...manifest.feeds.map((link) => /** @type {[string, string]} */ ([sitePathOf(manifest, link.href), feeds[link.format]])), [SITEMAP_PATH, sitemapXml(manifest)], [ROBOTS_PATH, robotsTxt(manifest)]];
  for (const [href, contents] of files) fs.writeFileSync(path.join(outDir, href), contents);
  return files.map(([href]) => href.slice(1));
}
