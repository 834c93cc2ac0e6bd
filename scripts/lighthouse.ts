/**
 * `npm run lighthouse`: Lighthouse 12.2.3 on the exported site, in the same Chromium the e2e
 * tests find (scripts/browser.ts), served compressed and with its `_headers` on 127.0.0.1 the way a
 * CDN would (scripts/serve.ts). Prints the four scores for each page and exits 1 if any is
 * below its threshold. Not part of `npm test`: scores vary with the machine's load.
 *
 *   npm run lighthouse                       # builds the sample site first
 *   npm run lighthouse -- --out out          # or audits an export you built
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findBrowser } from './browser';
import { buildSite, projectRoot } from './build-site';
import { start } from './serve';

/** The scores every audited page must reach. */
const THRESHOLDS: Record<string, number> = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 };
const PAGES = ['/', '/posts/reinvent-2017/'];

const args = process.argv.slice(2);
const outDir = args.includes('--out') ? path.resolve(args[args.indexOf('--out') + 1]) : await buildSite(path.join(projectRoot, 'posts'), 'lighthouse');

const server = await start(outDir);
const browser = await findBrowser();
const chrome = await chromeLauncher.launch({
  chromePath: browser.executablePath,
  chromeFlags: ['--headless=new', ...browser.args],
  envVars: browser.env,
  userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'folio-lighthouse-')),
});

const failures: string[] = [];
try {
  console.log(`Lighthouse on ${outDir} (${browser.source})\n\n| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|`);
  for (const page of PAGES) {
    const result = await lighthouse(new URL(page.slice(1), server.url).href, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(THRESHOLDS) });
    if (!result) throw new Error(`Lighthouse returned no result for ${page}`);
    const scores = Object.fromEntries(Object.keys(THRESHOLDS).map((id) => [id, Math.round((result.lhr.categories[id].score ?? 0) * 100)]));
    console.log(`| ${page} | ${Object.values(scores).join(' | ')} |`);
    for (const [id, score] of Object.entries(scores)) {
      if (score < THRESHOLDS[id]) {
        const failed = Object.values(result.lhr.audits).filter((audit) => audit.score !== null && audit.score < 1 && result.lhr.categories[id].auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0));
        failures.push(`${page} ${id} ${score} < ${THRESHOLDS[id]}: ${failed.map((audit) => audit.id).join(', ')}`);
      }
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
if (failures.length) {
  console.error(`\nBelow the thresholds:\n${failures.join('\n')}`);
  process.exit(1);
}
