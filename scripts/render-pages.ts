/**
 * Step 2 of `npm run build` when only some posts' bodies changed (lib/build/render-pages.ts),
 * alone: for the benchmark, which times each step of a build in a process of its own
 * (bench/measure.ts). Renders the pages at the given URLs into `out/`.
 *
 *   tsx scripts/render-pages.ts /posts/<slug>/ …
 */
import { pageRoutesOf, renderPages } from '../lib/build/render-pages';

const root = process.cwd();
const urls = process.argv.slice(2);
const routes = pageRoutesOf(root, urls);
if (!routes) {
  console.error(`The last next build rendered no page at one of ${urls.join(', ')}`);
  process.exit(1);
}
renderPages(root, routes).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
