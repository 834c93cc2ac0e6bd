/**
 * @jest-environment node
 *
 * Dates are calendar dates: the 15th stays the 15th whatever the time zone of the machine
 * that builds the site. `npm run test:unit` runs this file again under
 * TZ=America/Los_Angeles (UTC−8) and TZ=Pacific/Kiritimati (UTC+14): Node reads TZ at start,
 * so each zone needs its own process.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { formatDate } from '../lib/content/dates';
import { loadContent } from '../lib/content/load';
import { archiveByYear } from '../lib/page-props/lists';
import { post, writePosts } from './helpers/posts-dir';

/** The zones of the reruns, and the minutes `getTimezoneOffset` gives there on 2017-12-15. */
const RERUN_OFFSETS: Record<string, number> = { 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840 };

/** `getTimezoneOffset` on 2017-12-15 in a Node process started with TZ=`zone`. */
const offsetUnder = (zone: string) =>
  Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(new Date(2017, 11, 15).getTimezoneOffset()))'], { env: { ...process.env, TZ: zone }, encoding: 'utf8' }));

it('is rerun by `npm run test:time-zones` in those zones', () => {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  expect([...scripts['test:time-zones'].matchAll(/\bTZ=(\S+)/g)].map((match) => match[1])).toEqual(Object.keys(RERUN_OFFSETS));
});

// Node runs in UTC under a zone it does not know, and a rerun there would prove nothing.
it.each(Object.entries(RERUN_OFFSETS))('this machine knows %s, a zone the reruns use (offset %d min)', (zone, offset) => {
  expect(offsetUnder(zone)).toBe(offset);
});

// Only a rerun has a TZ to check this process against.
const zone = process.env.TZ;
if (zone) {
  it(`runs in the time zone it was started with (TZ=${zone})`, () => {
    // A zone Node does not know resolves to none, and the process runs in UTC.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
  });
}

it(`keeps the 15th the 15th (TZ=${process.env.TZ ?? 'system'})`, () => {
  const dir = writePosts({
    'unquoted.md': post('title: Unquoted\ndate: 2017-12-15'),
    'quoted.md': post('title: Quoted\ndate: "2017-12-15"'),
    'early-east.md': post('title: Early east\ndate: 2017-12-15T01:00:00+14:00'),
    'late-west.md': post('title: Late west\ndate: 2017-12-15T23:30:00-10:00'),
    'utc.md': post('title: Utc\ndate: "2017-12-15T00:00:00Z"'),
  });
  const { posts } = loadContent({ dir, root: path.dirname(dir), includeDrafts: false, keepBroken: false });
  expect(posts.map((p) => p.date)).toEqual(Array(5).fill('2017-12-15'));
  expect(posts.map((p) => formatDate(p.date, 'en-GB'))).toEqual(Array(5).fill('15 December 2017'));
  expect(formatDate('2017-01-01', 'en-US')).toBe('January 1, 2017');
});

it(`files a post under the year of its date in the archive (TZ=${process.env.TZ ?? 'system'})`, () => {
  const dir = writePosts({
    'new-year.md': post('title: New year\ndate: 2018-01-01'),
    'eve.md': post('title: Eve\ndate: 2017-12-31T23:30:00-10:00'),
  });
  const { posts } = loadContent({ dir, root: path.dirname(dir), includeDrafts: false, keepBroken: false });
  expect(archiveByYear(posts).map(({ year, posts: entries }) => [year, entries.map((entry) => entry.title)])).toEqual([
    ['2018', ['New year']],
    ['2017', ['Eve']],
  ]);
});
