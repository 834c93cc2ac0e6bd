/**
 * `npm run bench`: builds the real site from a generated corpus in a scratch copy (never
 * touching posts/) and reports what a build costs and what a reader downloads.
 *
 *   npm run bench -- [--posts N] [--runs K] [--scaling 100,1000,5000] [--no-scaling] [--no-hugo] [--no-images] [--no-cards] [--no-floor]
 *
 * For N posts (default 1000), K times (default 1, then median and min–max):
 *   cold build   the prepare step + `next build` + the post-export step, with no .next/ and no compile cache
 *   warm rebuild the same after editing one post, step by step; then another edit, rebuilt
 *               with `npm run build` as an author runs it (the ratio to the floor)
 *   nothing changed `npm run build` again, which finds its inputs and out/ as the last build
 *               left them and skips (lib/build/last-build.ts); and the three steps run
 *               anyway, as `FOLIO_FULL_BUILD=1` runs them
 *   deploy-like  what a CI deploy with a restored cache does: a fresh copy of the site (new
 *               files, in another folder) with one post edited and what the last build left
 *               put back, two ways: `.next/cache/` alone, as Cloudflare Pages keeps it; and
 *               `.next/` and `out/`, as .github/workflows/deploy.yml and the Netlify plugin do
 *   the floor   a bare Next export of the same pages (bench/floor.ts): cold, one page edited,
 *               nothing changed, right after each Folio run, and Folio's ratios to it
 *   peak RSS     of the whole process tree (sampled from /proc every 50 ms), of each step in a
 *                process of its own; the largest counts
 * and once: ms per post, the size of out/, one post page's HTML and the gzipped bytes of
 * every script and stylesheet it loads, and the home page's HTML. The scaling series builds
 * each size once and reports ms per post, so growth worse than linear shows. Hugo, when
 * installed (`apt-get install hugo`), builds the same corpus with bench/hugo/ for the ratio.
 * Then the image pipeline on the sample site (bench/images.ts): the build-time cost of each
 * image, made and cached, and the bytes a phone and a desktop download for the sample photo.
 * `--no-cards` builds with `socialCards: false`, as a site that turns the drawn cards off.
 * Results go to bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { toHtml } from 'hast-util-to-html';
import { postBodyOf } from '../lib/export/exported-pages';
import { makeSiteCopy, projectRoot, removeSiteCopy } from '../scripts/build-site';
import { writeCorpus } from './corpus';
import { barePagesOf, editOneBarePage, makeBareNextCopy } from './floor';
import { median, summary, type Summary } from './stats';
import { imageBuildCost, photoDownloads, SAMPLE_POST } from './images';
import { buildEnv, buildOnce, measure, nextBin, wholeBuild, type BuildRun, type Measured } from './measure';

const args = process.argv.slice(2);
const option = (name: string, fallback: string | number): string => (args.includes(name) ? args[args.indexOf(name) + 1] : String(fallback));
const posts = Number(option('--posts', 1000));
const runs = Number(option('--runs', 1));
const scaling = args.includes('--no-scaling') ? [] : option('--scaling', '100,1000,5000').split(',').map(Number);
const withHugo = !args.includes('--no-hugo') && spawnSync('hugo', ['version']).status === 0;
const withImages = !args.includes('--no-images');
const withCards = !args.includes('--no-cards');
const withFloor = !args.includes('--no-floor');



function directoryBytes(dir: string) {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, file) => {
    const stat = fs.statSync(path.join(dir, file));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);
}

/** One exported page's HTML bytes and the gzipped bytes of each script and stylesheet it loads. */
function pageWeight(outDir: string, pagePath: string) {
  const html = fs.readFileSync(path.join(outDir, pagePath, 'index.html'), 'utf8');
  const assets = (pattern: RegExp) =>
    [...html.matchAll(pattern)].map(([, url]) => ({ url, gzipBytes: zlib.gzipSync(fs.readFileSync(path.join(outDir, url))).length }));
  const scripts = assets(/<script[^>]*\ssrc="([^"]+)"/g);
  const stylesheets = assets(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  const total = (list: { gzipBytes: number }[]) => list.reduce((sum, asset) => sum + asset.gzipBytes, 0);
  // A post's rendered body: the page's HTML target is 1.3 × this plus a layout under 6 KB.
  const body = postBodyOf(html);
  const bodyBytes = body ? Buffer.byteLength(toHtml(body.children)) : null;
  return { page: pagePath, htmlBytes: Buffer.byteLength(html), htmlGzipBytes: zlib.gzipSync(html).length, bodyBytes, scripts, scriptGzipBytes: total(scripts), stylesheets, cssGzipBytes: total(stylesheets) };
}

