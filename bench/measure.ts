/**
 * How the benchmarks measure a build: a command's wall time, CPU time and the peak RSS of its
 * process tree, and `npm run build`'s three steps in a site copy, each timed on its own.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../scripts/build-site';
import { pagesSourceOf } from '../lib/build/changed-pages';
import { forgetLastBuild, FULL_BUILD_VARIABLE, inputsFingerprint, pagesToRender, readLastBuild, recordLastBuild } from '../lib/build/last-build';
import { siteDataFile } from '../lib/node/folders';
import type { SiteData } from '../lib/page-props/site-data';
import { recordTypeCheck, typeCheckArgs, typeCheckDue } from '../lib/build/type-check';

/** Sums VmRSS over `pid` and all its descendants, in bytes. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const current = queue.pop() as number;
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${current}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // Gone already.
    }
    queue.push(...(children.get(current) ?? []));
  }
  return total;
}

/** Clock ticks per second, the unit of the CPU times in /proc. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/**
 * CPU seconds (user + system) of this process's children that have ended, their own ended
 * children included: a build's CPU time, which a busy machine stretches far less than its
 * wall time.
 */
function childrenCpuSeconds() {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5), cutime and cstime; the slice starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

/** What `measure` measured of a command's run. */
export interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakRss: number;
  output: string;
}

/** A command to run: the program, its arguments and how to spawn it. */
export interface Command {
  command: string;
  args: string[];
  options: SpawnOptions;
}

/**
 * Runs commands side by side; resolves when the last one ends, with the wall time, the CPU
 * time of all of them and the peak of their process trees' summed RSS. Rejects when one fails.
 */
export function measureTogether(commands: Command[]): Promise<Measured> {
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const pids: number[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, pids.reduce((sum, pid) => sum + treeRss(pid), 0))), 50);
  const runs = commands.map(
    ({ command, args, options }) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
        if (child.pid !== undefined) pids.push(child.pid);
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('error', reject);
        child.on('close', (code) => {
          if (child.pid !== undefined) pids.splice(pids.indexOf(child.pid), 1);
          if (code === 0) resolve(output);
          else reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`));
        });
      }),
  );
  return Promise.all(runs)
    .then((outputs) => ({ seconds: (performance.now() - started) / 1000, cpuSeconds: childrenCpuSeconds() - cpuBefore, peakRss, output: outputs.join('') }))
    .finally(() => clearInterval(sampler));
}

/** Runs a command; resolves with its wall time, its CPU time and the peak RSS of its process tree. */
export const measure = (command: string, args: string[], options: SpawnOptions): Promise<Measured> => measureTogether([{ command, args, options }]);

export const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
export const buildEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

const finishScript = path.join(projectRoot, 'scripts', 'finish-export.ts');
const renderScript = path.join(projectRoot, 'scripts', 'render-pages.ts');

/**
 * `npm run build` in a site copy, timed step by step, each in a process of its own so that its
 * memory counts in the peak: the prepare step (with its worker processes) and the type check beside it, the
 * render step (`next build`, or only the changed pages, as `npm run build` decides: lib/build/last-build.ts), then the
 * post-export step (Pagefind's indexer included). The peak is the largest of the three steps',
 * which never run together. Like `npm run build`, it records what it was built from
 * (lib/build/last-build.ts), so that `npm run build` after it finds nothing changed.
 * `full` runs every step in full, as `FOLIO_FULL_BUILD=1 npm run build` does.
 */
export async function buildOnce(siteDir: string, { full = false }: { full?: boolean } = {}) {
  const env = full ? { ...buildEnv, [FULL_BUILD_VARIABLE]: '1' } : buildEnv;
  const inputs = inputsFingerprint(siteDir, path.join(siteDir, 'posts'), env);
  const last = readLastBuild(siteDir);
  forgetLastBuild(siteDir);
  // As `npm run build` does, the type check runs beside the prepare step, when its inputs changed (lib/build/type-check.ts).
  const typesDue = typeCheckDue(siteDir);
  const prepare = await measureTogether([
    { command: process.execPath, args: ['--import', 'tsx', 'scripts/prepare.ts'], options: { cwd: siteDir, env } },
    ...(typesDue === null ? [] : [{ command: process.execPath, args: typeCheckArgs(siteDir), options: { cwd: siteDir, env } }]),
  ]);
  if (typesDue !== null) recordTypeCheck(siteDir, typesDue);
  const pages = pagesSourceOf(JSON.parse(fs.readFileSync(siteDataFile(siteDir), 'utf8')) as SiteData);
  const plan = pagesToRender(siteDir, last, inputs, pages, env);
  const build = 'urls' in plan
    ? await measure(process.execPath, ['--import', 'tsx', renderScript, ...plan.urls], { cwd: siteDir, env })
    : await measure(process.execPath, [nextBin, 'build'], { cwd: siteDir, env });
  const finish = await measure(process.execPath, ['--import', 'tsx', finishScript, path.join(siteDir, 'out')], { cwd: siteDir, env });
  recordLastBuild(siteDir, inputs, pages);
  const steps = [prepare, build, finish];
  return {
    seconds: steps.reduce((sum, step) => sum + step.seconds, 0),
    cpuSeconds: steps.reduce((sum, step) => sum + step.cpuSeconds, 0),
    peakRss: Math.max(...steps.map((step) => step.peakRss)),
    prepareSeconds: prepare.seconds,
    nextBuildSeconds: build.seconds,
    /** How many pages the render step rendered alone, or null when `next build` rendered every page. */
    pagesRendered: 'urls' in plan ? plan.urls.length : null,
    postExportSeconds: finish.seconds,
    preparePeakRss: prepare.peakRss,
    nextBuildPeakRss: build.peakRss,
    postExportPeakRss: finish.peakRss,
  };
}

export type BuildRun = Awaited<ReturnType<typeof buildOnce>>;

/** `npm run build` in `siteDir` as a whole (scripts/build.ts), the way an author runs it again. */
export const wholeBuild = (siteDir: string) => measure(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: siteDir, env: buildEnv });
