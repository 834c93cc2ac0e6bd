import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document';
import { Analytics } from '../components/Analytics/Analytics';
import { LivePreviewScript } from '../components/LivePreview/LivePreview';
import { SiteIcons } from '../components/Seo/SiteIcons';
import { THEME_SCRIPT, ThemeScript } from '../components/ThemeToggle/ThemeToggle';
import { metaContentSecurityPolicy, themeScriptHashes } from '../lib/export/headers';
import { iconHrefs } from '../lib/images/icons';
import { analyticsScript, integrationCspSources } from '../lib/integrations/integrations';
import { basePath, livePreviewPort, site, siteIntegrations } from '../lib/config/site';
import type { SiteProps } from '../lib/page-props/types';

const { analytics } = siteIntegrations;

/** What the policy allows: the theme script this document writes, and the integrations' sources. */
const policy = { themeScriptHashes: themeScriptHashes([THEME_SCRIPT]), extra: integrationCspSources(siteIntegrations) };

/**
 * `next dev` runs its own inline and evaluated scripts (React Refresh), which the policy
 * refuses: only an exported page states it.
 */
const statesPolicy = process.env.NODE_ENV === 'production';

export default function Document({ dangerousAsPath, __NEXT_DATA__ }: DocumentProps) {
  // Every page's props carry its language (lib/page-props/types.ts `SiteProps`).
  const language = (__NEXT_DATA__.props?.pageProps as Partial<SiteProps> | undefined)?.language;
  return (
    <Html lang={language?.lang ?? site.language} dir={language?.dir ?? undefined}>
      <Head>
        {/* First, so that it governs every script and stylesheet after it. */}
        {statesPolicy && <meta httpEquiv="Content-Security-Policy" content={metaContentSecurityPolicy(dangerousAsPath, policy)} />}
        <meta name="color-scheme" content="light dark" />
        <SiteIcons hrefs={iconHrefs(site.icon, basePath)} themeColor={site.themeColor} />
        {/* In the head, before the stylesheets and the body: the saved theme must be set before anything is painted. */}
        <ThemeScript />
        <Analytics script={analytics && analyticsScript(analytics)} />
        {/* `npm run dev` only: refreshes the page after each run of the prepare step. */}
        {livePreviewPort !== null && <LivePreviewScript port={livePreviewPort} />}
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
