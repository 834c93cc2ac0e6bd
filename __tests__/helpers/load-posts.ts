import path from 'node:path';
import { ContentErrors } from '../../lib/content/errors';
import { loadContent, type LoadOptions } from '../../lib/content/load';

/** How `next build` loads the posts in `dir`, whose parent is the project. */
export const production = (dir: string): LoadOptions => ({ dir, root: path.dirname(dir), includeDrafts: false, keepBroken: false });

/** How `next dev` loads them: drafts in, broken posts kept. */
export const dev = (dir: string): LoadOptions => ({ dir, root: path.dirname(dir), includeDrafts: true, keepBroken: true });

/** The messages a production load of `dir` fails with; a load that passes fails the test. */
export function loadErrors(dir: string): string[] {
  try {
    loadContent(production(dir));
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  throw new Error('expected the load to fail');
}
