/**
 * `npx tsx bench/images.ts [--before <git-ref>] [--cards N]`: what the image pipeline costs at build time
 * and saves a reader, on the sample site (posts/), in scratch copies under `.tmp/`.
 *
 * - Build cost per image: a cold build (no caches) with `FOLIO_IMAGE_TIMINGS` set, so the
 *   image store logs each image it makes and how long that took (lib/images/process.ts);
 *   then the compiled-body cache is deleted and the site built again, so every body is
 *   compiled again and each image is looked up in the image cache: the cost of a cached image.
 * - Bytes a reader downloads for the sample folder post's photo on a 390 px phone and a
 *   1280 px desktop (device scale 1), from Chromium's network log. With `--before <ref>` (a
 *   commit before images were processed, with the same dependencies as this checkout, such as
 *   the branch point), the same posts are built with that commit's code, for the bytes it served.
 *
 * - With `--cards N`: what social cards add to a cold build of N corpus posts.
 *
 * Results go to bench/images-results.json. Each step is an exported function, for `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageTiming } from '../lib/images/process';
import { compiledBodiesDir } from '../lib/node/folders';
import { buildSiteAtRef, makeSiteCopy, projectRoot, runBuild } from '../scripts/build-site';
import { manifestFileFor, readBuildManifest } from '../lib/export/manifest-file';
import { finishPages } from '../lib/export/finish';
import { writeCorpus } from './corpus';
import { imagesAtViewport } from '../e2e/harness';
import { start } from '../scripts/serve';
import { median } from './stats';

/** The median, or null for no values (a kind of image the site has none of). */
const medianOrNull = (values: number[]) => (values.length ? median(values) : null);

/** The sample folder post and the photo in it. */
export const SAMPLE_POST = '/posts/cache-layers/';
const SAMPLE_PHOTO = 'lake';

/** A phone and a desktop, at device scale 1. */
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];


/**
 * `next build` in `siteDir` and the export's finishing (pruning, feeds; not the search index,
 * which no image touches), timed, with the image timings the build logged.
 */
async function timedBuild(siteDir: string) {
  const timings = path.join(siteDir, 'image-timings.jsonl');
  fs.rmSync(timings, { force: true });
  const started = performance.now();
  await runBuild(siteDir, { FOLIO_IMAGE_TIMINGS: timings });
  const outDir = path.join(siteDir, 'out');
  finishPages(outDir, readBuildManifest(manifestFileFor(outDir)));
  const seconds = (performance.now() - started) / 1000;
  const images = fs.existsSync(timings) ? fs.readFileSync(timings, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as ImageTiming) : [];
  return { seconds, images };
}

/** What an image is, for the summary: the post's photo, another body image, or a social card. */
const kindOf = ({ image }: ImageTiming) => (image === 'card' ? 'card' : image.includes(`/${SAMPLE_PHOTO}.`) ? 'photo' : image.startsWith('social ') ? 'social' : 'other image');

/** Median ms per image of each kind, and how many there were. */
function summarize(images: ImageTiming[]): Record<string, { count: number; medianMs: number | null }> {
  const kinds: Record<string, number[]> = {};
  for (const image of images) (kinds[kindOf(image)] ??= []).push(image.ms);
  return Object.fromEntries(Object.entries(kinds).map(([kind, ms]) => [kind, { count: ms.length, medianMs: medianOrNull(ms) }]));
}

/**
 * Builds the posts in `postsDir` cold, then again with the image cache but without the
 * compiled-body cache. Returns both builds' seconds and every image's cost in each.
 */
export async function imageBuildCost({ postsDir = path.join(projectRoot, 'posts'), name = 'bench-images' } = {}) {
  const siteDir = makeSiteCopy(postsDir, name);
  const cold = await timedBuild(siteDir);
  fs.rmSync(compiledBodiesDir(siteDir), { recursive: true, force: true });
  const cached = await timedBuild(siteDir);
  return {
    outDir: path.join(siteDir, 'out'),
    cold: { seconds: cold.seconds, made: cold.images.filter((image) => image.made), byKind: summarize(cold.images.filter((image) => image.made)) },
    cached: { seconds: cached.seconds, made: cached.images.filter((image) => image.made), byKind: summarize(cached.images.filter((image) => !image.made)) },
  };
}

/**
 * What social cards add to a cold build of `count` corpus posts (bench/corpus.ts, which has
 * no images, so every post gets a card): a cold build, then a cold build of a fresh copy that
 * has only the first one's image cache, so everything but the cards is done again.
 */
