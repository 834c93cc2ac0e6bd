// @ts-check
/**
 * Mutation testing (StrykerJS, `npm run mutation`) of the modules that carry the README's
 * promises: it changes their code one small mutation at a time and counts the changes the
 * unit tests catch. See docs/mutation-testing.md for the scores and the choices made here.
 * `MUTATE=slug,feeds npm run mutation` measures only the modules named (keys of MODULES).
 */
import fs from 'node:fs';

/**
 * Where the code of each measured module is: the one place to change when a file moves. A path
 * is given without its extension: it names the file with `.ts`, `.tsx`, `.mts` or `.mjs`,
 * whichever exists, so a module converted from JavaScript to TypeScript needs no change here.
 */
const SOURCES = {
  content: ['lib/content/load', 'lib/content/sources', 'lib/content/parse', 'lib/content/content-index'],
  schema: ['lib/content/schema'],
  slug: ['lib/content/slug'],
  routeTable: ['lib/routes/table'],
  sanitize: ['lib/markdown/sanitize'],
  bodyUrls: ['lib/markdown/urls'],
  urls: ['lib/routes/urls'],
  svg: ['lib/images/svg'],
  feeds: ['lib/export/feeds'],
  headers: ['lib/export/headers'],
};

/**
 * The parts of the Markdown pipeline that make raw HTML safe: the tag filter, the sanitizer's
 * schema and the prefixing of ids (all of lib/markdown/sanitize.ts), the check of every URL
 * (these declarations of lib/markdown/urls.ts), and how a URL's scheme and a srcset are read
 * (of lib/routes/urls.ts). The rest of the pipeline (code
 * highlighting, alerts, embeds, math) builds trusted markup and is not measured.
 */
const BODY_URL_DECLARATIONS = ['URL_PROPERTIES', 'COMPONENT_URL_PROPERTIES', 'replaceUrls', 'replaceElementUrls', 'rehypeCheckUrls'];
const URL_DECLARATIONS = ['urlScheme', 'srcSetCandidates', 'replaceSrcSetUrls'];

/**
 * The part of the route table that decides which names a post, page, tag or category cannot
 * take; the rest of the table (the pages' paths) is measured by the tests of what uses it.
 */
const RESERVED_NAME_DECLARATIONS = ['firstSegment', 'RESERVED_ROOT_NAMES', 'RESERVED_SEGMENTS', 'reservedSlugProblem'];

/**
 * The files `SOURCES[source]` names, with their extensions.
 * @param {keyof typeof SOURCES} source
 */
const sourceFiles = (source) => SOURCES[source].map((base) => sourceFile(source, base));

/**
 * The file `base` names, with its extension.
 * @param {keyof typeof SOURCES} source
 * @param {string} base
 */
function sourceFile(source, base) {
  const file = ['.ts', '.tsx', '.mts', '.mjs'].map((extension) => `${base}${extension}`).find((name) => fs.existsSync(new URL(name, import.meta.url)));
  if (file === undefined) throw new Error(`stryker.config.mjs: SOURCES.${source} names ${base}, and there is no ${base}.ts, .tsx, .mts or .mjs`);
  return file;
}

/**
 * `file:from-to` line ranges (Stryker's mutation ranges) of the top-level declarations
 * `names` in `file`: each runs from its line to its closing `}` or `)` at the start of a line,
 * or is that one line when it ends there. Found by name, so they follow the code as it moves.
 * @param {string} file
 * @param {string[]} names
 */
function declarationRanges(file, names) {
  const lines = fs.readFileSync(new URL(file, import.meta.url), 'utf8').split('\n');
  return names.map((name) => {
    const start = lines.findIndex((line) => new RegExp(`^(?:export )?(?:const|let|function|async function) ${name}\\b`).test(line));
    if (start === -1) throw new Error(`stryker.config.mjs: ${file} declares no ${name}`);
    const end = /[;)]$/.test(lines[start]) ? start : lines.findIndex((line, at) => at > start && /^[})]/.test(line));
    return `${file}:${start + 1}-${end + 1}`;
  });
}

