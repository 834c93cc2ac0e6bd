import { Head, Html, Main, NextScript } from 'next/document';
import { site } from '../lib/site';

export default function Document() {
  return (
    <Html lang={site.language}>
      <Head>
        <meta name="color-scheme" content="light dark" />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
