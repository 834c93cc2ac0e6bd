import Head from 'next/head';
import type { RenderedBody } from '../../lib/markdown/compile';
import { withBasePath } from '../../lib/config/site';
import { COPY_CODE_SCRIPT, COPY_CODE_SCRIPT_ID } from '../../lib/routes/page-scripts';
import styles from './MdxBody.module.css';

/** KaTeX's stylesheet, with its fonts beside it; lib/build/katex.ts publishes both there. */
export const KATEX_STYLESHEET = withBasePath('/katex/katex.min.css');

export interface MdxBodyProps {
  body: RenderedBody;
}

/**
 * A post's body, rendered at build time, with KaTeX's stylesheet only if it has math, and
 * the copy script right after it only if it has code (it finds the blocks in the element
 * before it; lib/routes/page-scripts.ts).
 */
export function MdxBody({ body }: MdxBodyProps) {
  return (
    <>
      {body.usesMath && (
        <Head>
          <link key="katex" rel="stylesheet" href={KATEX_STYLESHEET} />
        </Head>
      )}
      <div className={styles.body} dangerouslySetInnerHTML={{ __html: body.html }} />
      {body.hasCodeBlocks && <script id={COPY_CODE_SCRIPT_ID} dangerouslySetInnerHTML={{ __html: COPY_CODE_SCRIPT }} />}
    </>
  );
}
