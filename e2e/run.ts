/**
 * `npm run test:e2e`: builds the sample site once, then runs every e2e/*.test.ts file
 * against it under tsx, one file at a time (the machine may have two cores, and `next dev`
 * in dev.test.ts wants them). Files that need another site build it themselves.
 *
 *   npx tsx e2e/run.ts [e2e/<file>.test.ts …]   only those files (CI's smoke run under a second browser)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../scripts/build-site';
import { buildSampleSite } from './harness';

const started = Date.now();
const { outDir, postsDir } = await buildSampleSite();
console.log(`sample site built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${outDir}`);

const e2eDir = path.join(projectRoot, 'e2e');
const chosen = process.argv.slice(2);
const files = chosen.length > 0 ? chosen : fs.readdirSync(e2eDir).filter((file) => file.endsWith('.test.ts')).sort().map((file) => path.join('e2e', file));
// Node's test runner starts each file in a process of its own with these Node options, tsx's included.
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, FOLIO_E2E_OUT: outDir, FOLIO_E2E_POSTS: postsDir },
});
child.on('close', (code) => {
  fs.rmSync(postsDir, { recursive: true, force: true });
  process.exit(code ?? 1);
});
