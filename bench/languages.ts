/**
 * `npm run bench:languages`: what a site in three languages costs to build against a site in
 * one language with the same number of posts. The one-language site has the corpus's N posts
 * in `posts/`; the three-language site (English, French and Arabic, the fixture's settings,
 * __tests__/helpers/i18n-site.ts) has N / 3 posts in each of `posts/en/`, `posts/fr/` and
 * `posts/ar/`, each the translation of the same file in the others. Each run builds both cold,
 * in turn, in fresh site copies; it reports the median of each and of their ratios.
 *
 *   npm run bench:languages -- [--posts N] [--runs K]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeSiteCopy, removeSiteCopy } from '../scripts/build-site';
import { giveI18nSettings } from '../__tests__/helpers/i18n-site';
import { writeCorpus } from './corpus';
import { buildOnce, type BuildRun } from './measure';
import { summary } from './stats';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const posts = option('--posts', 300);
const runs = option('--runs', 3);
const perLanguage = Math.floor(posts / 3);

/** The corpus as one language's posts, and the same posts split in three languages (each a third, translated by file name). */
function corpora() {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bench-languages-'));
  const oneLanguage = path.join(base, 'one');
  writeCorpus(perLanguage * 3, oneLanguage);
  const threeLanguages = path.join(base, 'three');
  const third = path.join(base, 'third');
  writeCorpus(perLanguage, third);
  for (const code of ['en', 'fr', 'ar']) fs.cpSync(third, path.join(threeLanguages, code), { recursive: true });
  return { base, oneLanguage, threeLanguages };
}

async function coldBuild(postsDir: string, name: string, languages: boolean): Promise<BuildRun> {
  const siteDir = makeSiteCopy(postsDir, name);
  if (languages) giveI18nSettings(siteDir);
  try {
    return await buildOnce(siteDir);
  } finally {
    removeSiteCopy(siteDir);
  }
}

const { base, oneLanguage, threeLanguages } = corpora();
const one: BuildRun[] = [];
const three: BuildRun[] = [];
console.log(`Languages benchmark: ${perLanguage * 3} posts, ${runs} run(s), ${os.cpus().length} cores, Node ${process.version}`);
for (let run = 0; run < runs; run++) {
  one.push(await coldBuild(oneLanguage, 'bench-one-language', false));
  three.push(await coldBuild(threeLanguages, 'bench-three-languages', true));
  const [a, b] = [one.at(-1)!, three.at(-1)!];
  console.log(`  run ${run + 1}: one language ${a.seconds.toFixed(1)} s (CPU ${a.cpuSeconds.toFixed(1)} s), three languages ${b.seconds.toFixed(1)} s (CPU ${b.cpuSeconds.toFixed(1)} s)`);
}
fs.rmSync(base, { recursive: true, force: true });

const show = (values: number[], unit: string) => {
  const s = summary(values);
  return `${s.median.toFixed(2)}${unit} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
};
console.log(`\n| ${perLanguage * 3} posts, cold build, median of ${runs} | one language | three languages | three ÷ one |\n|---|---|---|---|`);
console.log(`| wall | ${show(one.map((r) => r.seconds), ' s')} | ${show(three.map((r) => r.seconds), ' s')} | ${show(three.map((r, i) => r.seconds / one[i].seconds), '×')} |`);
console.log(`| CPU | ${show(one.map((r) => r.cpuSeconds), ' s')} | ${show(three.map((r) => r.cpuSeconds), ' s')} | ${show(three.map((r, i) => r.cpuSeconds / one[i].cpuSeconds), '×')} |`);
console.log(`| peak RSS | ${show(one.map((r) => r.peakRss / 2 ** 20), ' MB')} | ${show(three.map((r) => r.peakRss / 2 ** 20), ' MB')} | |`);
