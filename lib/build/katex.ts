/**
 * KaTeX's stylesheet and fonts, published into `public/katex/` (git-ignored), which
 * `next dev` serves and `next build` copies into `out/`. MdxBody links the stylesheet only
 * on pages with math; the stylesheet finds its fonts beside it, in `fonts/`. They are the
 * stylesheet and fonts of the KaTeX that rehype-katex renders formulas with (its own
 * dependency), so the markup and its styles are of one version.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KATEX_FOLDER } from '../routes/table';
import { packageDir } from '../node/packages';
import { copyIfChanged } from '../node/files';

/**
 * Copies KaTeX's stylesheet and fonts into `<publicDir>/katex/`, skipping the files that are
 * there already, so that calling it for every page with math costs a few stats. Called only
 * for pages with math, so a site without math has no `katex/` in `out/`.
 */
export function publishKatexAssets(publicDir: string): void {
  // Found as rehype-katex finds it, from the project at run time.
  const katex = packageDir('katex', packageDir('rehype-katex') ?? process.cwd());
  if (!katex) throw new Error('KaTeX is not installed for rehype-katex: run npm install');
  const dist = path.join(katex, 'dist');
  const target = path.join(publicDir, KATEX_FOLDER);
  fs.mkdirSync(path.join(target, 'fonts'), { recursive: true });
  const files = ['katex.min.css', ...fs.readdirSync(path.join(dist, 'fonts')).map((font) => path.join('fonts', font))];
  for (const file of files) copyIfChanged(path.join(dist, file), path.join(target, file));
}
