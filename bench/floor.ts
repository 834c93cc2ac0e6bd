/**
 * The floor beside Folio: a bare Next pages-router export (bench/bare-next/) of the very pages
 * a Folio build exported, each page's <main> handed to Next as a ready-made HTML string. What it
 * costs is what `next build` itself costs for that many pages on this machine, with nothing
 * compiled, drawn or indexed; `npm run bench` reports Folio's builds as ratios to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse } from 'parse5';
import { projectRoot } from '../scripts/build-site';
import type { BarePage } from './bare-next/pages/[[...path]]';

/**
 * Every `index.html` under `outDir` as a bare page: its site path, its title and its <main>'s
 * HTML. Not out/404/index.html: Next makes the 404 page of every export, the floor's too.
 */
export function barePagesOf(outDir: string): BarePage[] {
  const pages: BarePage[] = [];
  for (const file of fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (path.basename(file) !== 'index.html' || file === path.join('404', 'index.html')) continue;
    const tree = fromParse5(parse(fs.readFileSync(path.join(outDir, file), 'utf8')));
    const main = select('main', tree);
    const dir = path.dirname(file);
    pages.push({
      path: dir === '.' ? '/' : `/${dir.split(path.sep).map((segment) => `${segment}/`).join('')}`,
      title: hastToString(select('title', tree) ?? { type: 'root', children: [] }),
      html: main ? toHtml(main.children) : '',
    });
  }
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/** A new copy of bench/bare-next/ in .tmp/ (inside the project, so that it finds Next in node_modules/) with `pages` as its pages.json. */
export function makeBareNextCopy(pages: BarePage[]): string {
  const scratch = path.join(projectRoot, '.tmp');
  fs.mkdirSync(scratch, { recursive: true });
  const dir = fs.mkdtempSync(path.join(scratch, 'bench-bare-next-'));
  fs.cpSync(path.join(projectRoot, 'bench', 'bare-next'), dir, { recursive: true });
  writeBarePages(dir, pages);
  return dir;
}

export const writeBarePages = (dir: string, pages: BarePage[]): void => fs.writeFileSync(path.join(dir, 'pages.json'), JSON.stringify(pages));

/** The same edit as Folio's warm rebuild: a sentence appended to the first post's page. */
export function editOneBarePage(dir: string): void {
  const pages = JSON.parse(fs.readFileSync(path.join(dir, 'pages.json'), 'utf8')) as BarePage[];
  const post = pages.find((page) => page.path.startsWith('/posts/'));
  if (!post) throw new Error(`${dir}/pages.json has no post page`);
  post.html += `<p>An edit made by the benchmark at ${new Date().toISOString()}.</p>`;
  writeBarePages(dir, pages);
}