/** Appends a sentence to one post, as an author's edit would. */
function editOnePost(siteDir: string) {
  const postsDir = path.join(siteDir, 'posts');
  const file = path.join(postsDir, fs.readdirSync(postsDir).sort()[0]);
  fs.appendFileSync(file, `\nAn edit made by the benchmark at ${new Date().toISOString()}.\n`);
}

/**
 * How many pages `npm run build` rendered alone, from what it printed (scripts/build.ts, step
 * 2); null when it says `next build` rendered every page. Output that says neither is an
 * error, so that a reworded message cannot pass for a whole build.
 */
function pagesRenderedBy(output: string): number | null {
  const rendered = /^Rendered (\d+) pages? whose body changed/m.exec(output);
  if (rendered) return Number(rendered[1]);
  if (/every page (?:is rendered )?with next build/i.test(output)) return null;
  throw new Error(`npm run build said neither that it rendered pages alone nor that next build rendered every page:\n${output}`);
}

function corpusDir(count: number) {
  const dir = path.join(os.tmpdir(), `folio-bench-corpus-${count}`);
  fs.rmSync(dir, { recursive: true, force: true });
  writeCorpus(count, dir);
  return dir;
}

/** With `--no-cards`, the site copy's config turns the social cards off, as an author would in lib/config/settings.ts. */
function turnCardsOff(siteDir: string) {
  const file = path.join(siteDir, 'lib', 'config', 'settings.ts');
  const source = fs.readFileSync(file, 'utf8');
  if (!source.includes('socialCards: true,')) throw new Error(`--no-cards: ${file} has no "socialCards: true," to turn off`);
  fs.writeFileSync(file, source.replace('socialCards: true,', 'socialCards: false,'));
}

/** The floor's three builds of the pages Folio exported to `outDir`: cold, after one page's edit, and with nothing changed. */
async function benchFloor(outDir: string) {
  const pages = barePagesOf(outDir);
  const dir = makeBareNextCopy(pages);
  const nextBuild = () => measure(process.execPath, [nextBin, 'build'], { cwd: dir, env: buildEnv });
  const cold = await nextBuild();
  editOneBarePage(dir);
  const warm = await nextBuild();
  const unchanged = await nextBuild();
  fs.rmSync(dir, { recursive: true, force: true });
  return { pages: pages.length, cold, warm, unchanged };
}

type FloorRun = Awaited<ReturnType<typeof benchFloor>>;

/** What a deploy's cache may restore of the last build, by the hosts that keep it so (docs/deploying.md). */
const DEPLOY_CACHES = {
  cacheOnly: { folders: ['.next/cache'], label: '.next/cache/ restored, as Cloudflare Pages keeps it' },
  buildOutput: { folders: ['.next', 'out'], label: '.next/ and out/ restored, as GitHub Pages and Netlify keep them' },
} as const;

type DeployCache = keyof typeof DEPLOY_CACHES;
const DEPLOY_KINDS = Object.keys(DEPLOY_CACHES) as DeployCache[];

/** What a build's render step did: `next build`, or how many pages it rendered alone. */
const rendered = (run: BuildRun) => (run.pagesRendered === null ? 'next build' : `${run.pagesRendered} page(s) rendered alone`);

/**
 * A deploy-like build: a fresh copy of the site at `corpus`, holding the `folders` of the site
 * built in `builtDir` (what a CI cache restores into a fresh clone, file times as dates), with
 * one post edited.
 */
async function deployLikeBuild(corpus: string, builtDir: string, name: string, folders: readonly string[]): Promise<BuildRun> {
  const freshDir = makeSiteCopy(corpus, name);
  if (!withCards) turnCardsOff(freshDir);
  for (const folder of folders) fs.cpSync(path.join(builtDir, folder), path.join(freshDir, folder), { recursive: true, preserveTimestamps: true });
  editOnePost(freshDir);
  const run = await buildOnce(freshDir);
  removeSiteCopy(freshDir);
  return run;
}

/**
 * Cold and warm builds of `count` posts, `times` times; for the main size (`main`), each run
 * also with a deploy-like build and followed by the floor's builds of the same pages.
 */
