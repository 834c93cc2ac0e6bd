/**
 * The XSL stylesheet that the RSS and Atom feeds name in their `<?xml-stylesheet?>`
 * (lib/export/feeds.ts), which the post-export step publishes at `FEED_STYLESHEET_PATH`: a
 * browser that opens a feed shows it as a page (the feed's title and description, a link to
 * its list page, and each post's title, date and excerpt) instead of raw XML. Feed readers
 * ignore it.
 *
 * One stylesheet for both formats, and no script: the page is styled by one inline `<style>`,
 * `FEED_STYLE`, which the Content-Security-Policy allows by its hash (lib/export/headers.ts).
 * A browser applies the feed's own policy to the page the transformation makes, so that is
 * the policy that must allow it; the stylesheet itself loads as `'self'`. Everything the page
 * shows is the feed's text, through `xsl:value-of`, which escapes it, but for RSS's
 * `description`: RSS carries the excerpt as HTML (lib/export/feeds.ts escapes its text into
 * it), so it is written out as HTML, which turns its character references back into text.
 * A browser without `disable-output-escaping` (Firefox) shows those references as they are.
 */

/** The feed page's styles, the only inline style it has: the CSP names its hash. */
export const FEED_STYLE =
  ':root{color-scheme:light dark;--text:#1f2328;--muted:#57606a;--link:#0550ae;--rule:#d0d7de;--note:#f6f8fa}' +
  '@media (prefers-color-scheme:dark){:root{--text:#e6edf3;--muted:#9198a1;--link:#6cb6ff;--rule:#3d444d;--note:#151b23}}' +
  'body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--text);background:Canvas}' +
  'main{max-width:42rem;margin:0 auto;padding:2rem 1.25rem 4rem}' +
  'a{color:var(--link)}' +
  '.about{padding:.75rem 1rem;border:1px solid var(--rule);border-radius:.5rem;background:var(--note);font-size:.9375rem}' +
  'h1{font-size:2rem;line-height:1.2;margin:1.5rem 0 .5rem}' +
  'h2{font-size:1.25rem;margin:2.5rem 0 0;padding-bottom:.25rem;border-bottom:1px solid var(--rule)}' +
  'ol{list-style:none;margin:0;padding:0}' +
  'li{padding:1.25rem 0;border-bottom:1px solid var(--rule)}' +
  'h3{font-size:1.25rem;line-height:1.3;margin:0}' +
  '.date{color:var(--muted);font-size:.875rem;margin:.25rem 0 0}' +
  'li p{margin:.5rem 0 0}';

/** The stylesheet: XSLT 1.0, which browsers run, over RSS 2.0 (`rss/channel`) or Atom (`atom:feed`). */
export const FEED_STYLESHEET = `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <xsl:variable name="title" select="rss/channel/title | atom:feed/atom:title"/>
    <html lang="{rss/channel/language | atom:feed/@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>${FEED_STYLE}</style>
      </head>
      <body>
        <main>
          <p class="about">This is a web feed. To follow it, copy this page’s address into your feed reader.</p>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="rss/channel/description | atom:feed/atom:subtitle"/></p>
          <p><a href="{rss/channel/link | atom:feed/atom:link[@rel='alternate']/@href}">Read it on the site</a></p>
          <h2>Posts</h2>
          <ol>
            <xsl:apply-templates select="rss/channel/item | atom:feed/atom:entry"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
  <xsl:template match="item">
    <li>
      <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <p class="date"><xsl:value-of select="substring(pubDate, 6, 11)"/></p>
      <xsl:if test="description">
        <p><xsl:value-of select="description" disable-output-escaping="yes"/></p>
      </xsl:if>
    </li>
  </xsl:template>
  <xsl:template match="atom:entry">
    <li>
      <h3><a href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <p class="date"><time datetime="{substring(atom:published, 1, 10)}"><xsl:value-of select="substring(atom:published, 1, 10)"/></time></p>
      <xsl:if test="atom:summary">
        <p><xsl:value-of select="atom:summary"/></p>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
`;
