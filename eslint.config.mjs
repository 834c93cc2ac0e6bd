import Module from 'node:module';

// typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7 does not ship yet
// (typescript-eslint#10940). As TypeScript's 7.0 release notes advise, the linter runs on
// TypeScript 6 (@typescript/typescript6) while `tsc` and `next build` use TypeScript 7.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveTypeScript6(request, parent, ...rest) {
  const fromLinter = request === 'typescript' && /[\\/](typescript-eslint|@typescript-eslint|ts-api-utils)[\\/]/.test(parent?.filename ?? '');
  return resolveFilename.call(this, fromLinter ? '@typescript/typescript6' : request, parent, ...rest);
};

// eslint-plugin-import parses the modules an import names to follow cycles, with the parser that
// 'import/parsers' names; given by package name it is looked up from eslint-plugin-import's own
// folder, where npm does not put typescript-eslint's parser (nested under eslint-config-next,
// and not installable at the top beside TypeScript 7, whose version its peer range excludes).
// Without it every .ts module is skipped and no cycle through one is ever found.
const requireFrom = (from, name) => Module.createRequire(from).resolve(name);
const typeScriptParser = requireFrom(requireFrom(requireFrom(import.meta.url, 'eslint-config-next'), 'typescript-eslint'), '@typescript-eslint/parser');

const { default: nextCoreWebVitals } = await import('eslint-config-next/core-web-vitals');
const { default: nextTypeScript } = await import('eslint-config-next/typescript');

/** Where each layer of lib/ may not import from: each zone's `target` may not import its `from`. */
const LAYER_ZONES = [
  { target: './lib/node', from: ['./lib', './components', './pages'], except: ['./node'], message: 'lib/node holds Node helpers only.' },
  {
    target: ['./lib/routes', './lib/config', './lib/integrations'],
    from: ['./lib/content', './lib/markdown', './lib/images', './lib/page-props', './lib/build', './lib/export', './components', './pages'],
    message: 'Routes, settings and integrations sit below content: they know URLs and settings, not posts.',
  },
  {
    target: ['./lib/content', './lib/markdown', './lib/images'],
    from: ['./lib/page-props', './lib/build', './lib/export', './components', './pages'],
    message: 'Content, Markdown and images are read by page props and build steps, never the other way.',
  },
  { target: './lib/page-props', from: ['./lib/build', './lib/export', './components', './pages'], message: 'Page props only read what the build prepared.' },
  {
    target: './lib/export',
    from: ['./lib/markdown', './lib/build', './lib/page-props', './lib/images/process.ts', './lib/images/social-image.ts', './lib/images/card-fonts.ts', './lib/images/body-images.ts', './components', './pages'],
    message: 'The post-export step reads the exported site; it never runs the compile pipeline.',
  },
  { target: './lib/build', from: ['./pages', './components'], except: ['./MdxBody/renderBody.tsx'], message: 'Build steps may render bodies (components/MdxBody/renderBody.tsx), nothing else of the UI.' },
  { target: './components', from: './pages', message: 'Components never import pages.' },
];

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
  {
    // One direction of imports: pages → components/templates → page props → content, markdown,
    // images → routes, config, integrations → node helpers (docs/architecture.md). A cycle
    // anywhere, at any depth, fails lint; type-only imports are not cycles (they vanish at run time).
    rules: {
      'import/no-cycle': ['error', { maxDepth: Infinity }],
      'import/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
    },
  },
  {
    // Components render data they are given: they may name build-time types, never run build-time code.
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['components/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/build/**', '**/lib/export/**', '**/lib/markdown/**', '**/lib/images/**', '**/lib/page-props/**', '**/lib/content/**', '!**/lib/content/dates*', '**/lib/node/**'],
              allowTypeImports: true,
              message: 'Components render what page props give them; import build-time modules as types only (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
  { ignores: ['.next/', 'out/', '.tmp/', 'node_modules/', 'next-env.d.ts', 'public/posts/', 'public/admin/', '.stryker-tmp*/', 'reports/'] },
];

// eslint-config-next names the parser by its package name in its 'import/parsers' setting: point it at the file.
for (const entry of config) {
  const parsers = entry.settings?.['import/parsers'];
  if (parsers?.['@typescript-eslint/parser']) {
    const { '@typescript-eslint/parser': extensions, ...others } = parsers;
    entry.settings = { ...entry.settings, 'import/parsers': { ...others, [typeScriptParser]: extensions } };
  }
}

export default config;
