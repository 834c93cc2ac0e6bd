/**
 * `npm run bench:preview`: how long the live preview of `npm run dev` takes to show a saved
 * edit, from writing the file to the new text in a tab that is already open on the post.
 * Runs `npm run dev` (scripts/dev.ts) in a scratch copy of the sample site, never touching
 * posts/, opens a sample `.md` post in Chromium, and saves an edit to its body K times, one
 * after the other, each once the last one shows.
 *
 *   npm run bench:preview -- [--saves K] [--posts N]
 *
 * K saves (default 9, then median and min–max); `--posts N` adds N posts of the benchmark
 * corpus (bench/corpus.ts) to the sample site, to see what a larger blog costs (each save
 * runs the prepare step over every post, from the compile cache but for the edited one). It
 * also reports what `npm run dev` said each prepare step took. Results go to
 * bench/preview-results.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../scripts/browser';
import { makeSiteCopy, projectRoot, removeSiteCopy } from '../scripts/build-site';
import { writeCorpus } from './corpus';
import { summary } from './stats';
import { freePort } from '../scripts/ports';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const saves = option('--saves', 9);
const extraPosts = option('--posts', 0);

/** The sample post edited, and a sentence of its body that each save appends a marker to. */
const POST = { file: 'reinvent-2017.md', path: '/posts/reinvent-2017/', sentence: 'apologies!' };
const START_TIMEOUT = 600_000;
const SAVE_TIMEOUT = 120_000;



const sitePosts = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-preview-'));
fs.cpSync(path.join(projectRoot, 'posts'), sitePosts, { recursive: true });
// Beside the sample posts: a folder in posts/ would be one folder post.
if (extraPosts) writeCorpus(extraPosts, sitePosts);
const siteDir = makeSiteCopy(sitePosts, 'bench-preview');
fs.rmSync(sitePosts, { recursive: true, force: true });
const postFile = path.join(siteDir, 'posts', POST.file);
const original = fs.readFileSync(postFile, 'utf8');
if (!original.includes(POST.sentence)) throw new Error(`${POST.file} no longer says "${POST.sentence}": pick another sentence to edit`);

const port = await freePort();
const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
// `next dev` sets NODE_ENV=development itself; an inherited value would only confuse it.
delete env.NODE_ENV;
// In a process group of its own, so that `next dev` and the workers all end with it.
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts', '-p', String(port), '-H', '127.0.0.1'], { cwd: siteDir, env: env as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
server.stdout.on('data', (chunk) => (log += chunk));
server.stderr.on('data', (chunk) => (log += chunk));
const stopServer = () => {
  try {
    process.kill(-server.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
};
process.on('exit', stopServer);

/** The prepare times `npm run dev` has printed so far, in s. */
const prepareTimes = () => [...log.matchAll(/^Prepared \d+ posts and \d+ pages in ([\d.]+) s/gm)].map(([, value]) => Number(value));

const url = `http://127.0.0.1:${port}${POST.path}`;
const started = Date.now();
for (;;) {
  if (Date.now() - started > START_TIMEOUT) throw new Error(`npm run dev did not answer within ${START_TIMEOUT / 1000} s:\n${log}`);
  if (server.exitCode !== null) throw new Error(`npm run dev exited:\n${log}`);
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.ok) break;
  } catch {
    // Not listening yet.
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
/** What the site holds, as `npm run dev` counted it. */
const [, postCount, pageCount] = /^Prepared (\d+) posts and (\d+) pages/m.exec(log) ?? [];
const site = `${postCount} posts and ${pageCount} pages`;
console.log(`Live preview benchmark: ${site}, ${saves} saves, ${os.cpus().length} cores, Node ${process.version}; npm run dev answered after ${((Date.now() - started) / 1000).toFixed(1)} s`);

const { browser } = await launchBrowser();
const times: number[] = [];
const prepared: number[] = [];
try {
  const page = await browser.newPage();
  await page.goto(url, { timeout: SAVE_TIMEOUT });
  await page.locator('html[data-live-preview="connected"]').waitFor({ state: 'attached', timeout: SAVE_TIMEOUT });
  for (let save = 1; save <= saves; save++) {
    const marker = `bench-marker-${save}`;
    const preparedBefore = prepareTimes().length;
    const since = performance.now();
    fs.writeFileSync(postFile, original.replace(POST.sentence, `${POST.sentence} ${marker}`));
    await page.waitForFunction((words) => document.querySelector('[data-post-body]')?.textContent?.includes(words) ?? false, marker, { polling: 'raf', timeout: SAVE_TIMEOUT });
    const ms = performance.now() - since;
    times.push(ms);
    prepared.push(...prepareTimes().slice(preparedBefore).map((seconds) => seconds * 1000));
    console.log(`  save ${save}: ${Math.round(ms)} ms`);
  }
} finally {
  await browser.close();
  stopServer();
}
removeSiteCopy(siteDir);

const showTimes = summary(times);
const prepareMs = summary(prepared);
console.log(`\n| ${site} | median | min–max |\n|---|---|---|`);
console.log(`| save to text in the open tab | ${Math.round(showTimes.median)} ms | ${Math.round(showTimes.min)}–${Math.round(showTimes.max)} ms |`);
console.log(`| of which the prepare step (as npm run dev printed it, 0.1 s steps) | ${Math.round(prepareMs.median)} ms | ${Math.round(prepareMs.min)}–${Math.round(prepareMs.max)} ms |`);

const results = { date: new Date().toISOString(), machine: { cores: os.cpus().length, node: process.version, load: os.loadavg() }, posts: Number(postCount), pages: Number(pageCount), saves, saveToTextMs: showTimes, prepareMs };
fs.writeFileSync(path.join(projectRoot, 'bench', 'preview-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWrote bench/preview-results.json');
