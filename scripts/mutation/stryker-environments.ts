// Preloaded, after tsx, into Stryker's test runner processes (stryker.config.mjs, `testRunnerNodeArgs`).
// Stryker learns which test covers which mutant from its own jest environment, which it
// puts in place of the configured one; but most test files choose theirs with a
// `@jest-environment node` docblock, which jest resolves itself, bypassing Stryker's, so
// Stryker would refuse `coverageAnalysis: 'perTest'`. Here a docblock's `node` or `jsdom`
// resolves to Stryker's wrapper of that same environment, so the tests run as they always do.
// jest-resolve's exports are getters, so its module's exports are replaced as a whole, before
// jest-runner first requires it.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const jestResolvePath = require.resolve('jest-resolve', { paths: [path.dirname(require.resolve('jest-runner'))] });
const jestResolve = require(jestResolvePath) as { resolveTestEnvironment: (options: { testEnvironment: string }) => string };

const strykerEnvironments: Record<string, string> = {
  node: require.resolve('@stryker-mutator/jest-runner/jest-env/node'),
  jsdom: require.resolve('@stryker-mutator/jest-runner/jest-env/jsdom'),
};

const resolveTestEnvironment = (options: { testEnvironment: string }) =>
  strykerEnvironments[options.testEnvironment.replace(/^jest-environment-/, '')] ?? jestResolve.resolveTestEnvironment(options);

(require.cache[jestResolvePath] as NodeJS.Module).exports = new Proxy(jestResolve, {
  get: (target, key) => (key === 'resolveTestEnvironment' ? resolveTestEnvironment : Reflect.get(target, key)),
});
