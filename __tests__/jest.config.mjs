// @ts-check
// Jest through next/jest: it compiles TypeScript and JSX with SWC (ts-jest refuses
// TypeScript 7) and stubs CSS modules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nextJest from 'next/jest.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const createJestConfig = nextJest({ dir: rootDir });

/** @type {import('jest').Config} */
const config = {
  rootDir,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup.ts'],
  testMatch: ['<rootDir>/__tests__/**/*.test.{ts,tsx}', '<rootDir>/components/**/*.test.{ts,tsx}'],
  // `.stryker-tmp*/` holds the copies of the project that `npm run mutation` tests.
  testPathIgnorePatterns: ['/node_modules/', '/.tmp/', '/.next/', '/out/', '<rootDir>/.stryker-tmp'],
  modulePathIgnorePatterns: ['<rootDir>/.tmp/', '<rootDir>/.next/', '<rootDir>/out/', '<rootDir>/.stryker-tmp'],
  // estree-walker's package entry points at a build that jest cannot load; its source is plain ESM.
  moduleNameMapper: {
    '^estree-walker$': '<rootDir>/node_modules/estree-walker/src/index.js',
    // shiki's WebAssembly loader needs web APIs jsdom lacks; load its binary from disk instead.
    '^shiki/wasm$': '<rootDir>/__tests__/helpers/shiki-wasm.ts',
    // pagefind exports its Node API for `import` only; jest resolves as `require` does.
    '^pagefind$': '<rootDir>/node_modules/pagefind/lib/index.js',
  },
};

export default async function jestConfig() {
  const resolved = await createJestConfig(config)();
  // unified, remark, rehype and next-mdx-remote are ESM-only, so node_modules is compiled too.
  resolved.transformIgnorePatterns = [];
  return resolved;
}
