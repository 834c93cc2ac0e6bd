/**
 * The CMS at `/admin/` (docs/cms.md): which app it runs, where that app's files are in its
 * npm package, and what the admin page's Content-Security-Policy must allow for it. The
 * prepare step publishes the app and its configuration (lib/build/admin.ts); the headers give
 * `/admin/` its own policy (lib/export/headers.ts), so nothing here reaches a reader's page.
 */
import { z } from 'zod';

/**
 * The apps the admin page can run, each a standalone bundle served from the site itself:
 * `bundle` is the file the page loads, `chunks` the files it loads from beside itself later,
 * `scriptSrc` what its script needs besides `'self'`. Decap CMS compiles its configuration's
 * JSON schema with `new Function` (ajv), so it needs `'unsafe-eval'`; Sveltia CMS does not.
 */
export const CMS_APPS = {
  decap: { packageName: 'decap-cms', bundle: 'dist/decap-cms.js', chunks: /^(?:\d+\.decap-cms\.js|\w+\.wasm)$/, scriptSrc: ["'unsafe-eval'"] },
  sveltia: { packageName: '@sveltia/cms', bundle: 'dist/sveltia-cms.js', chunks: null, scriptSrc: [] },
} as const;

export type CmsApp = keyof typeof CMS_APPS;

/** The file name the admin page loads its app as, whichever app it is. */
export const CMS_SCRIPT_FILE = 'cms.js';

/** Where Decap's local backend (`decap-server`, run by `npm run cms`) listens unless told otherwise. */
export const LOCAL_BACKEND_PORT = 8081;

/** The origin of the local backend on `port`: `npm run cms` binds it to 127.0.0.1, this machine alone. */
export const localBackendOrigin = (port: number = LOCAL_BACKEND_PORT) => `http://127.0.0.1:${port}`;

/** The GitHub API, which the GitHub backend reads and commits through. */
export const GITHUB_API_ORIGIN = 'https://api.github.com';

export const cmsSchema = z.strictObject({
  /** `decap` (Decap CMS) or `sveltia` (Sveltia CMS, after `npm install @sveltia/cms`): the same configuration runs both. */
  app: z.enum(Object.keys(CMS_APPS) as [CmsApp, ...CmsApp[]]).default('decap'),
  /** The GitHub repository a published site's `/admin/` commits to, as "owner/name"; null for local editing only (`npm run cms`). */
  repo: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, 'must be a GitHub repository as "owner/name"')
    .nullable()
    .default(null),
  /** The branch it commits to. */
  branch: z.string().trim().min(1, 'must not be empty').default('main'),
  /**
   * The OAuth server that signs authors in to GitHub (Decap's `base_url`): null for Netlify's,
   * which works for a site hosted on Netlify; else your own, such as a Cloudflare Worker.
   */
  authBaseUrl: z
    .url({ protocol: /^https$/, error: 'must be an https:// URL' })
    .refine((value) => new URL(value).origin === value, 'must be an origin (scheme and host), with no path or trailing slash')
    .nullable()
    .default(null),
});

export type CmsSettings = z.output<typeof cmsSchema>;

/**
 * The Content-Security-Policy sources the admin page needs for `app`, besides `'self'`:
 * - `script-src`: the app's own needs (`CMS_APPS`);
 * - `style-src 'unsafe-inline'`: both apps style their interface with `<style>` elements
 *   they write at run time;
 * - `img-src blob:`: the preview of an image the author has just picked;
 * - `connect-src`: `blob:` (Decap reads its own blob URLs back to keep a local backup of an
 *   unsaved entry), the GitHub API, and the local backend when `localBackend` is its origin
 *   (the development admin page only: a published site never talks to localhost).
 */
export function adminCspSources(app: CmsApp, { localBackend = null }: { localBackend?: string | null } = {}) {
  return {
    scriptSrc: [...CMS_APPS[app].scriptSrc],
    styleSrc: ["'unsafe-inline'"],
    imgSrc: ['blob:'],
    connectSrc: ['blob:', GITHUB_API_ORIGIN, ...(localBackend ? [localBackend] : [])],
  };
}
