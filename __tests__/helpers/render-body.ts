import { renderBodyHtml } from '../../components/MdxBody/renderBody';
import type { ImageStore } from '../../lib/images/process';
import { compileBody, type RenderedBody } from '../../lib/markdown/compile';
import { scratchImageStore } from './images';

export const SITE_URL = 'https://folio.example.com';

export interface BodySource {
  format?: 'md' | 'mdx';
  bodyStartLine?: number;
  assetDir?: string | null;
  /** Where images are made: a scratch store unless a test gives its own. */
  imageStore?: ImageStore;
}

/** Images are made in a scratch cache (__tests__/images.test.tsx tests them). */
let scratchStore: ImageStore | undefined;

/** Compiles `body` through the real pipeline and renders it to HTML, as a post page's props hold it. */
export async function compileAndRender(body: string, { format = 'md', bodyStartLine = 1, assetDir = null, imageStore }: BodySource = {}): Promise<RenderedBody> {
  const store = imageStore ?? (scratchStore ??= scratchImageStore().store);
  const { content, usesMath, hasCodeBlocks } = await compileBody({ body, format, bodyStartLine, assetDir, sourcePath: `posts/test.${format}`, slug: 'test' }, { imageStore: store });
  return { html: renderBodyHtml(content, SITE_URL), usesMath, hasCodeBlocks };
}
