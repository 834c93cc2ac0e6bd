/**
 * Writes `vercel.json`: Vercel builds with `npm run build` and serves `out/` as static files,
 * with the same headers as `out/_headers` (lib/export/headers.ts) and the same redirects from
 * the posts' old URLs as `out/_redirects` (lib/export/redirects.ts). Vercel reads
 * `vercel.json` before it builds, so the file is kept in the repository, not written by the
 * build; run this after changing the theme script or the header policy (a test fails until
 * you do), and after adding an old URL to a post (`npm run build` says so until you do).
 *
 *   npx tsx scripts/write-vercel-json.ts [out-dir]   (default: out, from `npm run build`)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { themeScriptHashes, vercelHeaders } from '../lib/export/headers';
import { manifestFileFor, readBuildManifest, type BuildManifest } from '../lib/export/manifest-file';
import { vercelRedirects } from '../lib/export/redirects';
import { themeScriptTexts } from '../lib/routes/page-scripts';
import { projectRoot } from './build-site';
import { site } from '../lib/config/site';

/** `vercel.json` for an export whose pages carry `themeScripts`, with the redirects of its manifest. */
const vercelConfig = (themeScripts: string[], manifest: BuildManifest) => ({
  $schema: 'https://openapi.vercel.sh/vercel.json',
  // "Other", not Next.js: the export in out/ is the whole site.
  framework: null,
  buildCommand: 'npm run build',
  outputDirectory: 'out',
  trailingSlash: true,
  headers: vercelHeaders({ themeScriptHashes: themeScriptHashes(themeScripts), cmsApp: site.cms.app }),
  redirects: vercelRedirects(manifest.redirects, manifest.basePath),
});

/**
 * What to tell the author when `vercelJsonFile` exists and its redirects are not the build's
 * (`manifest`), or null: Vercel would serve the pages at the old URLs instead of redirecting.
 */
export function staleVercelRedirects(vercelJsonFile: string, manifest: BuildManifest): string | null {
  if (!fs.existsSync(vercelJsonFile)) return null;
  const written = (JSON.parse(fs.readFileSync(vercelJsonFile, 'utf8')) as { redirects?: unknown }).redirects ?? [];
  if (isDeepStrictEqual(written, vercelRedirects(manifest.redirects, manifest.basePath))) return null;
  return `${path.relative(process.cwd(), vercelJsonFile) || vercelJsonFile}'s redirects are not this build's old URLs: run \`npx tsx scripts/write-vercel-json.ts\` and commit it, or Vercel serves the pages at the old URLs instead of redirecting.`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? 'out');
  const home = path.join(outDir, 'index.html');
  if (!fs.existsSync(home)) {
    console.error(`No site in ${outDir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  const file = path.join(projectRoot, 'vercel.json');
  fs.writeFileSync(file, `${JSON.stringify(vercelConfig(themeScriptTexts(fs.readFileSync(home, 'utf8')), readBuildManifest(manifestFileFor(outDir))), null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}