async function cardBuildCost(count: number, { name = 'bench-cards' } = {}) {
  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-cards-'));
  writeCorpus(count, corpus);
  const first = makeSiteCopy(corpus, name);
  const drawn = await timedBuild(first);
  const imageCache = path.join('.next', 'cache', 'folio', 'images');
  const second = makeSiteCopy(corpus, `${name}-cached`);
  fs.cpSync(path.join(first, imageCache), path.join(second, imageCache), { recursive: true });
  const cached = await timedBuild(second);
  const cards = drawn.images.filter((image) => image.image === 'card' && image.made);
  return { posts: count, cards: cards.length, coldSeconds: drawn.seconds, coldSecondsCardsCached: cached.seconds, medianCardMs: medianOrNull(cards.map((card) => card.ms)) };
}

/**
 * The sample post of the site in `outDir` at each viewport, in Chromium with an empty cache:
 * which file of the photo the browser chose and how many bytes of it came over the network
 * (every file of the photo it downloaded, in case it took more than one).
 */
export async function photoDownloads(outDir: string, { page = SAMPLE_POST, photo = SAMPLE_PHOTO, viewports = VIEWPORTS } = {}) {
  const server = await start(outDir);
  try {
    const results = [];
    for (const viewport of viewports) {
      const { downloads, images, layoutShift } = await imagesAtViewport(new URL(page, server.url).href, viewport);
      const isPhoto = (url: string) => path.basename(new URL(url).pathname).startsWith(photo);
      const photoFiles = downloads.filter((download) => isPhoto(download.url));
      const shown = images.find((image) => image.currentSrc && isPhoto(image.currentSrc));
      results.push({
        viewport: `${viewport.width}×${viewport.height}`,
        chosen: shown ? new URL(shown.currentSrc).pathname : null,
        files: photoFiles.map((download) => new URL(download.url).pathname),
        bytes: photoFiles.reduce((sum, download) => sum + (download.bytes ?? 0), 0),
        layoutShift,
      });
    }
    return results;
  } finally {
    await server.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${value.toFixed(0)} ms`);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const before = args.includes('--before') ? args[args.indexOf('--before') + 1] : null;
  console.log(`Folio image benchmark: sample site, ${os.cpus().length} cores, Node ${process.version}`);

  const cost = await imageBuildCost();
  console.log('\n| build | seconds | images made | ms per image made (median) | ms per cached image (median) |\n|---|---|---|---|---|');
  const perKind = (byKind: ReturnType<typeof summarize>) => Object.entries(byKind).map(([kind, { count, medianMs }]) => `${kind} ×${count}: ${ms(medianMs)}`).join('; ');
  console.log(`| cold | ${cost.cold.seconds.toFixed(1)} | ${cost.cold.made.length} | ${perKind(cost.cold.byKind)} | – |`);
  console.log(`| bodies recompiled, images cached | ${cost.cached.seconds.toFixed(1)} | ${cost.cached.made.length} | – | ${perKind(cost.cached.byKind)} |`);

  const after = await photoDownloads(cost.outDir);
  // The commit before must build with this checkout's node_modules: pick one with the same dependencies (the branch point).
  const beforeDownloads = before ? await photoDownloads(await buildSiteAtRef(before, path.join(projectRoot, 'posts'), 'bench-images-before')) : null;
  console.log(`\n| ${SAMPLE_POST} photo | ${before ? `before (${before}) | ` : ''}after | file chosen | layout shift ${before ? 'before / after' : ''} |\n|---|${before ? '---|' : ''}---|---|---|`);
  after.forEach((result, i) => {
    const beforeCell = beforeDownloads ? `${kb(beforeDownloads[i].bytes)} | ` : '';
    const shift = `${beforeDownloads ? `${beforeDownloads[i].layoutShift.toFixed(3)} / ` : ''}${result.layoutShift.toFixed(3)}`;
    console.log(`| ${result.viewport} | ${beforeCell}${kb(result.bytes)} | ${result.chosen} | ${shift} |`);
  });

  const cardPosts = args.includes('--cards') ? Number(args[args.indexOf('--cards') + 1]) : null;
  const cards = cardPosts ? await cardBuildCost(cardPosts) : null;
  if (cards) {
    console.log(`\n| ${cards.posts} corpus posts | cold build | cold build, cards cached | cards drawn | ms per card (median, in the build) |\n|---|---|---|---|---|`);
    console.log(`| | ${cards.coldSeconds.toFixed(1)} s | ${cards.coldSecondsCardsCached.toFixed(1)} s | ${cards.cards} | ${ms(cards.medianCardMs)} |`);
  }

  const beforeCommit = before ? spawnSync('git', ['rev-parse', before], { cwd: projectRoot, encoding: 'utf8' }).stdout.trim() : null;
  // The copy's out/ is this run's scratch folder, not a result.
  const buildCost = { cold: cost.cold, cached: cost.cached };
  const results = { date: new Date().toISOString(), machine: { cores: os.cpus().length, node: process.version }, buildCost, cards, downloads: { before: beforeDownloads, beforeRef: before, beforeCommit, after } };
  fs.writeFileSync(path.join(projectRoot, 'bench', 'images-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWrote bench/images-results.json');
}
