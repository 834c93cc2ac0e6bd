/**
 * Feeds (RSS 2.0, Atom, JSON Feed 1.1), the site's and each tag's and category's (the
 * manifest's `termFeeds`, under `/feeds/`), their XSL stylesheet (lib/export/feed-stylesheet.ts,
 * which RSS and Atom name, so a browser shows them as a page), the sitemap and robots.txt,
 * written into `out/` by the post-export step (lib/export/finish.ts). Their data is the build
 * manifest that the prepare step wrote from the content index (lib/build/manifest.ts), and
 * each post's content is its exported page's body (lib/export/exported-pages.ts), so a feed
 * shows exactly what the site shows. The XML files are written with one XML writer
 * (`xmlDocument`), which escapes every text and attribute and keeps out the characters XML
 * cannot hold, so they are well-formed whatever a post's front matter or body holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLBuilder } from 'fast-xml-parser';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { select } from 'hast-util-select';
import { visit } from 'unist-util-visit';
import type { BuildManifest } from './manifest-file';
import type { FeedLink, FeedChannel } from '../config/site';
import { lastChange, newestChange } from '../content/dates';
import type { AuthorRef, PostSummary } from '../content/types';
import { FEED_STYLESHEET_PATH, inLanguage, ROBOTS_PATH, SITEMAP_PATH } from '../routes/table';
import { prefixBasePath } from '../routes/base-path';
import { replaceSrcSetUrls } from '../routes/urls';
import { exportedFile, openPageCache, pageCacheFile, pageCodeVersion, POST_BODY_SELECTOR, postBodyOf, readExportedPost, requirePostBody, sitePathOf } from './exported-pages';
import { FEED_STYLESHEET } from './feed-stylesheet';

export { exportedPageFile, sitePathOf } from './exported-pages';

/** A post as the feeds carry it: its summary and its body as HTML with absolute URLs. */
interface FeedEntry {
  post: PostSummary;
  url: string;
  contentHtml: string;
  imageUrl: string | null;
}

/** Attributes whose value is one URL. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'];

/** The calendar date as the start of that day in UTC, so no time zone moves it to another day. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** `url` made absolute against `base`; a value that is not a URL is kept as it is. */
function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** The absolute URL of one of the site's own paths (under the base path). */
const siteUrlOf = (manifest: BuildManifest, sitePath: string) => absolute(prefixBasePath(manifest.basePath, sitePath), manifest.site.url);

/**
 * Text as HTML, for RSS's description, which feed readers read as HTML: `<` and `&` escaped.
 */
const textAsHtml = (text: string) => toHtml({ type: 'text', value: text });

/**
 * The characters XML 1.0 cannot hold, not even as character references: the C0 controls but
 * tab, line feed and carriage return, U+FFFE and U+FFFF, and lone surrogates.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * `text` with what XML 1.0 cannot hold taken out, as a page shows it: HTML reads a form feed
 * as a space, and shows none of the other characters.
 */
export const xmlCharacters = (text: string): string => text.replace(NOT_XML_CHAR, (char) => (char === '\f' ? ' ' : ''));

const xmlValue = (_name: string, value: unknown) => (typeof value === 'string' ? xmlCharacters(value) : value);

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
 * An XML document of `root` (one element, as `xmlWriter` reads it), with its declaration and,
 * when given, the `stylesheet` (an href) that browsers render it with.
 */
const xmlDocument = (root: Record<string, unknown>, { stylesheet }: { stylesheet?: string } = {}): string =>
  xmlWriter.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, ...(stylesheet && { '?xml-stylesheet': { '@_type': 'text/xsl', '@_href': stylesheet } }), ...root });

/**
 * The body of an exported post page (its `[data-post-body]` element's content) as HTML for
 * a feed: links, images and media resolved against the page's absolute URL, so they work in
 * a feed reader, and React's `<!-- -->` text separators dropped. KaTeX's visual copy of each
 * formula (`.katex-html`, hidden from screen readers) is dropped too: without KaTeX's
 * stylesheet a feed reader would show every formula twice; the MathML stays. So is a script
 * (the copy script that follows a body with code), and a zoomable image is its picture alone,
 * without its buttons and overlay. Null if the
 * exported page `pageHtml` has no post body; `pageUrl` is its absolute URL.
 */
export function postBodyHtml(pageHtml: string, pageUrl: string): string | null {
  const body = postBodyOf(pageHtml);
  return body && bodyHtml(body, pageUrl);
}

