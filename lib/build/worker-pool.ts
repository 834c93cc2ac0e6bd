/**
 * A pool of Node processes that run one job at a time each, for work that one hostile input
 * can make unbounded: compiling a post. Processes, not threads, because a process has a heap
 * limit of its own (`--max-old-space-size`) and can be killed cleanly when a job runs past its
 * time, and the post that did it is then known: the job the process was running.
 *
 * The worker module (a `.ts` file run under tsx, like the build's own scripts, or a module
 * bundled beforehand, as the build's workers are: lib/build/post-builders.ts) answers messages
 * of the form `{ id, job }` with `{ id, result }` (see `serveJobs`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Why a job did not finish. */
export type WorkerFailureReason = 'memory' | 'time' | 'exit';

/** A job whose process ran out of memory, ran past its time, or died. */
export class WorkerFailure extends Error {
  constructor(
    readonly reason: WorkerFailureReason,
    detail: string,
  ) {
    super(detail);
    this.name = 'WorkerFailure';
  }
}

export interface WorkerPoolOptions {
  /** The worker module that calls `serveJobs`: a `.ts` file, run through tsx, or a bundled `.mjs` one. */
  entry: string;
  /** The project root: the processes run there, and tsx is found from it. */
  root: string;
  /** How many processes at most. */
  size: number;
  /** The heap limit of each process. */
  memoryMb: number;
  /** The most each of the young generation's two semi-spaces may grow to (`--max-semi-space-size`); V8's own limit when absent. */
  semiSpaceMb?: number;
  /**
   * How long one job may take, counted from when its process is ready (`serveJobs`): starting
   * a process and loading its modules, which a loaded machine stretches, are not the job's.
   */
  timeoutMs: number;
}

export interface WorkerPool<Job, Result> {
  run(job: Job): Promise<Result>;
  /**
   * Starts one process now, before any job, when none runs yet: its start (loading its modules,
   * which takes seconds) then overlaps with what the caller does before its first job.
   */
  prestart(): void;
  /** Ends every process; jobs still queued are rejected. */
  close(): void;
}

