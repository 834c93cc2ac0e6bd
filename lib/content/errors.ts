/**
 * An error in one post that its author can act on: which file, which line, which field,
 * and what is wrong. The message reads like a compiler's:
 *   posts/foo.md:3: date: "2019-13-45" is not a valid date (use YYYY-MM-DD)
 */
export class ContentError extends Error {
  readonly file: string;
  readonly field?: string;
  readonly line?: number;
  readonly detail: string;

  constructor(file: string, detail: string, where: { field?: string; line?: number } = {}) {
    const location = where.line ? `${file}:${where.line}` : file;
    super(`${location}: ${where.field ? `${where.field}: ` : ''}${detail}`);
    this.name = 'ContentError';
    this.file = file;
    this.field = where.field;
    this.line = where.line;
    this.detail = detail;
    showOnlyMessage(this, ['file', 'field', 'line', 'detail']);
  }
}

/** A `ContentError` as plain data: to cross from a worker process, and in the prepared site. */
export interface ContentErrorData {
  file: string;
  detail: string;
  line?: number;
  field?: string;
}

export const toErrorData = ({ file, detail, line, field }: ContentError): ContentErrorData => ({ file, detail, line, field });
export const fromErrorData = ({ file, detail, line, field }: ContentErrorData) => new ContentError(file, detail, { line, field });

/** "3 posts have problems", or "1 post has 3 problems" when a post has more than one (broken links, say). */
function problemCount(errors: readonly ContentError[]): string {
  const posts = new Set(errors.map((error) => error.file)).size;
  const postWords = posts === 1 ? '1 post has' : `${posts} posts have`;
  if (errors.length === 1) return '1 post has a problem';
  return errors.length === posts ? `${postWords} problems` : `${postWords} ${errors.length} problems`;
}

/** Every problem found in `posts/`, reported together so that one build shows them all. */
export class ContentErrors extends Error {
  readonly errors: ContentError[];

  constructor(errors: ContentError[]) {
    super(`${problemCount(errors)}:\n${errors.map((error) => `  ${error.message}`).join('\n')}`);
    this.name = 'ContentErrors';
    this.errors = errors;
    showOnlyMessage(this, ['errors']);
  }
}

/**
 * Build output prints an error's stack and its own fields. The author needs the post's file
 * and line, which the message has, not Folio's stack frames or a dump of the fields.
 */
function showOnlyMessage(error: Error, fields: string[]): void {
  error.stack = `${error.name}: ${error.message}`;
  for (const field of fields) Object.defineProperty(error, field, { enumerable: false });
}

/**
 * Whatever goes wrong in reading one post is that post's error, so no post can hide the
 * others: a `ContentError` as it is, any other exception with the file named.
 */
export function asContentError(error: unknown, sourcePath: string): ContentError {
  if (error instanceof ContentError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return new ContentError(sourcePath, 'is nested too deeply to be read');
  return new ContentError(sourcePath, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
}