/** A post body (`postBodyHtml`) as HTML for a feed. */
function bodyHtml(body: Element, pageUrl: string): string {
  const content: Root = { type: 'root', children: body.children };
  visit(content, (node, index, parent) => {
    if (node.type === 'comment' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.type !== 'element') return;
    const classes = node.properties.className;
    // A zoomable image (lib/images/body-images.ts) is its picture alone: a feed reader has no popovers, and would show it twice.
    if (Array.isArray(classes) && classes.includes('image-zoom') && parent && index !== undefined) {
      const picture = select('.image-zoom-open > picture', node);
      if (picture) parent.children.splice(index, 1, picture);
      return index;
    }
    // A page's inline script (the copy buttons of code blocks) is for the page, never a feed.
    if ((node.tagName === 'script' || (Array.isArray(classes) && classes.includes('katex-html'))) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    const { properties } = node;
    for (const name of URL_PROPERTIES) {
      const value = properties[name];
      if (typeof value === 'string') properties[name] = absolute(value, pageUrl);
    }
    if (typeof properties.srcSet === 'string') properties.srcSet = replaceSrcSetUrls(properties.srcSet, (url) => absolute(url, pageUrl));
  });
  return toHtml(content);
}

/** Where a build keeps its feed bodies (`openPageCache`). */
export const feedBodyCacheFile = (outDir: string): string => pageCacheFile(outDir, 'feed-bodies.json');

/** The version of the feed bodies: the code that makes one from a page, and the packages it runs. */
const feedBodyVersion = () => pageCodeVersion([postBodyOf, bodyHtml, absolute, replaceSrcSetUrls, POST_BODY_SELECTOR, URL_PROPERTIES], ['parse5', 'hast-util-from-parse5', 'hast-util-select', 'hast-util-to-html', 'unist-util-visit']);

/** A post's feed body by its absolute URL, from its exported page or from the last build's (`openPageCache`). */
type FeedBodies = ReturnType<typeof openPageCache<string>>;

/**
 * The feed entry of a post, with its exported body, made once per post however many feeds
 * (the site's, its tags' and its category's) carry it.
 */
function feedEntryMaker(manifest: BuildManifest, outDir: string, bodies: FeedBodies): (post: PostSummary) => FeedEntry {
  const made = new Map<string, FeedEntry>();
  const siteUrl = manifest.site.url;
  return (post) => {
    let entry = made.get(post.url);
    if (!entry) {
      const url = absolute(post.url, siteUrl);
      const contentHtml = bodies.valueOf(url, readExportedPost(manifest, outDir, post.url, 'the feeds'));
      const image = post.socialImage ?? post.cover;
      entry = { post, url, contentHtml, imageUrl: image ? absolute(image, siteUrl) : null };
      made.set(post.url, entry);
    }
    return entry;
  };
}

/**
 * `posts` but drafts and scheduled posts: a production build has none, but `npm run dev`
 * writes its manifest with them, and nothing written from that one may publish them. (Feeds
 * carry posts alone, never pages, `template: "page"`.)
 */
export const publishedPosts = (posts: PostSummary[]) => posts.filter((post) => !post.draft && !post.scheduled);

/** Whether `post` is in the list of the tag or category whose page is at `listUrl`. */
const isListedAt = (post: PostSummary, listUrl: string) => post.category?.url === listUrl || post.tags.some((tag) => tag.url === listUrl);

/**
 * The site's own feeds in each language, of that language's posts: the default language's at
 * the root (`/rss.xml`), each other's under its code (`/fr/rss.xml`).
 */
function siteChannels(manifest: BuildManifest): FeedChannel[] {
  return manifest.site.languages.map(({ code }) => {
    const inCode = (sitePath: string) => prefixBasePath(manifest.basePath, inLanguage(code === manifest.site.language ? null : code, sitePath));
    const feeds = manifest.feeds.map((link) => ({ ...link, href: inCode(sitePathOf(manifest, link.href)) }));
    return { url: inCode('/'), lang: code, title: manifest.site.title, description: manifest.site.description, feeds };
  });
}

/**
 * What every feed says of the site and of each entry, in the feed formats' terms: titles,
 * excerpts and names are plain text, `contentHtml` is HTML.
 */
function feedData(manifest: BuildManifest, channel: FeedChannel, entries: FeedEntry[]) {
  const site = { ...manifest.site, language: channel.lang };
  const newest = newestChange(entries.map(({ post }) => post));
  const home = siteUrlOf(manifest, '/');
  /** An author as a feed names them: their page's absolute URL, or the home page's on a site with one author. */
  const person = ({ name, url }: AuthorRef) => ({ name, url: url ? absolute(url, site.url) : home });
  return {
    site,
    title: channel.title,
    description: channel.description,
    home,
    /** The page that lists the feed's posts: a language's home page, or a tag's or category's. */
    list: absolute(channel.url, site.url),
    /** The site's first author, who speaks for the feed as a whole. */
    owner: person(manifest.authors[0]),
    /** Each feed's own URL, by format. */
    self: Object.fromEntries(channel.feeds.map((link) => [link.format, absolute(link.href, site.url)])) as Partial<Record<FeedLink['format'], string>>,
    /** The XSL stylesheet a browser shows the RSS and Atom feeds with. */
    stylesheet: prefixBasePath(manifest.basePath, FEED_STYLESHEET_PATH),
    // The newest change, not the build time: rebuilding unchanged content changes no feed.
    updated: newest ? startOfDay(newest) : new Date(),
    entries: entries.map((entry) => ({
      ...entry,
      published: startOfDay(entry.post.date),
      updated: startOfDay(lastChange(entry.post)),
      /** The category, then the tags, each name once. */
      terms: [...new Set([...(entry.post.category ? [entry.post.category.name] : []), ...entry.post.tags.map((tag) => tag.name)])],
      authors: entry.post.authors.map(person),
    })),
  };
}

type FeedData = ReturnType<typeof feedData>;

/**
 * RSS 2.0. Titles are text; the description (the excerpt) and `content:encoded` are HTML, as
 * feed readers read them. RSS's `<author>` must be an e-mail address, so each author's name is
 * a `dc:creator` of its own.
 */
const rssFeed = ({ site, title, description, list, self, stylesheet, updated, entries }: FeedData) =>
  xmlDocument(
    {
      rss: {
        '@_version': '2.0',
        '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
        '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
        channel: {
          title,
          link: list,
          description,
          language: site.language,
          lastBuildDate: updated.toUTCString(),
          'atom:link': { '@_href': self.rss, '@_rel': 'self', '@_type': 'application/rss+xml' },
          item: entries.map(({ post, url, contentHtml, published, terms, authors }) => ({
            title: post.title,
            link: url,
            guid: { '@_isPermaLink': 'true', '#text': url },
            pubDate: published.toUTCString(),
            ...(post.excerpt && { description: textAsHtml(post.excerpt) }),
            'content:encoded': contentHtml,
            'dc:creator': authors.map((author) => author.name),
            category: terms,
          })),
        },
      },
    },
    { stylesheet },
  );

/**
 * Atom (RFC 4287). Titles, the subtitle and summaries are text, Atom's default; the content is HTML.
 */
const atomFeed = ({ site, title, description, owner, list, self, stylesheet, updated, entries }: FeedData) =>
  xmlDocument(
    {
      feed: {
        '@_xmlns': 'http://www.w3.org/2005/Atom',
        '@_xml:lang': site.language,
        id: list,
        title,
        updated: updated.toISOString(),
        author: { name: owner.name, uri: owner.url },
        link: [
          { '@_rel': 'alternate', '@_href': list },
          { '@_rel': 'self', '@_href': self.atom },
        ],
        subtitle: description,
        entry: entries.map(({ post, url, contentHtml, published, updated: entryUpdated, terms, authors }) => ({
          title: post.title,
          id: url,
          link: { '@_href': url },
          updated: entryUpdated.toISOString(),
          published: published.toISOString(),
          ...(post.excerpt && { summary: post.excerpt }),
          content: { '@_type': 'html', '#text': contentHtml },
          author: authors.map((author) => ({ name: author.name, uri: author.url })),
          category: terms.map((name) => ({ '@_term': name, '@_label': name })),
        })),
      },
    },
    { stylesheet },
  );

/**
 * JSON Feed 1.1: text fields as written, `content_html` as HTML, and each post's image.
 */
const jsonFeed = ({ site, title, description, list, self, owner, entries }: FeedData) =>
  `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title,
      home_page_url: list,
      feed_url: self.json,
      description,
      language: site.language,
      authors: [owner],
      items: entries.map(({ post, url, contentHtml, imageUrl, published, updated, terms, authors }) => ({
        id: url,
        url,
        title: post.title,
        content_html: contentHtml,
        ...(post.excerpt && { summary: post.excerpt }),
        ...(imageUrl && { image: imageUrl }),
        date_published: published.toISOString(),
        date_modified: updated.toISOString(),
        authors,
        ...(terms.length > 0 && { tags: terms }),
      })),
    },
    null,
    2,
  )}\n`;

/**
 * The three feeds of `channel` with `entries`, each with the path it is written at.
 */
function renderFeeds(manifest: BuildManifest, channel: FeedChannel, entries: FeedEntry[]): [string, string][] {
  const feed = feedData(manifest, channel, entries);
  const documents: Record<FeedLink['format'], string> = { rss: rssFeed(feed), atom: atomFeed(feed), json: jsonFeed(feed) };
  return channel.feeds.map((link) => [sitePathOf(manifest, link.href), documents[link.format]]);
}

/**
 * Every feed, each with its site path: each language's (of its newest `feedSize` posts), then
 * each tag's and category's (the manifest's `termFeeds`), of the newest `feedSize` posts it lists.
 */
function allFeeds(manifest: BuildManifest, outDir: string, bodies: FeedBodies): [string, string][] {
  const entryOf = feedEntryMaker(manifest, outDir, bodies);
  const posts = publishedPosts(manifest.posts);
  const newest = (listed: PostSummary[]) => listed.slice(0, manifest.site.feedSize).map(entryOf);
  return [
    ...siteChannels(manifest).flatMap((channel) => renderFeeds(manifest, channel, newest(posts.filter((post) => post.lang === channel.lang)))),
    ...manifest.termFeeds.flatMap((channel) => renderFeeds(manifest, channel, newest(posts.filter((post) => isListedAt(post, channel.url))))),
  ];
}

/**
 * The sitemap (sitemaps.org 0.9): every page the site generates, with the date it last changed,
 * and on a site of several languages, each page's translations as `xhtml:link` alternates
 * (the default language's as `x-default`), as search engines read them.
 */
export const sitemapXml = (manifest: BuildManifest): string => {
  const multilingual = manifest.routes.some((route) => route.alternates);
  const defaultLanguage = manifest.site.language;
  const links = (alternates: Record<string, string>) =>
    [...Object.entries(alternates), ...(alternates[defaultLanguage] ? [['x-default', alternates[defaultLanguage]]] : [])].map(([lang, href]) => ({
      '@_rel': 'alternate',
      '@_hreflang': lang,
      '@_href': absolute(href, manifest.site.url),
    }));
  return xmlDocument({
    urlset: {
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      ...(multilingual && { '@_xmlns:xhtml': 'http://www.w3.org/1999/xhtml' }),
      url: manifest.routes.map(({ url, lastmod, alternates }) => ({ loc: absolute(url, manifest.site.url), ...(lastmod && { lastmod }), ...(alternates && { 'xhtml:link': links(alternates) }) })),
    },
  });
};

/**
 * robots.txt: everything may be crawled, and the sitemap is here.
 */
export const robotsTxt = (manifest: BuildManifest): string => `User-agent: *\nAllow: /\n\nSitemap: ${siteUrlOf(manifest, SITEMAP_PATH)}\n`;

/**
 * Writes the feeds, their XSL stylesheet, `sitemap.xml` and `robots.txt` into `outDir`;
 * returns the files' paths relative to it. Each post's feed body is kept in `cacheFile` for
 * the next build, which parses only the pages whose HTML changed.
 */
export function writeFeedsAndSitemap(manifest: BuildManifest, outDir: string, cacheFile = feedBodyCacheFile(outDir)): string[] {
  const bodies = openPageCache(cacheFile, feedBodyVersion(), (page, url) => bodyHtml(requirePostBody(page, 'the feeds'), url));
  const files: [string, string][] = [...allFeeds(manifest, outDir, bodies), [FEED_STYLESHEET_PATH, FEED_STYLESHEET], [SITEMAP_PATH, sitemapXml(manifest)], [ROBOTS_PATH, robotsTxt(manifest)]];
  bodies.save();
  for (const [sitePath, contents] of files) {
    const file = exportedFile(outDir, sitePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents);
  }
  return files.map(([sitePath]) => decodeURIComponent(sitePath).slice(1));
}
