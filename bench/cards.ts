/**
 * `npx tsx bench/cards.ts [--before <git-ref>] [--cards N] [--runs K]`: how many social cards a
 * build worker draws a second, for Latin titles, for Chinese, Japanese and Korean titles, and
 * for Arabic and Hebrew ones (lib/images/social-image.ts: satori, then sharp's PNG).
 *
 * Each run is a fresh Node process (as a build worker is) that draws N cards of each kind with
 * distinct titles into an empty image cache, one after the other; the first card of a kind is
 * timed apart (it loads satori, HarfBuzz and the fonts) and the others give the run's median.
 * The result is the median of the runs' medians; the runs of every kind take turns, so the
 * load of a shared machine falls on each alike. With `--before <ref>` (such as the branch
 * point), Latin cards are drawn with that commit's `lib/` too, from a copy under `.tmp/`.
 *
 * Results go to bench/cards-results.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Titles of each kind; a run draws `count` of them, each with its number so that none is cached. */
const TITLES = {
  latin: ['Where the cache hits land', 'Static export without a server', 'Responsive images at build time', 'A broken post fails the build'],
  cjk: ['中文博客：缓存的层次', 'キャッシュの層を理解する', '캐시 계층 이해하기', '静态导出与图片处理'],
  rtl: ['مقدمة إلى التخزين المؤقت', 'מבוא לזיכרון מטמון', 'الصور المتجاوبة عند البناء', 'ייצוא סטטי בלי שרת'],
} as const;

type Kind = keyof typeof TITLES;

/** In a child process: draws `count` cards of `kind` with the `lib/` under `libRoot`, and prints each card's milliseconds as JSON. */
async function drawCards(libRoot: string, kind: Kind, count: number) {
  const { postSocialImage } = (await import(path.join(libRoot, 'lib/images/social-image.ts'))) as typeof import('../lib/images/social-image');
  const { createImageStore } = (await import(path.join(libRoot, 'lib/images/process.ts'))) as typeof import('../lib/images/process');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-cards-'));
  const store = createImageStore({ cacheDir: path.join(scratch, 'cache'), publicDir: path.join(scratch, 'public'), root: scratch });
  const ms: number[] = [];
  for (let index = 0; index < count; index++) {
    const title = `${TITLES[kind][index % TITLES[kind].length]} ${index + 1}`;
    const post = { title, template: 'post', date: '2026-12-04', frontMatter: {}, sourcePath: `posts/bench-${index}.md` } as unknown as Parameters<typeof postSocialImage>[0];
    const started = performance.now();
    const shared = await postSocialImage(post, store);
    ms.push(performance.now() - started);
    if (!shared.files.length) throw new Error(`no card was drawn for "${title}": ${shared.warnings?.join(' ')}`);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log(JSON.stringify(ms));
}

/** One run: a fresh process drawing `count` cards of `kind` with the `lib/` under `libRoot`. */
function run(libRoot: string, kind: Kind, count: number): { firstMs: number; medianMs: number } {
  const output = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', libRoot, kind, String(count)], { cwd: projectRoot, encoding: 'utf8' });
  const [first, ...rest] = JSON.parse(output.trim().split('\n').pop()!) as number[];
  return { firstMs: first, medianMs: median(rest) };
}

/** The `lib/` of commit `ref`, in a folder under `.tmp/` whose imports find this project's node_modules. */
function libAtRef(ref: string): string {
  const dir = path.join(projectRoot, '.tmp', `bench-cards-${ref.replace(/[^\w.-]/g, '_')}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-x', '-C', dir], { input: execFileSync('git', ['archive', '--format=tar', ref, 'lib'], { cwd: projectRoot, maxBuffer: 64 * 2 ** 20 }) });
  return dir;
}

/** What K runs of one kind with one `lib/` came to: cards a second from the median of the runs' medians. */
function summarize(results: { firstMs: number; medianMs: number }[]) {
  const medianMs = median(results.map((result) => result.medianMs));
  return { cardsPerSecond: Number((1000 / medianMs).toFixed(1)), medianMs: Number(medianMs.toFixed(1)), firstCardMs: Number(median(results.map((result) => result.firstMs)).toFixed(0)), runs: results.map((result) => Number(result.medianMs.toFixed(1))) };
}

/**
 * `runs` rounds of `count` cards for each of `series` (a `lib/` and a kind). Each round runs
 * every series once, so that the load of a shared machine falls on all of them alike.
 */
function measure(series: { name: string; libRoot: string; kind: Kind }[], count: number, runs: number) {
  const results = new Map(series.map(({ name }) => [name, [] as { firstMs: number; medianMs: number }[]]));
  for (let round = 0; round < runs; round++) for (const { name, libRoot, kind } of series) results.get(name)!.push(run(libRoot, kind, count));
  return Object.fromEntries([...results].map(([name, list]) => [name, summarize(list)]));
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await drawCards(args[1], args[2] as Kind, Number(args[3]));
} else {
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const count = Number(option('--cards') ?? 30);
  const runs = Number(option('--runs') ?? 3);
  const before = option('--before');
  const kinds: Kind[] = ['latin', 'cjk', 'rtl'];
  const series = [
    ...kinds.map((kind) => ({ name: kind, libRoot: projectRoot, kind })),
    ...(before ? [{ name: `latin at ${before}`, libRoot: libAtRef(before), kind: 'latin' as const }] : []),
  ];
  const results = { date: new Date().toISOString(), machine: { cores: os.cpus().length, node: process.version }, cardsPerRun: count, runs, cards: measure(series, count, runs) };
  fs.writeFileSync(path.join(projectRoot, 'bench', 'cards-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}
