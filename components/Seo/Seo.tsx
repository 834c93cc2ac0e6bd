import Head from 'next/head';

export interface SeoProps {
  /** The page's own title; the site title is appended. Omit it on the home page. */
  title?: string;
  siteTitle: string;
  description: string;
  /** Absolute URL of this page. */
  canonicalUrl: string;
}

/** The page's `<title>`, meta description and canonical URL. React escapes every value. */
export function Seo({ title, siteTitle, description, canonicalUrl }: SeoProps) {
  const fullTitle = title ? `${title} | ${siteTitle}` : siteTitle;
  return (
    <Head>
      <title>{fullTitle}</title>
      <meta name="description" content={description} />
      <link rel="canonical" href={canonicalUrl} />
    </Head>
  );
}
