/**
 * @jest-environment node
 *
 * The worker processes that build posts (lib/build/worker-pool.ts): one job at a time each, a
 * job that runs out of memory or time fails alone, and the pool goes on with a new process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorkerPool, shownStderr, WorkerFailure, type WorkerPool } from '../lib/build/worker-pool';
import type { TestJob } from './fixtures/worker-pool/worker';

jest.setTimeout(60_000);

const root = path.resolve(__dirname, '..');
const fixture = (name: string) => path.join(__dirname, 'fixtures', 'worker-pool', name);

let pool: WorkerPool<TestJob, number>;
beforeEach(() => {
  pool = createWorkerPool<TestJob, number>({ entry: fixture('worker.ts'), root, size: 2, memoryMb: 64, timeoutMs: 3_000 });
});
afterEach(() => pool.close());

/** The failure a job ends with. */
async function failureOf(job: TestJob): Promise<WorkerFailure> {
  const error = await pool.run(job).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkerFailure);
  return error as WorkerFailure;
}

it('runs jobs in at most `size` processes and answers each with its own result', async () => {
  const values = Array.from({ length: 20 }, (_, i) => i);
  expect(await Promise.all(values.map((value) => pool.run({ kind: 'echo', value })))).toEqual(values);
  const pids = new Set(await Promise.all(values.map(() => pool.run({ kind: 'pid' }))));
  expect(pids.size).toBeGreaterThanOrEqual(1);
  expect(pids.size).toBeLessThanOrEqual(2);
  expect(pids.has(process.pid)).toBe(false);
});

it('fails a job that runs out of memory, says so instead of V8\'s report, and goes on with a new process', async () => {
  const written: string[] = [];
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => written.push(String(chunk)) > 0);
  try {
    const failure = await failureOf({ kind: 'memory' });
    expect(failure.reason).toBe('memory');
    expect(failure.message).toBe('needs more than 64 MB of memory');
  } finally {
    stderr.mockRestore();
  }
  // The build says which post needs more memory; V8's garbage collections and stack say nothing to an author.
  expect(written.join('')).not.toMatch(/Last few GCs|JS stacktrace|heap limit|out of memory/);
  expect(await pool.run({ kind: 'echo', value: 7 })).toBe(7);
});

it("shows a worker's stderr up to V8's out-of-memory report, which comes in parts as the process dies", () => {
  const shown = shownStderr();
  const parts = [
    '(node:1) Warning: a library says something\n',
    'more of it\n\n<--- Last few GCs --->\n\n[19651:0xf3e4090]     3531 ms: Scavenge 244.6 (254.0) -> 243.9 (264.5) MB\n',
    '\n<--- JS stacktrace --->\n\n',
    'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n',
  ];
  expect(parts.map(shown).join('')).toBe('(node:1) Warning: a library says something\nmore of it\n\n');
  // The fatal line alone, as a smaller heap writes it, is held back too.
  expect(['ok\n', 'FATAL ERROR: Reached heap limit Allocation failed\n'].map(shownStderr()).join('')).toBe('ok\n');
});

it('stops a job that runs past its time, and goes on with a new process', async () => {
  const started = Date.now();
  const failure = await failureOf({ kind: 'spin' });
  expect(failure.reason).toBe('time');
  expect(failure.message).toBe('takes more than 3 s');
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(await pool.run({ kind: 'echo', value: 8 })).toBe(8);
});

it('counts a job\'s time from when its process has loaded: a worker slower to load than the limit still runs the jobs sent before', async () => {
  const slow = createWorkerPool<number, number>({ entry: fixture('slow-loading-worker.ts'), root, size: 1, memoryMb: 64, timeoutMs: 3_000 });
  try {
    expect(await Promise.all([1, 2].map((value) => slow.run(value)))).toEqual([1, 2]);
  } finally {
    slow.close();
  }
});

it('starts one process ahead of any job when asked, and runs the first job in it', async () => {
  const startsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-pool-')), 'starts');
  process.env.WORKER_POOL_STARTS_FILE = startsFile;
  const ahead = createWorkerPool<TestJob, number>({ entry: fixture('worker.ts'), root, size: 2, memoryMb: 64, timeoutMs: 3_000 });
  try {
    ahead.prestart();
    ahead.prestart();
    const started = () => (fs.existsSync(startsFile) ? fs.readFileSync(startsFile, 'utf8').split('\n').filter(Boolean).map(Number) : []);
    // No job was sent: the process that writes its pid was started by prestart alone.
    while (started().length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await ahead.run({ kind: 'pid' })).toBe(started()[0]);
    expect(started()).toHaveLength(1);
  } finally {
    ahead.close();
    delete process.env.WORKER_POOL_STARTS_FILE;
  }
});

it("starts each process with the young generation's limit asked for, and V8's own otherwise", async () => {
  expect(await pool.run({ kind: 'semiSpace' })).toBe(0);
  const roomy = createWorkerPool<TestJob, number>({ entry: fixture('worker.ts'), root, size: 1, memoryMb: 64, semiSpaceMb: 32, timeoutMs: 3_000 });
  try {
    expect(await roomy.run({ kind: 'semiSpace' })).toBe(32);
  } finally {
    roomy.close();
  }
});

it('fails a job whose process exits, and the jobs beside it still finish', async () => {
  const [exited, echoed] = await Promise.allSettled([pool.run({ kind: 'exit' }), pool.run({ kind: 'echo', value: 9 })]);
  expect(exited.status === 'rejected' && exited.reason).toMatchObject({ reason: 'exit', message: 'stopped the build process (exit code 3)' });
  expect(echoed).toEqual({ status: 'fulfilled', value: 9 });
});

it('fails as a whole, with the reason, when the worker module does not load', async () => {
  const broken = createWorkerPool<TestJob, number>({ entry: fixture('broken-worker.ts'), root, size: 2, memoryMb: 64, timeoutMs: 3_000 });
  try {
    const results = await Promise.allSettled([1, 2, 3].map((value) => broken.run({ kind: 'echo', value })));
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as Error;
      expect(reason).not.toBeInstanceOf(WorkerFailure);
      expect(reason.message).toMatch(/^A build worker \(__tests__\/fixtures\/worker-pool\/broken-worker\.ts\) stopped before it started \(exit code 1\):\n[\s\S]*this worker module does not load/);
    }
  } finally {
    broken.close();
  }
});
