import os from 'node:os';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';
import { parseBasePath } from './lib/routes/base-path';

const nextConfig = (phase: string): NextConfig => {
  // The static-generation workers that `next build` forks after reading this config inherit
  // its environment. glibc gives a thread that allocates while another holds the lock an
  // arena of its own, and sharp's and Node's threads leave those half empty: one arena keeps
  // a 10,000-post build about 400 MB smaller, with no loss of time (see Performance in the
  // README). Other C libraries ignore the variable.
  process.env.MALLOC_ARENA_MAX ??= '1';
  return {
    // `next build` writes the whole site to out/ as static files. `next dev` runs without the
    // export setting, because export mode forbids `fallback: 'blocking'`, which dev needs to
    // serve a post added after the server started on its first request (lib/page-props/).
    ...(phase === PHASE_DEVELOPMENT_SERVER ? {} : { output: 'export' }),
    // A site served under a sub-path (`BASE_PATH=/my-repo`): Next puts its `_next/` assets
    // there; Folio's own links get it from `withBasePath` (lib/config/site.ts), read the same way.
    basePath: parseBasePath(process.env.BASE_PATH),
    // out/posts/<slug>/index.html: any static server serves it with no rewrites.
    trailingSlash: true,
    // No image server in a static export.
    images: { unoptimized: true },
    reactStrictMode: true,
    // `npm run build` checks the types itself, beside the prepare step, before `next build`
    // starts (lib/build/type-check.ts): here the check would hold up every page, and run twice.
    typescript: { ignoreBuildErrors: true },
    experimental: {
      // Next defaults to one static-generation worker per core minus one: a single worker on a
      // 2-core machine. Rendering 1550 pages of 1000 posts keeps both cores busy.
      cpus: os.availableParallelism(),
    },
    // Loaded from node_modules at build time rather than bundled into every post page's server
    // code: satori carries its WebAssembly inline (sharp is on Next's own list already).
    serverExternalPackages: ['satori'],
    poweredByHeader: false,
  };
};

export default nextConfig;
