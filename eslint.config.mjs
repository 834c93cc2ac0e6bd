import Module from 'node:module';

// typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7 does not ship yet
// (typescript-eslint#10940). As TypeScript's 7.0 release notes advise, the linter runs on
// TypeScript 6 (@typescript/typescript6) while `tsc` and `next build` use TypeScript 7.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveTypeScript6(request, parent, ...rest) {
  const fromLinter = request === 'typescript' && /[\\/](typescript-eslint|@typescript-eslint|ts-api-utils)[\\/]/.test(parent?.filename ?? '');
  return resolveFilename.call(this, fromLinter ? '@typescript/typescript6' : request, parent, ...rest);
};

const { default: nextCoreWebVitals } = await import('eslint-config-next/core-web-vitals');
const { default: nextTypeScript } = await import('eslint-config-next/typescript');

const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    rules: {
      // Pages ship no client JS, so there is no client-side router for next/link to use,
      // and static export has no image optimiser for next/image: plain <a> and <img> are right.
      '@next/next/no-html-link-for-pages': 'off',
      '@next/next/no-img-element': 'off',
    },
  },
  { ignores: ['.next/', 'out/', '.tmp/', 'node_modules/', 'next-env.d.ts', 'public/posts/', '.stryker-tmp*/', 'reports/'] },
];

export default config;
