import os from 'node:os';
import type { NextConfig } from 'next';

// The same export settings as Folio's next.config.ts, and its static-generation workers, so
// that the floor is what Next itself costs for the same pages on this machine.
const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  experimental: { cpus: os.availableParallelism() },
  poweredByHeader: false,
};

export default nextConfig;
