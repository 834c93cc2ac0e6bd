/**
 * Which Chromium the suite runs in (scripts/browser.ts): `FOLIO_BROWSER` picks the system or the
 * packaged one whatever else the machine has, and `CHROME_PATH` names one. Node's own
 * executable stands in for a browser at `CHROME_PATH`: only where it is matters here.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { findBrowser } from '../scripts/browser';

const saved = { FOLIO_BROWSER: process.env.FOLIO_BROWSER, CHROME_PATH: process.env.CHROME_PATH };

/** Sets the variables (undefined unsets one) for one test. */
function environment(variables: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

afterEach(() => environment(saved));

test('FOLIO_BROWSER=packaged runs the Chromium of @sparticuz/chromium even where CHROME_PATH names another', async () => {
  environment({ FOLIO_BROWSER: 'packaged', CHROME_PATH: process.execPath });
  const found = await findBrowser();
  assert.equal(found.source, '@sparticuz/chromium');
  assert.notEqual(found.executablePath, process.execPath);
});

test('FOLIO_BROWSER=system, or nothing, takes CHROME_PATH first', async () => {
  for (const choice of ['system', undefined]) {
    environment({ FOLIO_BROWSER: choice, CHROME_PATH: process.execPath });
    assert.deepEqual(await findBrowser().then(({ source, executablePath }) => ({ source, executablePath })), { source: 'CHROME_PATH', executablePath: process.execPath }, String(choice));
  }
});

test('any other FOLIO_BROWSER is an error that names the choices', async () => {
  environment({ FOLIO_BROWSER: 'firefox', CHROME_PATH: undefined });
  await assert.rejects(findBrowser(), /FOLIO_BROWSER is "firefox": use "system" .* or "packaged"/);
});
