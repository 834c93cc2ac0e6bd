// @ts-check
/**
 * Feeds (RSS 2.0, Atom, JSON Feed 1.1), the sitemap and robots.txt, written into `out/` by
 * the post-export step (scripts/finish-export.mjs). Their data is the build manifest that
 * `next build` wrote from the content index (lib/build-manifest.ts), and each post's content
 * is its exported page's body, so a feed shows exactly what the site shows. Plain
 * JavaScript: the post-export step runs under plain Node, with no TypeScript step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Feed } from 'feed';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { ROBOTS_PATH, SITEMAP_PATH } from './reserved-paths.mjs';
import { prefixBasePath, stripBasePath } from './site-paths.mjs';

/**
 * @typedef {import('./build-manifest').BuildManifest} BuildManifest
 * @typedef {import('./content').PostSummary} PostSummary
 * @typedef {import('./site').FeedLink} FeedLink
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
 * Text as HTML, for the feed fields that are HTML: `<` and `&` escaped, and `>` too, so that
 * no `]]>` ends the CDATA section the feed library wraps them in.
 * @param {string} text
 */
const textAsHtml = (text) => toHtml({ type: 'text', value: text }).replaceAll('>', '&gt;');

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
  // `>` in text is plain `>` in HTML; as `&gt;` it cannot close the feed library's CDATA.
  return toHtml(content).replaceAll(']]>', ']]&gt;');
}

/**
 * The newest `feedSize` posts with their exported bodies. Pages (`template: "page"`) are
 * not in feeds; drafts are not in a production build at all.
 * @param {BuildManifest} manifest
 * @param {string} outDir
 * @returns {FeedEntry[]}
 */
function feedEntries(manifest, outDir) {
  const siteUrl = manifest.site.url;
  return manifest.posts.slice(0, manifest.site.feedSize).map((post) => {
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
 * One feed of `entries`. Titles and summaries are plain text; each format says which of
 * its fields are HTML, and those get the text escaped.
 * @param {BuildManifest} manifest
 * @param {FeedEntry[]} entries
 * @param {FeedLink['format']} format
 */
function feedOf(manifest, entries, format) {
  const { site } = manifest;
  const home = siteUrlOf(manifest, '/');
  const updated = newest(entries.map(({ post }) => lastChange(post)));
  const feed = new Feed({
    id: home,
    link: home,
    title: site.title,
    description: site.description,
    language: site.language,
    // The newest change, not the build time: rebuilding unchanged content changes no feed.
    updated: updated ? startOfDay(updated) : undefined,
    author: { name: site.author.name, link: home },
    feedLinks: Object.fromEntries(manifest.feeds.map((link) => [link.format, absolute(link.href, site.url)])),
  });
  for (const { post, url, contentHtml } of entries) {
    const terms = [...new Set([...(post.category ? [post.category.name] : []), ...post.tags.map((tag) => tag.name)])];
    feed.addItem({
      // Atom's title is `type="html"`; RSS's and JSON Feed's are text. The library writes RSS's
      // in a CDATA section and escapes only the first `]]>` in it, so RSS gets its title as an
      // escaped text element instead (below).
      title: format === 'atom' ? textAsHtml(post.title) : format === 'json' ? post.title : '',
      id: url,
      link: url,
      // The feed library writes `date` as Atom's `updated` and JSON Feed's `date_modified`,
      // and `published` as RSS's `pubDate`, Atom's `published` and JSON Feed's `date_published`.
      date: startOfDay(lastChange(post)),
      published: startOfDay(post.date),
      // RSS's description and Atom's summary are HTML; JSON Feed's summary is text.
      description: post.excerpt ? (format === 'json' ? post.excerpt : textAsHtml(post.excerpt)) : undefined,
      content: contentHtml,
      // RSS's `<author>` must be an e-mail address; its name goes in `dc:creator` instead.
      ...(format === 'rss'
        ? { extensions: [{ name: 'title', objects: { _text: post.title } }, { name: 'dc:creator', objects: { _text: site.author.name } }] }
        : { author: [{ name: site.author.name }] }),
      category: terms.map((name) => ({ name, term: name })),
    });
  }
  return feed;
}

/**
 * JSON Feed 1.1 from the feed library's JSON Feed 1.0: the version, `authors` lists in place
 * of the deprecated `author`, the site's language, and each post's image.
 * @param {Feed} feed
 * @param {FeedEntry[]} entries
 * @param {string} language
 */
function jsonFeed11(feed, entries, language) {
  const { author, items, ...rest } = JSON.parse(feed.json1());
  /** @param {Record<string, unknown>} item @param {number} i */
  const toItem = ({ author: itemAuthor, ...item }, i) => ({
    ...item,
    ...(itemAuthor ? { authors: [itemAuthor] } : {}),
    ...(entries[i].imageUrl ? { image: entries[i].imageUrl } : {}),
  });
  return `${JSON.stringify({ ...rest, version: 'https://jsonfeed.org/version/1.1', language, ...(author ? { authors: [author] } : {}), items: items.map(toItem) }, null, 2)}\n`;
}

/**
 * The three feeds of `entries`, by format.
 * @param {BuildManifest} manifest
 * @param {FeedEntry[]} entries
 * @returns {Record<FeedLink['format'], string>}
 */
function renderFeeds(manifest, entries) {
  return {
    rss: feedOf(manifest, entries, 'rss').rss2(),
    atom: feedOf(manifest, entries, 'atom').atom1(),
    json: jsonFeed11(feedOf(manifest, entries, 'json'), entries, manifest.site.language),
  };
}

/** The entities sitemaps.org asks URLs to be escaped with. */
const XML_ENTITIES = { '&': '&amp;', "'": '&apos;', '"': '&quot;', '>': '&gt;', '<': '&lt;' };

/** @param {string} text */
const escapeXml = (text) => text.replace(/[&'"<>]/g, (char) => XML_ENTITIES[/** @type {keyof typeof XML_ENTITIES} */ (char)]);

/**
 * The sitemap (sitemaps.org 0.9): every page the site generates, with the date it last changed.
 * @param {BuildManifest} manifest
 */
export function sitemapXml(manifest) {
  const urls = manifest.routes.map(({ url, lastmod }) => {
    const lastmodTag = lastmod ? `<lastmod>${lastmod}</lastmod>` : '';
    return `  <url><loc>${escapeXml(absolute(url, manifest.site.url))}</loc>${lastmodTag}</url>`;
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

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
