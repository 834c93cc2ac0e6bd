// The quick loop (npm run test:quick, npm run test:watch): every unit and component test, and
// none that runs `next build` — those are the __tests__/build*.test.ts files, which npm test runs.
import jestConfig from './jest.config.mjs';

export default async function quickJestConfig() {
  const config = await jestConfig();
  // Jest's default is one worker fewer than the cores, a single one on a 2-core machine; these
  // tests are light enough to share every core.
  return { ...config, maxWorkers: '100%', testPathIgnorePatterns: [...(config.testPathIgnorePatterns ?? []), '<rootDir>/__tests__/build[-.][^/]*$'] };
}