async function benchFolio(count: number, times: number, main: boolean) {
  const floor = main && withFloor;
  const corpus = corpusDir(count);
  const cold: BuildRun[] = [];
  const warm: BuildRun[] = [];
  const authorWarm: (Measured & { pagesRendered: number | null })[] = [];
  const unchanged: BuildRun[] = [];
  const skipped: Measured[] = [];
  const deployLike: Record<DeployCache, BuildRun[]> = { cacheOnly: [], buildOutput: [] };
  const floors: FloorRun[] = [];
  let last = '';
  for (let run = 0; run < times; run++) {
    const siteDir = makeSiteCopy(corpus, `bench-${count}`);
    if (!withCards) turnCardsOff(siteDir);
    const coldRun = await buildOnce(siteDir);
    editOnePost(siteDir);
    const warmRun = await buildOnce(siteDir);
    editOnePost(siteDir);
    const authorRun = await wholeBuild(siteDir);
    authorWarm.push({ ...authorRun, pagesRendered: pagesRenderedBy(authorRun.output) });
    const unchangedRun = await buildOnce(siteDir, { full: true });
    const skippedRun = await wholeBuild(siteDir);
    if (!skippedRun.output.includes('Nothing changed since the last build')) throw new Error(`npm run build with nothing changed built again:\n${skippedRun.output}`);
    skipped.push(skippedRun);
    const deployRuns: Partial<Record<DeployCache, BuildRun>> = {};
    if (main) for (const kind of DEPLOY_KINDS) deployLike[kind].push((deployRuns[kind] = await deployLikeBuild(corpus, siteDir, `bench-${count}-deploy`, DEPLOY_CACHES[kind].folders)));
    cold.push(coldRun);
    warm.push(warmRun);
    unchanged.push(unchangedRun);
    // The last run's copy is kept for the page weights below; each earlier one is done with.
    if (last) removeSiteCopy(last);
    last = siteDir;
    console.log(
      `  folio ${count} posts, run ${run + 1}: cold ${coldRun.seconds.toFixed(1)} s (prepare ${coldRun.prepareSeconds.toFixed(1)} s + next build ${coldRun.nextBuildSeconds.toFixed(1)} s + post-export ${coldRun.postExportSeconds.toFixed(1)} s; CPU ${coldRun.cpuSeconds.toFixed(1)} s; ${(coldRun.peakRss / 2 ** 20).toFixed(0)} MB), ` +
        `warm: npm run build ${authorWarm.at(-1)!.seconds.toFixed(1)} s, step by step ${warmRun.seconds.toFixed(1)} s (${warmRun.prepareSeconds.toFixed(1)} s + ${rendered(warmRun)} ${warmRun.nextBuildSeconds.toFixed(1)} s + ${warmRun.postExportSeconds.toFixed(1)} s; CPU ${warmRun.cpuSeconds.toFixed(1)} s), ` +
        `nothing changed ${skippedRun.seconds.toFixed(2)} s (every step forced: ${unchangedRun.seconds.toFixed(1)} s = ${unchangedRun.prepareSeconds.toFixed(1)} s + ${unchangedRun.nextBuildSeconds.toFixed(1)} s + ${unchangedRun.postExportSeconds.toFixed(1)} s)` +
        DEPLOY_KINDS.map((kind) => {
          const deployRun = deployRuns[kind];
          return deployRun ? `, deploy-like with ${DEPLOY_CACHES[kind].label} ${deployRun.seconds.toFixed(1)} s (${deployRun.prepareSeconds.toFixed(1)} s + ${rendered(deployRun)} ${deployRun.nextBuildSeconds.toFixed(1)} s + ${deployRun.postExportSeconds.toFixed(1)} s; CPU ${deployRun.cpuSeconds.toFixed(1)} s)` : '';
        }).join(''),
    );
    if (floor) {
      const floorRun = await benchFloor(path.join(siteDir, 'out'));
      floors.push(floorRun);
      console.log(`  bare Next, the same ${floorRun.pages} pages, run ${run + 1}: cold ${floorRun.cold.seconds.toFixed(1)} s, one page edited ${floorRun.warm.seconds.toFixed(1)} s, nothing changed ${floorRun.unchanged.seconds.toFixed(1)} s`);
    }
  }
  // Each run's ratio to the floor built right after it, then their median: the pairs share the machine's load of the moment.
  const ratios = (folio: { seconds: number }[], pick: (run: FloorRun) => Measured) => (floors.length ? summary(floors.map((run, i) => folio[i].seconds / pick(run).seconds)) : null);
  const deploySummary = (kind: DeployCache) => ({
    restored: DEPLOY_CACHES[kind].folders,
    seconds: summary(deployLike[kind].map((r) => r.seconds)),
    cpuSeconds: summary(deployLike[kind].map((r) => r.cpuSeconds)),
    /** Per run: how many pages it rendered alone, or null where `next build` rendered every page. */
    pagesRendered: deployLike[kind].map((r) => r.pagesRendered),
    /** Each run's deploy-like build over its cold one, then their median. */
    ratioToCold: summary(deployLike[kind].map((run, i) => run.seconds / cold[i].seconds)),
  });
  const outDir = path.join(last, 'out');
  const firstPost = fs.readdirSync(path.join(outDir, 'posts')).sort()[0];
  const result = {
    posts: count,
    coldSeconds: summary(cold.map((r) => r.seconds)),
    warmSeconds: summary(authorWarm.map((r) => r.seconds)),
    warmCpuSeconds: summary(authorWarm.map((r) => r.cpuSeconds)),
    /** Per run: how many pages `npm run build` rendered alone after the edit, or null where `next build` rendered every page (the edit changed more than the body). */
    warmPagesRendered: authorWarm.map((r) => r.pagesRendered),
    warmStepwiseSeconds: summary(warm.map((r) => r.seconds)),
    unchangedSeconds: summary(skipped.map((r) => r.seconds)),
    forcedUnchangedSeconds: summary(unchanged.map((r) => r.seconds)),
    unchangedNextBuildSeconds: summary(unchanged.map((r) => r.nextBuildSeconds)),
    deployLike: main ? { cacheOnly: deploySummary('cacheOnly'), buildOutput: deploySummary('buildOutput') } : null,
    floor: floors.length
      ? {
          pages: floors[0].pages,
          coldSeconds: summary(floors.map((run) => run.cold.seconds)),
          warmSeconds: summary(floors.map((run) => run.warm.seconds)),
          unchangedSeconds: summary(floors.map((run) => run.unchanged.seconds)),
          coldRatio: ratios(cold, (run) => run.cold),
          warmRatio: ratios(authorWarm, (run) => run.warm),
          warmStepwiseRatio: ratios(warm, (run) => run.warm),
          unchangedRatio: ratios(skipped, (run) => run.unchanged),
          forcedUnchangedRatio: ratios(unchanged, (run) => run.unchanged),
        }
      : null,
    coldCpuSeconds: summary(cold.map((r) => r.cpuSeconds)),
    warmStepwiseCpuSeconds: summary(warm.map((r) => r.cpuSeconds)),
    coldPrepareSeconds: summary(cold.map((r) => r.prepareSeconds)),
    warmPrepareSeconds: summary(warm.map((r) => r.prepareSeconds)),
    coldRenderSeconds: summary(cold.map((r) => r.nextBuildSeconds)),
    warmRenderSeconds: summary(warm.map((r) => r.nextBuildSeconds)),
    warmStepwisePagesRendered: warm.map((r) => r.pagesRendered),
    coldPostExportSeconds: summary(cold.map((r) => r.postExportSeconds)),
    warmPostExportSeconds: summary(warm.map((r) => r.postExportSeconds)),
    peakRssBytes: summary(cold.map((r) => r.peakRss)),
    preparePeakRssBytes: summary(cold.map((r) => r.preparePeakRss)),
    nextBuildPeakRssBytes: summary(cold.map((r) => r.nextBuildPeakRss)),
    postExportPeakRssBytes: summary(cold.map((r) => r.postExportPeakRss)),
    msPerPost: (median(cold.map((r) => r.seconds)) * 1000) / count,
    outBytes: directoryBytes(outDir),
    postPage: pageWeight(outDir, `posts/${firstPost}`),
    homePage: pageWeight(outDir, ''),
  };
  removeSiteCopy(last);
  return result;
}

