/**
 * What each page gets from the content index: plain, serializable props. Pages call these
 * from getStaticProps and getStaticPaths and only wire the result to components.
 */
import { getContentIndex, toSummary, type PostSummary } from './content';
import { ContentError } from './content-error';
import { compileBody, type CompiledBody } from './markdown';
import { siteMenu, type MenuItem } from './site';
import type { Template } from './schema';

const isDev = process.env.NODE_ENV === 'development';

export interface SiteProps {
  menu: MenuItem[];
}

export interface ContentErrorProps {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export type PostPageProps = SiteProps & ({ post: PostSummary; body: CompiledBody } | { error: ContentErrorProps });

export function getSiteProps(): SiteProps {
  return { menu: siteMenu(getContentIndex().pages) };
}

/** Slugs of the posts (or pages) to generate; in dev, broken posts too, so their pages can show the error. */
export function getSlugs(template: Template): string[] {
  const index = getContentIndex();
  const entries = template === 'post' ? index.posts : index.pages;
  return [...new Set([...entries.map((post) => post.slug), ...index.broken.map((broken) => broken.slug)])];
}

const errorProps = (error: ContentError): ContentErrorProps => ({
  file: error.file,
  line: error.line ?? null,
  field: error.field ?? null,
  message: error.message,
});

/** One post's or page's summary and compiled body. In dev, an error becomes the page's content. */
export async function getPostPageProps(template: Template, slug: string): Promise<PostPageProps> {
  const index = getContentIndex();
  const siteProps = { menu: siteMenu(index.pages) };
  const broken = index.broken.find((entry) => entry.slug === slug);
  if (broken) return { ...siteProps, error: errorProps(broken.error) };
  const post = (template === 'post' ? index.posts : index.pages).find((entry) => entry.slug === slug);
  if (!post) throw new Error(`No ${template} has the slug "${slug}"`);
  try {
    return { ...siteProps, post: toSummary(post), body: await compileBody(post) };
  } catch (error) {
    if (isDev && error instanceof ContentError) return { ...siteProps, error: errorProps(error) };
    throw error;
  }
}