/** The modules measured: the code each one mutates, and the test files that exercise it. */
const MODULES = {
  content: { mutate: () => sourceFiles('content'), tests: ['content', 'content-hostile', 'dates', 'new-post'] },
  schema: { mutate: () => sourceFiles('schema'), tests: ['schema', 'content', 'content-hostile', 'dates'] },
  slug: { mutate: () => sourceFiles('slug'), tests: ['slug', 'content', 'content-hostile', 'new-post'] },
  'reserved-paths': { mutate: () => declarationRanges(sourceFiles('routeTable')[0], RESERVED_NAME_DECLARATIONS), tests: ['reserved-paths', 'content', 'content-hostile'] },
  sanitizer: {
    mutate: () => [...sourceFiles('sanitize'), ...declarationRanges(sourceFiles('bodyUrls')[0], BODY_URL_DECLARATIONS), ...declarationRanges(sourceFiles('urls')[0], URL_DECLARATIONS)],
    tests: ['markdown', 'markdown-spec', 'markdown-sanitizer'] },
  svg: { mutate: () => sourceFiles('svg'), tests: ['svg', 'content-hostile'] },
  feeds: { mutate: () => sourceFiles('feeds'), tests: ['feeds', 'feeds-entries'] },
  headers: { mutate: () => sourceFiles('headers'), tests: ['headers', 'headers-policy', 'deploy-files', 'serve'] },
};

const chosen = process.env.MUTATE ? process.env.MUTATE.split(',') : Object.keys(MODULES);
const unknown = chosen.filter((name) => !(name in MODULES));
if (unknown.length) throw new Error(`MUTATE names ${unknown.join(', ')}; the modules are ${Object.keys(MODULES).join(', ')}`);
/** What the reports of this run are named by: the modules measured. */
const reportName = process.env.MUTATE ? chosen.join('+') : 'all';
const modules = chosen.map((name) => MODULES[/** @type {keyof typeof MODULES} */ (name)]);
const testFiles = [...new Set(modules.flatMap(({ tests }) => tests))]
  .map((name) => fs.readdirSync(new URL('__tests__/', import.meta.url)).find((file) => file.startsWith(`${name}.test.`)))
  .filter((file) => file !== undefined)
  .map((file) => `__tests__/${file}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'jest',
  jest: {
    // The project's own jest config (next/jest, SWC), so the tests run as `npm test` runs them,
    configFile: '__tests__/jest.config.mjs',
    // but only the test files of the modules measured (the tests that build a site with
    // `next build` take minutes each). Jest's search for the tests related to a mutated file
    // would cost more than it saves: these are all of them. (Not Stryker's own `testFiles`:
    // with it, Stryker 9.6's jest runner filters a static mutant's run by the test files'
    // paths as if they were test names, runs no test, and reports the mutant survived.)
    config: { testMatch: testFiles.map((file) => `<rootDir>/${file}`) },
    enableFindRelatedTests: false,
  },
  // Each mutant runs only the tests that reach its code.
  coverageAnalysis: 'perTest',
  mutate: modules.flatMap(({ mutate }) => mutate()),
  // Most test files pick `@jest-environment node` in a docblock; this lets Stryker see them.
  testRunnerNodeArgs: ['--import', 'tsx', '--import', new URL('scripts/mutation/stryker-environments.ts', import.meta.url).href],
  // Two cores, shared with builds.
  concurrency: 2,
  // A mutant's run includes jest's start, which takes seconds on a busy machine: a short
  // limit would count slow runs as timeouts, and so as killed.
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${reportName}.html` },
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
  // With `--incremental`, a run tests again only the mutants whose code or tests changed.
  incrementalFile: `reports/mutation/${reportName}.incremental.json`,
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  ignorePatterns: ['/.next', '/out', '/.tmp', '/public/posts', '/public/_img', '/public/katex', '/e2e', '/bench'],
  cleanTempDir: 'always',
  // Stryker rewrites the tsconfig's \`extends\` and \`references\` for its sandbox with
  // TypeScript's JavaScript API, which TypeScript 7 does not ship. Folio's tsconfig.json has
  // neither, so Stryker is pointed at no tsconfig. (For the same reason there is no TypeScript
  // checker: \`npm run typecheck\` is \`tsc\`, and jest compiles with SWC, which does not type-check.)
  tsconfigFile: 'no-tsconfig-to-rewrite.json',
};

export default config;