interface Pending<Job, Result> {
  job: Job;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

interface Worker<Job, Result> {
  process: ChildProcess;
  /** Set once the worker module has loaded: a process that dies before is a fault of the build's code, not of a job. */
  ready: boolean;
  /** The job it runs, and the timer of its time limit, set once the worker is ready. */
  current: (Pending<Job, Result> & { id: number; timer: NodeJS.Timeout | undefined }) | null;
  /** The end of what the process wrote to stderr, to tell an out-of-memory death from others. */
  stderrTail: string;
  /** What of its stderr the build shows (`shownStderr`). */
  shown: (text: string) => string;
}

/** V8's last words when a process reaches its heap limit. */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed/;

/**
 * The first line of V8's report when a process reaches its heap limit, written in several
 * parts as it dies: its last garbage collections, its stack, then the fatal error
 * (`OUT_OF_MEMORY`), which a small heap may write alone.
 */
const OUT_OF_MEMORY_REPORT = /<--- Last few GCs --->|FATAL ERROR: [^\n]*(?:heap out of memory|Reached heap limit|Allocation failed)/;

/**
 * What the build shows of a worker's stderr, written part by part: everything (a library's
 * warning is the build's output too) up to V8's out-of-memory report, which the post's error
 * ("needs more than N MB of memory") replaces; nothing after it.
 */
export function shownStderr(): (text: string) => string {
  let dying = false;
  return (text) => {
    if (dying) return '';
    const report = text.search(OUT_OF_MEMORY_REPORT);
    if (report < 0) return text;
    dying = true;
    return text.slice(0, report);
  };
}

export function createWorkerPool<Job, Result>(options: WorkerPoolOptions): WorkerPool<Job, Result> {
  const tsx = pathToFileURL(createRequire(path.join(options.root, 'package.json')).resolve('tsx')).href;
  const idle: Worker<Job, Result>[] = [];
  const all = new Set<Worker<Job, Result>>();
  const queue: Pending<Job, Result>[] = [];
  let nextId = 0;
  let closed = false;
  let startFailure: Error | undefined;

  function spawn(): Worker<Job, Result> {
    const child = fork(options.entry, [], {
      cwd: options.root,
      // A TypeScript module (the tests' workers) loads through tsx; a bundled one (the build's) needs nothing.
      execArgv: [...(options.entry.endsWith('.ts') ? ['--import', tsx] : []), `--max-old-space-size=${options.memoryMb}`, ...(options.semiSpaceMb ? [`--max-semi-space-size=${options.semiSpaceMb}`] : [])],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      // Each worker is one of `size` processes: glibc's per-thread arenas would multiply its memory (next.config.ts says more).
      env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '1' },
    });
    const worker: Worker<Job, Result> = { process: child, ready: false, current: null, stderrTail: '', shown: shownStderr() };
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      worker.stderrTail = (worker.stderrTail + text).slice(-2000);
      const shown = worker.shown(text);
      if (shown) process.stderr.write(shown);
    });
    child.on('message', (message: { ready: true } | { id: number; result: Result }) => {
      if ('ready' in message) {
        worker.ready = true;
        if (worker.current) worker.current.timer = timeLimit(worker, worker.current.id);
        return;
      }
      const current = worker.current;
      if (!current || current.id !== message.id) return;
      clearTimeout(current.timer);
      worker.current = null;
      current.resolve(message.result);
      release(worker);
    });
    child.on('exit', (code, signal) => {
      all.delete(worker);
      const index = idle.indexOf(worker);
      if (index >= 0) idle.splice(index, 1);
      const current = worker.current;
      worker.current = null;
      if (!worker.ready && !closed) {
        // The worker module itself does not load: every job would fail alike, so the pool fails.
        startFailure ??= new Error(`A build worker (${path.relative(options.root, options.entry)}) stopped before it started (${signal ?? `exit code ${code}`}):\n${worker.stderrTail}`);
        if (current) clearTimeout(current.timer);
        for (const pending of [...(current ? [current] : []), ...queue.splice(0)]) pending.reject(startFailure);
        return;
      }
      if (current) {
        clearTimeout(current.timer);
        const failure = OUT_OF_MEMORY.test(worker.stderrTail)
          ? new WorkerFailure('memory', `needs more than ${options.memoryMb} MB of memory`)
          : new WorkerFailure('exit', `stopped the build process (${signal ?? `exit code ${code}`})`);
        current.reject(failure);
      }
      // The pool replaces a lost process for the jobs still waiting.
      if (!closed && queue.length) dispatch();
    });
    all.add(worker);
    return worker;
  }

  /** Fails job `id` of `worker`, and ends the process, if it is still running when its time is up. */
  function timeLimit(worker: Worker<Job, Result>, id: number): NodeJS.Timeout {
    return setTimeout(() => {
      const current = worker.current;
      if (!current || current.id !== id) return;
      worker.current = null;
      current.reject(new WorkerFailure('time', `takes more than ${Math.round(options.timeoutMs / 1000)} s`));
      worker.process.kill('SIGKILL');
    }, options.timeoutMs);
  }

  function start(worker: Worker<Job, Result>, pending: Pending<Job, Result>): void {
    const id = nextId++;
    worker.current = { ...pending, id, timer: worker.ready ? timeLimit(worker, id) : undefined };
    worker.process.send({ id, job: pending.job });
  }

  function release(worker: Worker<Job, Result>): void {
    const next = queue.shift();
    if (next) start(worker, next);
    else idle.push(worker);
  }

  function dispatch(): void {
    while (queue.length) {
      const worker = idle.pop() ?? (all.size < options.size ? spawn() : null);
      if (!worker) return;
      start(worker, queue.shift()!);
    }
  }

  return {
    run(job) {
      if (closed) return Promise.reject(new Error('The worker pool is closed'));
      if (startFailure) return Promise.reject(startFailure);
      return new Promise<Result>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        dispatch();
      });
    },
    prestart() {
      if (!closed && all.size === 0) idle.push(spawn());
    },
    close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('The worker pool was closed'));
      for (const worker of all) worker.process.kill();
    },
  };
}

/**
 * The worker side: runs `handle` for each job the pool sends, one at a time, once `loaded` (what
 * the worker loads before its first job) has settled; the worker is ready, and its jobs' time
 * limits start, then. `handle` must not throw.
 */
export function serveJobs<Job, Result>(handle: (job: Job) => Promise<Result>, loaded: Promise<void> = Promise.resolve()): void {
  // Listening at once: a job the pool sends before the worker is ready waits here, not lost.
  process.on('message', async (message: { id: number; job: Job }) => {
    await loaded;
    const result = await handle(message.job);
    process.send!({ id: message.id, result });
  });
  loaded.then(() => process.send!({ ready: true }));
}
