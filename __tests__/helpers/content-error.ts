import { ContentError } from '../../lib/content/errors';

/** The `ContentError` that `promise` rejects with; any other outcome fails the test. */
export async function contentErrorOf(promise: Promise<unknown>): Promise<ContentError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}
