/**
 * The post-export step of `npm run build` (lib/export/finish.ts) on an export built already:
 * feeds, sitemap, search index and `_headers`, from the manifest the prepare step left beside it.
 *
 *   npx tsx scripts/finish-export.ts [out-dir]   (default: out)
 */
import path from 'node:path';
import { finishExport, reportFinished } from '../lib/export/finish';

const outDir = path.resolve(process.argv[2] ?? 'out');
finishExport(outDir).then(
  (finished) => reportFinished(outDir, finished),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
