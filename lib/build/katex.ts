/**
 * KaTeX's stylesheet and fonts, published into `public/katex/` (git-ignored), which
 * `next dev` serves and `next build` copies into `out/`. MdxBody links the stylesheet only
 * on pages with math; the stylesheet finds its fonts beside it, in `fonts/`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { copyIfChanged } from '../content/post-files';
import { KATEX_FOLDER } from '../routes/table.mjs';

/**
 * Copies KaTeX's stylesheet and fonts into `<publicDir>/katex/`, skipping the files that are
 * there already, so that calling it for every page with math costs a few stats. Called only
 * for pages with math, so a site without math has no `katex/` in `out/`.
 */
export function publishKatexAssets(publicDir: string): void {
  // Resolved from the project at run time: the bundler would turn require.resolve into a module id.
  const dist = path.join(path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('katex/package.json')), 'dist');
  const target = path.join(publicDir, KATEX_FOLDER);
  fs.mkdirSync(path.join(target, 'fonts'), { recursive: true });
  const files = ['katex.min.css', ...fs.readdirSync(path.join(dist, 'fonts')).map((font) => path.join('fonts', font))];
  for (const file of files) copyIfChanged(path.join(dist, file), path.join(target, file));
}
