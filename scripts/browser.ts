/**
 * Finds a Chromium for the e2e suite and `npm run lighthouse`, and launches it headless with
 * playwright-core.
 *
 * Order: `CHROME_PATH`, then a system Chromium or Chrome (known paths, then `PATH`), then
 * the Chromium that the `@sparticuz/chromium` devDependency ships inside its npm package,
 * so `npm install && npm run test:e2e` works on a Linux x64 machine with no browser.
 * `FOLIO_BROWSER` picks one kind whatever else is there: `system` (`CHROME_PATH`, else a
 * system browser, else an error) or `packaged` (@sparticuz/chromium's). The two differ: a
 * system Chromium (Debian's) asks every page for its icon, while the packaged one never does
 * and runs in a single process, one browser context at a time. CI runs the suite under both
 * (.ci/run).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium as playwrightChromium, type Browser } from 'playwright-core';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The machine has no outside network: keep the browser from trying to reach it. */
const QUIET_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const isExecutable = (file: string): boolean => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Like `which`: the first executable called `name` on `PATH`. */
function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}

/**
 * The Chromium of @sparticuz/chromium links against NSS and expat. Where the system lacks
 * them (a bare Linux without the packages), the package's own copies of those libraries
 * (`al2023.tar.br`, unpacked to `<tmp>/al2023/lib`) are put on `LD_LIBRARY_PATH`.
 */
async function sparticuzEnv(executablePath: string, inflate: (file: string) => Promise<string>): Promise<NodeJS.ProcessEnv> {
  const env = { ...process.env };
  if (!fs.existsSync('/etc/fonts/fonts.conf')) env.FONTCONFIG_PATH ??= path.join(os.tmpdir(), 'fonts');
  const ldd = spawnSync('ldd', [executablePath], { encoding: 'utf8' });
  if (ldd.error || !/not found/.test(ldd.stdout)) return env;
  const binDir = path.join(path.dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '..', 'bin');
  const libDir = path.join(await inflate(path.join(binDir, 'al2023.tar.br')), 'lib');
  env.LD_LIBRARY_PATH = [libDir, env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter);
  return env;
}

/** The kinds of browser `FOLIO_BROWSER` can ask for. */
const BROWSER_CHOICES = ['system', 'packaged'];

/** Where the browser is and how to start it. */
export interface FoundBrowser {
  executablePath: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Which one it is: `CHROME_PATH`, `system` or `@sparticuz/chromium`. */
  source: string;
}

/** Where the browser is and how to start it. */
export async function findBrowser(): Promise<FoundBrowser> {
  const choice = process.env.FOLIO_BROWSER || null;
  if (choice !== null && !BROWSER_CHOICES.includes(choice)) {
    throw new Error(`FOLIO_BROWSER is ${JSON.stringify(choice)}: use "system" (CHROME_PATH, else a Chromium or Chrome installed on this machine) or "packaged" (the Chromium of @sparticuz/chromium)`);
  }
  if (choice !== 'packaged') {
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const fromEnv = process.env.CHROME_PATH;
    if (fromEnv) {
      if (!isExecutable(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file`);
      return { executablePath: fromEnv, args: [...rootArgs, ...QUIET_ARGS], source: 'CHROME_PATH' };
    }
    const system = SYSTEM_PATHS.find(isExecutable) ?? PATH_NAMES.map(onPath).find(Boolean);
    if (system) return { executablePath: system, args: [...rootArgs, ...QUIET_ARGS], source: 'system' };
    if (choice === 'system') throw new Error(`FOLIO_BROWSER=system, but there is no Chromium or Chrome at ${SYSTEM_PATHS.join(', ')} or on PATH, and CHROME_PATH is not set (on Debian: apt-get install chromium)`);
  }

  const { default: chromium, inflate } = await import('@sparticuz/chromium');
  const executablePath = await chromium.executablePath();
  const args = [...new Set([...chromium.args, ...QUIET_ARGS])];
  return { executablePath, args, env: await sparticuzEnv(executablePath, inflate), source: '@sparticuz/chromium' };
}

/** Launches the browser headless; the result's `source` says which one was found. */
export async function launchBrowser(): Promise<FoundBrowser & { browser: Browser }> {
  const found = await findBrowser();
  const browser = await playwrightChromium.launch({ executablePath: found.executablePath, args: found.args, env: found.env, headless: true });
  return { browser, ...found };
}