/** Hugo on the same corpus with bench/hugo/'s minimal templates. */
async function benchHugo(count: number, times: number) {
  const corpus = corpusDir(count);
  const cold: Measured[] = [];
  for (let run = 0; run < times; run++) {
    const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-hugo-'));
    fs.cpSync(path.join(projectRoot, 'bench', 'hugo'), siteDir, { recursive: true });
    fs.cpSync(corpus, path.join(siteDir, 'content', 'posts'), { recursive: true });
    const result = await measure('hugo', ['--quiet', '--source', siteDir], { cwd: siteDir });
    cold.push(result);
    console.log(`  hugo  ${count} posts, run ${run + 1}: ${result.seconds.toFixed(2)} s (CPU ${result.cpuSeconds.toFixed(2)} s, ${(result.peakRss / 2 ** 20).toFixed(0)} MB)`);
    fs.rmSync(siteDir, { recursive: true, force: true });
  }
  return { posts: count, coldSeconds: summary(cold.map((r) => r.seconds)), coldCpuSeconds: summary(cold.map((r) => r.cpuSeconds)), peakRssBytes: summary(cold.map((r) => r.peakRss)) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const range = (s: Summary, digits = 1) => `${s.median.toFixed(digits)} s (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

console.log(`Folio benchmark: ${posts} posts, ${runs} run(s), ${os.cpus().length} cores, Node ${process.version}${withHugo ? ', with Hugo' : ''}${withCards ? '' : ', social cards off'}`);
const main = await benchFolio(posts, runs, true);
const hugo = withHugo ? await benchHugo(posts, runs) : null;
const series = [];
for (const count of scaling) {
  const result = count === posts ? main : await benchFolio(count, 1, false);
  const hugoResult = withHugo ? (count === posts ? hugo : await benchHugo(count, 1)) : null;
  series.push({ posts: count, coldSeconds: result.coldSeconds.median, msPerPost: result.msPerPost, peakRssBytes: result.peakRssBytes.median, hugoSeconds: hugoResult?.coldSeconds.median ?? null });
}

/** The image pipeline on the sample site: what each image costs to make and when cached, and what a reader downloads of the photo. */
async function benchImages() {
  const cost = await imageBuildCost();
  return { cold: cost.cold.byKind, cached: cost.cached.byKind, madeWhenCached: cost.cached.made.length, photo: await photoDownloads(cost.outDir) };
}
const images = withImages ? await benchImages() : null;
const perKind = (byKind: Record<string, { count: number; medianMs: number | null }>) => Object.entries(byKind).map(([kind, { count, medianMs }]) => `${kind} ×${count}: ${medianMs === null ? '–' : medianMs.toFixed(0)} ms`).join('; ');

const rows = [
  ['cold build', range(main.coldSeconds), hugo ? range(hugo.coldSeconds, 2) : '–', hugo ? `${(main.coldSeconds.median / hugo.coldSeconds.median).toFixed(1)}×` : ''],
  [
    'warm rebuild, one post edited: `npm run build` (pages rendered alone per run)',
    `${range(main.warmSeconds)} (${main.warmPagesRendered.map((count) => (count === null ? 'next build' : count)).join(', ')})`,
    '',
    hugo ? `${(main.warmSeconds.median / hugo.coldSeconds.median).toFixed(1)}×` : '',
  ],
  ['the same step by step, each step in a process of its own', range(main.warmStepwiseSeconds), '', ''],
  ['rebuild with nothing changed (`npm run build`: skipped)', range(main.unchangedSeconds, 2), '', ''],
  ['the same with every step forced (`FOLIO_FULL_BUILD=1`)', `${range(main.forcedUnchangedSeconds)}: next build ${range(main.unchangedNextBuildSeconds)}`, '', ''],
  ...(main.deployLike
    ? DEPLOY_KINDS.map((kind) => {
        const deploy = main.deployLike![kind];
        return [
          `deploy-like build, one post edited, in a fresh copy with ${DEPLOY_CACHES[kind].label} (pages rendered alone per run), ÷ cold`,
          `${range(deploy.seconds)} (${deploy.pagesRendered.map((count) => (count === null ? 'next build' : count)).join(', ')}), CPU ${range(deploy.cpuSeconds)}; ${deploy.ratioToCold.median.toFixed(2)}× cold (${deploy.ratioToCold.min.toFixed(2)}–${deploy.ratioToCold.max.toFixed(2)})`,
          '',
          '',
        ];
      })
    : []),
  ...(main.floor
    ? [
        [`bare Next export of the same ${main.floor.pages} pages (the floor): cold / one page edited / nothing changed`, `${range(main.floor.coldSeconds)} / ${range(main.floor.warmSeconds)} / ${range(main.floor.unchangedSeconds)}`, '', ''],
        ...([
          ['cold build ÷ floor (target ≤ 2)', main.floor.coldRatio],
          ['warm rebuild (`npm run build`) ÷ floor (target ≤ 1.2)', main.floor.warmRatio],
          ['warm rebuild step by step ÷ floor', main.floor.warmStepwiseRatio],
          ['nothing changed ÷ floor (target ≤ 1.1)', main.floor.unchangedRatio],
          ['nothing changed, every step forced ÷ floor', main.floor.forcedUnchangedRatio],
        ] as const).map(([label, ratio]) => [label, ratio ? `${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})` : '–', '', '']),
      ]
    : []),
  ['cold build, CPU time', range(main.coldCpuSeconds), hugo ? range(hugo.coldCpuSeconds, 2) : '–', hugo ? `${(main.coldCpuSeconds.median / hugo.coldCpuSeconds.median).toFixed(1)}×` : ''],
  ['warm rebuild, CPU time: `npm run build` / step by step', `${range(main.warmCpuSeconds)} / ${range(main.warmStepwiseCpuSeconds)}`, '', ''],
  ['of which the prepare step (posts compiled and rendered, images, cards), cold / warm', `${range(main.coldPrepareSeconds)} / ${range(main.warmPrepareSeconds)}`, '', ''],
  [
    'of which the render step: `next build` cold / warm (pages rendered alone per run)',
    `${range(main.coldRenderSeconds)} / ${range(main.warmRenderSeconds)} (${main.warmStepwisePagesRendered.map((count) => (count === null ? 'next build' : count)).join(', ')})`,
    '',
    '',
  ],
  ['of which the post-export step (search index, feeds), cold / warm', `${range(main.coldPostExportSeconds)} / ${range(main.warmPostExportSeconds)}`, '', ''],
  ['peak RSS (process tree)', mb(main.peakRssBytes.median), hugo ? mb(hugo.peakRssBytes.median) : '–', ''],
  ['of which the prepare step / next build / the post-export step', `${mb(main.preparePeakRssBytes.median)} / ${mb(main.nextBuildPeakRssBytes.median)} / ${mb(main.postExportPeakRssBytes.median)}`, '', ''],
  ['ms per post (cold)', main.msPerPost.toFixed(1), '', ''],
  ['out/ size', kb(main.outBytes), '', ''],
  ['post page HTML', kb(main.postPage.htmlBytes), '', ''],
  ['post page HTML ÷ (1.3 × body + 6 KB), target ≤ 1', (main.postPage.htmlBytes / (1.3 * (main.postPage.bodyBytes ?? 0) + 6 * 1024)).toFixed(2), '', ''],
  ['post page JS (gzip)', kb(main.postPage.scriptGzipBytes), '', ''],
  ['post page CSS (gzip)', `${main.postPage.cssGzipBytes} B in ${main.postPage.stylesheets.length} files`, '', ''],
  ['home page HTML', kb(main.homePage.htmlBytes), '', ''],
  ['home page CSS (gzip)', `${main.homePage.cssGzipBytes} B in ${main.homePage.stylesheets.length} files`, '', ''],
  ...(images
    ? [
        ['sample site images, made (median per image)', perKind(images.cold), '', ''],
        [`sample site images, cached (median; ${images.madeWhenCached} made)`, perKind(images.cached), '', ''],
        ...images.photo.map((result) => [`${SAMPLE_POST} photo at ${result.viewport}`, `${kb(result.bytes)} (${path.basename(result.chosen ?? 'none')})`, '', '']),
      ]
    : []),
];
console.log(`\n| ${posts} posts | Folio | Hugo | ratio |\n|---|---|---|---|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (series.length) {
  console.log('\n| posts | cold build | ms per post | peak RSS | Hugo |\n|---|---|---|---|---|');
  for (const s of series) console.log(`| ${s.posts} | ${s.coldSeconds.toFixed(1)} s | ${s.msPerPost.toFixed(2)} | ${mb(s.peakRssBytes)} | ${s.hugoSeconds === null ? '–' : `${s.hugoSeconds.toFixed(2)} s`} |`);
}

const results = { date: new Date().toISOString(), machine: { cores: os.cpus().length, node: process.version }, posts, runs, socialCards: withCards, folio: main, hugo, scaling: series, images };
fs.mkdirSync(path.join(projectRoot, 'bench'), { recursive: true });
fs.writeFileSync(path.join(projectRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWrote bench/results.json');
