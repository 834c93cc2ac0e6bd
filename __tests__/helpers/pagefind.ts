import fs from 'node:fs';
import zlib from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/** The content of a Pagefind index file (`*.pf_meta`, `*.pf_index`, `*.pf_fragment`, `*.pf_filter`): Pagefind gzips each and starts it with a signature. */
export function readPagefindFile(file: string): string {
  const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  if (!text.startsWith(SIGNATURE)) throw new Error(`${file} is not a Pagefind index file`);
  return text.slice(SIGNATURE.length);
}
