// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `next build` writes the whole site to out/ as static files.
  output: 'export',
  // out/posts/<slug>/index.html: any static server serves it with no rewrites.
  trailingSlash: true,
  // No image server in a static export.
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
};

module.exports = nextConfig;
