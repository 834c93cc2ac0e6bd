/** @jest-environment node */
// The route table (lib/routes/table) is the one place that knows the site's URLs: every page
// file in pages/ belongs to exactly one of its routes, and every file it names exists, so a
// route added without its entry (or an entry left behind by a removed page) fails here.
import fs from 'node:fs';
import path from 'node:path';
import { PAGE_ROUTES } from '../lib/routes/table';

const root = path.resolve(__dirname, '..');

/** Next's own files in pages/: they render no route of their own. */
const NEXT_FILES = new Set(['pages/_app.tsx', 'pages/_document.tsx']);

function pageFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    return entry.isDirectory() ? pageFiles(file) : [file];
  });
}

describe('the route table', () => {
  it('names every page file in pages/ once, and only files that exist', () => {
    const named = Object.values(PAGE_ROUTES).flatMap((route) => route.files);
    expect(new Set(named).size).toBe(named.length);
    expect([...named].sort()).toEqual(pageFiles('pages').filter((file) => !NEXT_FILES.has(file)).sort());
  });

  it('gives each route a site path that starts and ends with a slash', () => {
    for (const [name, route] of Object.entries(PAGE_ROUTES)) expect([name, route.path('x')]).toEqual([name, expect.stringMatching(/^\/(.+\/)?$/)]);
  });

  it('puts a post at /posts/<slug>/ and a tag at its encoded name (C++ at c%2B%2B)', () => {
    expect(PAGE_ROUTES.post.path('hello')).toBe('/posts/hello/');
    expect(PAGE_ROUTES.tag.path('c++')).toBe('/tags/c%2B%2B/');
  });
});
