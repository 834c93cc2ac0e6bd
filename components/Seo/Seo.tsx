import Head from 'next/head';
import type { FeedLink } from '../../lib/config/site';

/** What makes a page a post (an article) to search engines and link previews. */
export interface ArticleMeta {
  /** Calendar date, `YYYY-MM-DD`. */
  published: string;
  /** Calendar date of the last meaningful change, or null. */
  modified: string | null;
  tags: string[];
  /** The post's category, or null. */
  section: string | null;
  /** Who wrote it: each author's name and the absolute URL of their page (the home page's on a site with one author). */
  authors: { name: string; url: string }[];
  /** The series the post is a part of: its name and the absolute URL of its page. */
  series?: { name: string; url: string } | null;
}

export interface SeoProps {
  /** The page's own title; the site title is appended. Omit it on the home page. */
  title?: string;
  siteTitle: string;
  description: string;
  /** Absolute URL of this page. */
  canonicalUrl: string;
  /**
   * Where a cross-post was first published (front matter `canonical`): the canonical link and
   * the JSON-LD's `url` and `mainEntityOfPage` point there, so search engines credit the
   * original; `og:url` stays this page's, so a share links here.
   */
  originalUrl?: string | null;
  /** Absolute URL of the image shown when the page is shared. */
  imageUrl: string;
  /** Its size, when known: link previews can then lay the page out before the image loads. */
  imageSize?: { width: number; height: number };
  /** The site's feeds, for feed readers to discover from any page, then the page's own (a tag's, say). */
  feeds: Pick<FeedLink, 'href' | 'type' | 'label' | 'title'>[];
  /** Set on posts: Open Graph article tags and BlogPosting structured data. */
  article?: ArticleMeta;
  /** The page in each language it is translated into (`hreflang`, absolute URL), `x-default` last; none on a site of one language. */
  alternates?: { hrefLang: string; href: string }[];
}

/**
 * JSON for an inline `<script>`: the HTML parser ends a script at the first `</script` and
 * treats `<!--` specially whatever the JSON means, so `<`, `>` and `&` are written as `\u`
 * escapes (still the same JSON), and so are U+2028 and U+2029 for old JavaScript parsers.
 */
function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** schema.org BlogPosting: how search engines read a post's title, dates, author and image. */
function blogPosting({ headline, description, canonicalUrl, imageUrl, article }: { headline: string; description: string; canonicalUrl: string; imageUrl: string; article: ArticleMeta }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline,
    description,
    url: canonicalUrl,
    mainEntityOfPage: canonicalUrl,
    image: imageUrl,
    datePublished: article.published,
    dateModified: article.modified ?? article.published,
    author: article.authors.map(({ name, url }) => ({ '@type': 'Person', name, url })),
    ...(article.tags.length > 0 && { keywords: article.tags }),
    ...(article.series && { isPartOf: { '@type': 'CreativeWorkSeries', name: article.series.name, url: article.series.url } }),
  };
}

/**
 * The page's head: `<title>`, meta description, canonical URL (a cross-post's original),
 * Open Graph and Twitter card tags, links to the feeds, and on posts BlogPosting JSON-LD. React escapes every attribute
 * and text; the JSON-LD, which React cannot escape inside a script, goes through `jsonForScript`.
 */
export function Seo({ title, siteTitle, description, canonicalUrl, originalUrl, imageUrl, imageSize, feeds, article, alternates = [] }: SeoProps) {
  const fullTitle = title ? `${title} | ${siteTitle}` : siteTitle;
  const headline = title ?? siteTitle;
  const canonical = originalUrl ?? canonicalUrl;
  return (
    <Head>
      <title>{fullTitle}</title>
      <meta name="description" content={description} />
      <link rel="canonical" href={canonical} />
      {alternates.map((alternate) => (
        <link key={alternate.hrefLang} rel="alternate" hrefLang={alternate.hrefLang} href={alternate.href} />
      ))}
      {feeds.map((feed) => (
        <link key={feed.href} rel="alternate" type={feed.type} title={`${feed.title ?? siteTitle} (${feed.label})`} href={feed.href} />
      ))}
      <meta property="og:type" content={article ? 'article' : 'website'} />
      <meta property="og:site_name" content={siteTitle} />
      <meta property="og:title" content={headline} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={canonicalUrl} />
      <meta property="og:image" content={imageUrl} />
      {imageSize && <meta property="og:image:width" content={String(imageSize.width)} />}
      {imageSize && <meta property="og:image:height" content={String(imageSize.height)} />}
      {/* X reads og:title, og:description and og:image when its own tags are absent (developer.x.com/cards/markup): only the card's kind is its own. */}
      <meta name="twitter:card" content="summary_large_image" />
      {article && <meta property="article:published_time" content={article.published} />}
      {article?.modified && <meta property="article:modified_time" content={article.modified} />}
      {article?.section && <meta property="article:section" content={article.section} />}
      {article?.tags.map((tag) => (
        <meta key={`article:tag:${tag}`} property="article:tag" content={tag} />
      ))}
      {article && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(blogPosting({ headline, description, canonicalUrl: canonical, imageUrl, article })) }} />}
    </Head>
  );
}
