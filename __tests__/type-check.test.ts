/**
 * @jest-environment node
 *
 * `npm run build` checks the project's types beside the prepare step (lib/build/type-check.ts),
 * since next.config.ts turns `next build`'s own check off: a type error fails the build before
 * any page is rendered, named by file, line and column, and listed with every broken post.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkTypes, TypeCheckError } from '../lib/build/type-check';
import { copySite, removeBuiltSites } from './helpers/build-site';
import { post, writePosts } from './helpers/posts-dir';

jest.setTimeout(300_000);
afterAll(removeBuiltSites);

/** A site copy whose Callout component passes a number where a string is typed; returns its folder. */
function siteWithTypeError(posts: Record<string, string>): string {
  const siteDir = copySite(writePosts(posts), 'type-check');
  const file = path.join(siteDir, 'components', 'Callout', 'Callout.tsx');
  fs.appendFileSync(file, '\nexport const calloutWidth: string = 42;\n');
  return siteDir;
}

const calloutErrorLine = (siteDir: string) => fs.readFileSync(path.join(siteDir, 'components', 'Callout', 'Callout.tsx'), 'utf8').split('\n').indexOf('export const calloutWidth: string = 42;') + 1;

it('rejects with every error tsc finds, each named by file, line and column', async () => {
  const siteDir = siteWithTypeError({ 'a.md': post('title: A\ndate: 2020-01-01') });
  const error = await checkTypes(siteDir).then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(TypeCheckError);
  expect((error as Error).message).toContain(`components/Callout/Callout.tsx(${calloutErrorLine(siteDir)},14): error TS2322: Type 'number' is not assignable to type 'string'.`);
});

it('passes on the project as it is, and then checks again only when what it reads changed', async () => {
  const siteDir = copySite(writePosts({ 'a.md': post('title: A\ndate: 2020-01-01') }), 'type-check');
  expect(await checkTypes(siteDir)).toBe('checked');
  expect(await checkTypes(siteDir)).toBe('unchanged');
  // Posts, styles and what builds write are not what tsc reads, or not what it checks.
  fs.writeFileSync(path.join(siteDir, 'posts', 'a.md'), post('title: A, edited\ndate: 2020-01-01'));
  fs.appendFileSync(path.join(siteDir, 'styles', 'globals.css'), '\n/* edited */\n');
  fs.mkdirSync(path.join(siteDir, 'out'), { recursive: true });
  fs.writeFileSync(path.join(siteDir, 'out', 'written.ts'), 'export const n: string = 1;\n');
  // As `next build` writes it, after the first check.
  fs.writeFileSync(path.join(siteDir, 'next-env.d.ts'), '/// <reference types="next" />\n');
  expect(await checkTypes(siteDir)).toBe('unchanged');
  for (const [file, text] of [['lib/config/settings.ts', '\n// edited\n'], ['tsconfig.json', '\n'], ['package.json', '\n']]) {
    fs.appendFileSync(path.join(siteDir, file), text);
    expect({ file, done: await checkTypes(siteDir) }).toEqual({ file, done: 'checked' });
  }
  // A check that fails records nothing: the next build checks again, and fails again.
  fs.appendFileSync(path.join(siteDir, 'lib', 'config', 'settings.ts'), '\nexport const broken: string = 1;\n');
  await expect(checkTypes(siteDir)).rejects.toBeInstanceOf(TypeCheckError);
  await expect(checkTypes(siteDir)).rejects.toBeInstanceOf(TypeCheckError);
});

it('fails `npm run build` before `next build`, listing the type error and every broken post in one run', async () => {
  const siteDir = siteWithTypeError({ 'good.md': post('title: Good\ndate: 2020-01-01'), 'broken.md': post('title: Broken\ndate: 2020-13-45') });
  const failure = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: siteDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 }).then(
    () => null,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(failure?.code).toBe(1);
  const output = `${failure?.stdout}${failure?.stderr}`;
  expect(output).toContain(`components/Callout/Callout.tsx(${calloutErrorLine(siteDir)},14): error TS2322`);
  expect(output).toMatch(/broken\.md:3: .*date/);
  expect(output).not.toContain('Next.js');
  expect(fs.existsSync(path.join(siteDir, 'out'))).toBe(false);
});
