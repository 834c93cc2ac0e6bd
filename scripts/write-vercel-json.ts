/**
 * Writes `vercel.json`: Vercel builds with `npm run build` and serves `out/` as static files,
 * with the same headers as `out/_headers` (lib/export/headers.ts). Vercel reads `vercel.json`
 * before it builds, so the file is kept in the repository, not written by the build; run
 * this after changing the theme script or the header policy (a test fails until you do).
 *
 *   npx tsx scripts/write-vercel-json.ts [out-dir]   (default: out, from `npm run build`)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { themeScriptHashes, vercelHeaders } from '../lib/export/headers';
import { themeScriptTexts } from '../lib/routes/page-scripts';
import { projectRoot } from './build-site';
import { site } from '../lib/config/site';

/** `vercel.json` for an export whose pages carry `themeScripts`. */
const vercelConfig = (themeScripts: string[]) => ({
  $schema: 'https://openapi.vercel.sh/vercel.json',
  // "Other", not Next.js: the export in out/ is the whole site.
  framework: null,
  buildCommand: 'npm run build',
  outputDirectory: 'out',
  trailingSlash: true,
  headers: vercelHeaders({ themeScriptHashes: themeScriptHashes(themeScripts), cmsApp: site.cms.app }),
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? 'out');
  const home = path.join(outDir, 'index.html');
  if (!fs.existsSync(home)) {
    console.error(`No site in ${outDir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const file = path.join(projectRoot, 'vercel.json');
  fs.writeFileSync(file, `${JSON.stringify(vercelConfig(themeScriptTexts(fs.readFileSync(home, 'utf8'))), null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}
