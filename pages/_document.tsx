import { Head, Html, Main, NextScript } from 'next/document';
import { ThemeScript } from '../components/ThemeToggle/ThemeToggle';
import { site } from '../lib/site';

export default function Document() {
  return (
    <Html lang={site.language}>
      <Head>
        <meta name="color-scheme" content="light dark" />
        {/* In the head, before the stylesheets and the body: the saved theme must be set before anything is painted. */}
        <ThemeScript />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
