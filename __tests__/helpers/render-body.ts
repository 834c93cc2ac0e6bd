import { renderBodyHtml } from '../../components/MdxBody/MdxBody';
import { compileBody, type RenderedBody } from '../../lib/markdown';

export const SITE_URL = 'https://folio.example.com';

export interface BodySource {
  format?: 'md' | 'mdx';
  bodyStartLine?: number;
  assetDir?: string | null;
}

/** Compiles `body` through the real pipeline and renders it to HTML, as a post page's props hold it. */
export async function compileAndRender(body: string, { format = 'md', bodyStartLine = 1, assetDir = null }: BodySource = {}): Promise<RenderedBody> {
  const { content, usesMath } = await compileBody({ body, format, bodyStartLine, assetDir, sourcePath: `posts/test.${format}`, slug: 'test' });
  return { html: renderBodyHtml(content, SITE_URL), usesMath };
}
