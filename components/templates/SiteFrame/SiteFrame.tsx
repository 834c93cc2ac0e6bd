import type { ReactNode } from 'react';
import { absoluteUrl, feedsIn, site, siteAuthors, socialImageUrl, withBasePath, type FeedLink, type MenuItem } from '../../../lib/config/site';
import type { SocialImage } from '../../../lib/images/social-image';
import type { PageLanguage } from '../../../lib/page-props/types';
import { Layout } from '../../Layout/Layout';
import { Seo, type ArticleMeta } from '../../Seo/Seo';

export interface SiteFrameProps {
  menu: MenuItem[];
  /** The page's language: its links to the other languages, in the head and the switcher. */
  language: PageLanguage;
  /** The page's own title, before the site's; null for the home page, whose title is the site's. */
  title: string | null;
  description: string;
  /** The page's href (under the base path): its canonical URL, and the menu entry marked as current. */
  href: string;
  /** The image the page is shared with, as the build made it; the site's image when there is none. */
  socialImage?: SocialImage;
  /** Set on posts: what makes the page an article to search engines and link previews. */
  article?: ArticleMeta;
  /** Where a cross-post was first published, which its canonical link names. */
  originalUrl?: string | null;
  /** The page's own feeds (a tag's or category's), linked beside the site's. */
  feeds?: FeedLink[];
  /** False for a page that is no menu entry's, though its href is (a broken post's error, at the home page's URL). */
  inMenu?: boolean;
  children: ReactNode;
}

/**
 * The hreflang alternates of a page: each language it is translated into, absolute, and the
 * default language's as `x-default`, when the page has one.
 */
function alternateLinks({ links }: PageLanguage): { hrefLang: string; href: string }[] {
  const translations = links.filter((link) => link.translation).map((link) => ({ hrefLang: link.lang, href: absoluteUrl(link.href) }));
  const inDefault = links.find((link) => link.lang === site.language && link.translation);
  return inDefault ? [...translations, { hrefLang: 'x-default', href: absoluteUrl(inDefault.href) }] : translations;
}

/**
 * What every page is framed in: the layout (header, menu, footer) and the head every page
 * carries (title, description, canonical URL, the image it is shared with, the site's feeds and
 * its own). Each template fills it with its own content.
 */
export function SiteFrame({ menu, language, title, description, href, socialImage, article, originalUrl, feeds = [], inMenu = true, children }: SiteFrameProps) {
  const imageUrl = socialImage ? absoluteUrl(withBasePath(socialImage.url)) : socialImageUrl();
  const imageSize = socialImage?.width && socialImage.height ? { width: socialImage.width, height: socialImage.height } : undefined;
  return (
    // The footer names the site's first author, its owner.
    <Layout site={{ ...site, author: siteAuthors[0] }} menu={menu} currentPath={inMenu ? href : undefined} language={language}>
      <Seo
        title={title ?? undefined}
        siteTitle={site.title}
        description={description}
        canonicalUrl={absoluteUrl(href)}
        originalUrl={originalUrl}
        imageUrl={imageUrl}
        imageSize={imageSize}
        feeds={[...feedsIn(language.lang), ...feeds]}
        article={article}
        alternates={alternateLinks(language)}
      />
      {children}
    </Layout>
  );
}
