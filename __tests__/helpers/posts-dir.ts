import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes `files` (relative path → contents) into a fresh temporary `posts/` folder and returns its path. */
export function writePosts(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-posts-'));
  const dir = path.join(root, 'posts');
  for (const [name, contents] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), contents);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A post file with the given front matter lines and body. */
export const post = (frontMatter: string, body = 'Body text.') => `---\n${frontMatter.trim()}\n---\n\n${body}\n`;
