/**
 * The files some work writes, counted on the `fs` calls that write one: a rewrite shows even
 * where the file system keeps timestamps too coarse to tell it.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Runs `work`; returns its result and every file it wrote, copied or renamed to, in order.
 * lib/node/files.ts's writeAtomically writes `<file>.<pid>.tmp`, then renames it to `<file>`.
 */
export async function filesWritten<T>(work: () => T | Promise<T>): Promise<{ result: T; written: string[] }> {
  const spies = [
    [jest.spyOn(fs, 'writeFileSync'), 0],
    [jest.spyOn(fs, 'appendFileSync'), 0],
    [jest.spyOn(fs, 'copyFileSync'), 1],
    [jest.spyOn(fs, 'renameSync'), 1],
    [jest.spyOn(fs, 'cpSync'), 1],
  ] as const;
  try {
    const result = await work();
    const writes = spies.flatMap(([spy, target]) => spy.mock.calls.map((call, index) => ({ order: spy.mock.invocationCallOrder[index], file: String(call[target]) })));
    return { result, written: writes.sort((a, b) => a.order - b.order).map(({ file }) => file) };
  } finally {
    for (const [spy] of spies) spy.mockRestore();
  }
}

/** The files `written` names but writeAtomically's temporary ones, relative to `dir`. */
export const writtenUnder = (dir: string, written: string[]) => written.filter((file) => !file.endsWith('.tmp')).map((file) => path.relative(dir, file));
