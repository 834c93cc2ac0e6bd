import { Head, Html, Main, NextScript } from 'next/document';
import { Analytics } from '../components/Analytics/Analytics';
import { ThemeScript } from '../components/ThemeToggle/ThemeToggle';
import { analyticsScript } from '../lib/integrations.mjs';
import { site } from '../lib/site';
import { siteIntegrations } from '../lib/site-integrations';

const { analytics } = siteIntegrations;

export default function Document() {
  return (
    <Html lang={site.language}>
      <Head>
        <meta name="color-scheme" content="light dark" />
        {/* In the head, before the stylesheets and the body: the saved theme must be set before anything is painted. */}
        <ThemeScript />
        <Analytics script={analytics && analyticsScript(analytics)} />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
