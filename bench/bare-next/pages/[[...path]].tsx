import fs from 'node:fs';
import type { GetStaticPaths, GetStaticProps } from 'next';
import Head from 'next/head';

/** One page of the Folio export being measured: its path, its title and its <main>, as HTML made beforehand. */
export interface BarePage {
  path: string;
  title: string;
  html: string;
}

// The floor ships no client JavaScript either.
export const config = { unstable_runtimeJS: false };

let pages: Map<string, BarePage> | undefined;

/** pages.json, written by bench/floor.ts beside this app's copy; read once per worker. */
function readPages(): Map<string, BarePage> {
  pages ??= new Map((JSON.parse(fs.readFileSync('pages.json', 'utf8')) as BarePage[]).map((page) => [page.path, page]));
  return pages;
}

export const getStaticPaths: GetStaticPaths = async () => ({
  paths: [...readPages().keys()].map((pagePath) => ({ params: { path: pagePath.split('/').filter(Boolean) } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<BarePage> = async ({ params }) => {
  const segments = (params?.path as string[] | undefined) ?? [];
  const page = readPages().get(`/${segments.map((segment) => `${segment}/`).join('')}`);
  if (!page) throw new Error(`bench/bare-next: no page /${segments.join('/')}`);
  return { props: page };
};

/** The page as it was made: nothing compiled, nothing computed. */
export default function Page({ title, html }: BarePage) {
  return (
    <>
      <Head>
        <title>{title}</title>
      </Head>
      <main dangerouslySetInnerHTML={{ __html: html }} />
    </>
  );
}
