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
import { calendarDateIn, formatDate, formatMonth } from '../lib/content/dates';
import { settingsSchema } from '../lib/config/schema';
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

it(`files a post under the year and month of its date in the archive (TZ=${process.env.TZ ?? 'system'})`, () => {
  const dir = writePosts({
    'new-year.md': post('title: New year\ndate: 2018-01-01'),
    'eve.md': post('title: Eve\ndate: 2017-12-31T23:30:00-10:00'),
    'month-end.md': post('title: Month end\ndate: 2017-11-30T23:30:00-10:00'),
  });
  const { posts } = loadContent({ dir, root: path.dirname(dir), includeDrafts: false, keepBroken: false });
  expect(archiveByYear(posts).map(({ year, months }) => [year, months.map(({ month, posts: entries }) => [month, entries.map((entry) => entry.title)])])).toEqual([
    ['2018', [['2018-01', ['New year']]]],
    ['2017', [['2017-12', ['Eve']], ['2017-11', ['Month end']]]],
  ]);
  // The first and last day of a month are named that month, wherever the build runs.
  expect(['2018-01', '2017-12', '2017-11'].map((month) => formatMonth(month, 'en-GB'))).toEqual(['January', 'December', 'November']);
  expect(formatMonth('2019-06', 'de-DE')).toBe('Juni');
});

describe(`scheduled posts: dated after today in the site's time zone, never the machine's (TZ=${process.env.TZ ?? 'system'})`, () => {
  const files = {
    'today.md': post('title: Today\ndate: 2026-03-01'),
    'tomorrow.md': post('title: Tomorrow\ndate: 2026-03-02'),
    'late.md': post('title: Late\ndate: 2026-03-03T00:30:00+14:00\ntags: [later]'),
  };
  const load = (timeZone: string, { scheduledPosts = 'hold', includeDrafts = false }: { scheduledPosts?: 'hold' | 'publish'; includeDrafts?: boolean } = {}) => {
    const dir = writePosts(files);
    return loadContent({ dir, root: path.dirname(dir), includeDrafts, keepBroken: false, schedule: { timeZone, scheduledPosts } });
  };
  const at = (instant: string) => jest.useFakeTimers({ now: new Date(instant) });
  afterEach(() => jest.useRealTimers());

  it.each([
    // 12:00 UTC on the 1st is already the 2nd in Auckland (UTC+13 in March), still the 1st in New York.
    ['Pacific/Auckland', '2026-03-01T12:00:00Z', ['tomorrow', 'today']],
    ['America/New_York', '2026-03-01T12:00:00Z', ['today']],
    ['UTC', '2026-03-01T12:00:00Z', ['today']],
    // A minute before and at midnight in Auckland.
    ['Pacific/Auckland', '2026-03-01T10:59:00Z', ['today']],
    ['Pacific/Auckland', '2026-03-01T11:00:00Z', ['tomorrow', 'today']],
    // Late on the 2nd in Honolulu is the 3rd in UTC and on the machines of the east.
    ['Pacific/Honolulu', '2026-03-03T09:00:00Z', ['tomorrow', 'today']],
  ])('with the site in %s at %s, a production build publishes %j and holds the rest', (timeZone, instant, published) => {
    at(instant);
    const index = load(timeZone);
    expect(index.posts.map((entry) => entry.slug)).toEqual(published);
    expect(index.posts.every((entry) => !entry.scheduled)).toBe(true);
    // A held post leaves no tag behind, as a draft leaves none.
    expect(index.tags.map((tag) => tag.slug)).toEqual([]);
  });

  it('keeps them in dev, marked scheduled', () => {
    at('2026-03-01T12:00:00Z');
    const index = load('America/New_York', { includeDrafts: true });
    expect(index.posts.map((entry) => [entry.slug, entry.scheduled])).toEqual([
      ['late', true],
      ['tomorrow', true],
      ['today', false],
    ]);
  });

  it("publishes them at once with scheduledPosts: 'publish', unmarked", () => {
    at('2026-03-01T12:00:00Z');
    const index = load('America/New_York', { scheduledPosts: 'publish' });
    expect(index.posts.map((entry) => [entry.slug, entry.scheduled])).toEqual([
      ['late', false],
      ['tomorrow', false],
      ['today', false],
    ]);
  });

  it('reads the day in a zone by its calendar there', () => {
    expect(calendarDateIn('Pacific/Kiritimati', new Date('2026-03-01T10:00:00Z'))).toBe('2026-03-02');
    expect(calendarDateIn('America/Los_Angeles', new Date('2026-03-02T07:59:00Z'))).toBe('2026-03-01');
  });

  it('takes an IANA time zone name as the setting, and refuses anything else, naming it', () => {
    expect(settingsSchema.shape.timeZone.parse(undefined)).toBe('UTC');
    expect(settingsSchema.shape.timeZone.parse('Europe/Paris')).toBe('Europe/Paris');
    for (const wrong of ['Mars/Olympus', '+01:00', '']) {
      expect(settingsSchema.shape.timeZone.safeParse(wrong).error?.issues[0].message).toBe(`${JSON.stringify(wrong)} is not a time zone: give an IANA name such as "Europe/Paris" or "UTC"`);
    }
  });
});
