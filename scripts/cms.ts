/**
 * `npm run cms`: edit `posts/` in the browser, with no login and no network. Runs Decap's
 * local backend (`decap-server`, which reads and writes the project's files) on this machine
 * alone, and `npm run dev` (scripts/dev.ts), whose prepare step writes the admin page's
 * configuration for that backend (lib/build/admin.ts). Open the admin page at
 * http://localhost:3000/admin/index.html; a post saved there is in `posts/`, and the blog at
 * http://localhost:3000 shows it on a refresh. Ctrl-C stops both.
 *
 *   npm run cms [-- <next dev options>]     FOLIO_CMS_PORT=8082 for another backend port (default 8081)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cmsLocalBackendPort } from '../lib/config/site';
import { packageDir } from '../lib/node/packages';

const root = process.cwd();
const serverDir = packageDir('decap-server', root);
if (!serverDir) {
  console.error('npm run cms needs decap-server: run npm install');
  process.exit(1);
}

const children: ChildProcess[] = [];
/** Runs `args` with Node; when either process ends, the other is stopped and this one exits with its code. */
function run(args: string[], env: Record<string, string>): void {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('close', (code) => {
    for (const other of children) if (other !== child && other.exitCode === null) other.kill('SIGTERM');
    process.exitCode ??= code ?? 0;
  });
}

const port = String(cmsLocalBackendPort);
// Bound to 127.0.0.1: the local backend writes files with no login, so nothing off this machine may reach it.
run([path.join(serverDir, 'dist', 'index.js')], { PORT: port, BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: root, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
run(['--import', 'tsx', path.join(root, 'scripts', 'dev.ts'), ...process.argv.slice(2)], { FOLIO_CMS_PORT: port });
console.log(`The CMS: http://localhost:3000/admin/index.html (its local backend on 127.0.0.1:${port}).`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  });
}
