/**
 * The feeds' share of the post-export step on the bench corpus (bench/corpus.ts): writes the
 * feeds, their stylesheet, the sitemap and robots.txt (lib/export/feeds.ts) with only the
 * site's feeds and then with every tag's and category's too, and llms.txt, each `--runs`
 * times; prints the medians. Every post page is a stand-in with a 6 KB body, so what is timed
 * is the feeds' own work (reading bodies, writing XML and JSON), not a site build.
 *
 *   npx tsx bench/feeds.ts [--posts 1000] [--runs 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildManifest } from '../lib/build/manifest';
import { loadContent } from '../lib/content/load';
import { exportedPageFile, writeFeedsAndSitemap } from '../lib/export/feeds';
import { writeLlmsTxt } from '../lib/export/llms-txt';
import { writeCorpus } from './corpus';
import { median } from './stats';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const posts = option('--posts', 1000);
const runs = option('--runs', 5);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-feeds-'));
try {
  const dir = path.join(root, 'posts');
  fs.mkdirSync(dir);
  writeCorpus(posts, dir);
  const manifest = buildManifest(loadContent({ dir, root, includeDrafts: false, keepBroken: false }));
  const outDir = path.join(root, 'out');
  const body = `<p>${'Cache layers and hit ratios, measured. '.repeat(40)}</p>`.repeat(4);
  for (const post of manifest.posts) {
    fs.mkdirSync(path.dirname(exportedPageFile(outDir, post.url)), { recursive: true });
    fs.writeFileSync(exportedPageFile(outDir, post.url), `<!DOCTYPE html><html><body><div data-post-body="">${body}</div></body></html>`);
  }
  const medianMs = (step: () => unknown) =>
    median(
      Array.from({ length: runs }, () => {
        const start = performance.now();
        step();
        return performance.now() - start;
      }),
    );
  const siteFeedsOnly = medianMs(() => writeFeedsAndSitemap({ ...manifest, termFeeds: [] }, outDir));
  const withTermFeeds = medianMs(() => writeFeedsAndSitemap(manifest, outDir));
  const llmsTxt = medianMs(() => writeLlmsTxt(manifest, outDir));
  console.log(`${manifest.posts.length} posts, ${manifest.termFeeds.length} tags and categories, median of ${runs} runs:`);
  console.log(`  feeds, sitemap, robots.txt, the site's feeds alone   ${siteFeedsOnly.toFixed(0)} ms`);
  console.log(`  the same with every tag's and category's feeds        ${withTermFeeds.toFixed(0)} ms`);
  console.log(`  llms.txt                                              ${llmsTxt.toFixed(0)} ms`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
