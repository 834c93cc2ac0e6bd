/**
 * Publishes the CMS's admin page into `public/admin/` (git-ignored: everything in it is made
 * here), part of the prepare step (lib/build/prepare.ts), so `next dev` serves it and
 * `next build` copies it into `out/admin/`:
 *
 * - `config.yml`, the CMS's configuration, made from the front matter schema
 *   (lib/build/cms-config.ts);
 * - `cms.js` and the files it loads from beside itself: the CMS app's own bundle, copied from
 *   its npm package (lib/integrations/cms.ts), so the admin page loads nothing from a CDN.
 *   Decap's is 5 MB and comes with its package's version, so it is copied, not committed;
 * - `index.html`, which loads them, with its own Content-Security-Policy in a `<meta>` (for
 *   hosts that send no `_headers`, and for `next dev`) and `noindex`.
 *
 * In development the configuration and the policy also name the local backend that
 * `npm run cms` runs (`decap-server`), so the admin page edits `posts/` with no login.
 * Reader pages never refer to any of it: the admin page is not in the route table's pages,
 * the sitemap, the feeds, the search index or the menus.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ADMIN_PATH } from '../routes/table';
import { CMS_APPS, CMS_SCRIPT_FILE, localBackendOrigin, type CmsSettings } from '../integrations/cms';
import { packageDir } from '../node/packages';
import { copyIfChanged, writeAtomically } from '../node/files';
import { ADMIN_ROBOTS, adminContentSecurityPolicy, policyForMeta } from '../export/headers';
import { cmsConfig } from './cms-config';

/** The admin page's folder under `public/`. */
export const ADMIN_FOLDER = ADMIN_PATH.slice(1, -1);

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The admin page: the app's script, its configuration by link, and the policy and robots rule it is served with. */
export function adminPage({ title, language, policy }: { title: string; language: string; policy: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="${ADMIN_ROBOTS}">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policyForMeta(policy))}">
<title>${escapeHtml(`Content manager · ${title}`)}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<script src="${CMS_SCRIPT_FILE}"></script>
</body>
</html>
`;
}

export interface AdminOptions {
  publicDir: string;
  site: { title: string; language: string; url: string; cms: CmsSettings };
  /** The local backend's port in development (`npm run cms`); null in a production build. */
  localBackendPort: number | null;
}

/** Writes `public/admin/` (see above); returns its folder. Throws, saying what to install, when the app's package is missing. */
export function publishAdmin({ publicDir, site, localBackendPort }: AdminOptions): string {
  const app = CMS_APPS[site.cms.app];
  // Found from the project the build runs in, as KaTeX is (lib/build/katex.ts).
  const appDir = packageDir(app.packageName);
  if (!appDir) throw new Error(`The CMS (settings cms.app: "${site.cms.app}") needs the npm package ${app.packageName}: run npm install ${app.packageName}`);
  const adminDir = path.join(publicDir, ADMIN_FOLDER);
  const localBackend = localBackendPort === null ? null : localBackendOrigin(localBackendPort);
  const bundleDir = path.dirname(path.join(appDir, app.bundle));
  const { chunks } = app;
  const files = new Map([[CMS_SCRIPT_FILE, path.join(appDir, app.bundle)]]);
  for (const name of chunks ? fs.readdirSync(bundleDir).filter((file) => chunks.test(file)) : []) files.set(name, path.join(bundleDir, name));

  fs.mkdirSync(adminDir, { recursive: true });
  // What an earlier app or version left is removed: the folder holds exactly this app's files.
  const made = new Set([...files.keys(), 'config.yml', 'index.html']);
  for (const entry of fs.readdirSync(adminDir)) if (!made.has(entry)) fs.rmSync(path.join(adminDir, entry), { recursive: true, force: true });
  for (const [name, source] of files) copyIfChanged(source, path.join(adminDir, name));
  const config = cmsConfig({ siteUrl: site.url, cms: site.cms, localBackendApi: localBackend && `${localBackend}/api/v1` });
  writeAtomically(path.join(adminDir, 'config.yml'), `# Written by the prepare step (lib/build/admin.ts) from lib/content/schema.ts: edit those, not this.\n${YAML.stringify(config)}`);
  const policy = adminContentSecurityPolicy({ app: site.cms.app, localBackend });
  writeAtomically(path.join(adminDir, 'index.html'), adminPage({ title: site.title, language: site.language, policy }));
  return adminDir;
}
