/**
 * @jest-environment node
 *
 * Dates are calendar dates wherever the site is built: one fixture site, built twice, with
 * `TZ=America/Los_Angeles` (behind UTC, where a date read as a UTC instant shows the day
 * before) and `TZ=Pacific/Kiritimati` (UTC+14, where it shows the day after) in the build's
 * environment, and the dates checked where readers and machines get them: each post's
 * `<time>` elements (their `dateTime` and their text), the lists, the JSON-LD and meta tags,
 * the RSS, Atom and JSON feeds, and the sitemap. The expected values are written out here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { buildSite, removeBuiltSites } from './helpers/build-site';
import { post, writePosts } from './helpers/posts-dir';

jest.setTimeout(300_000);
afterAll(removeBuiltSites);

const SITE_URL = 'https://folio.example.com';

/**
 * Each post: its front matter date (and update), and what every page and feed must say of it.
 * The dates sit where a shift of a day shows: a new year, a leap day, the days US clocks
 * change, and ISO date-times late and early in their UTC day, whose date alone counts.
 */
const POSTS = [
  { slug: 'new-year', frontMatter: 'date: 2020-01-01', date: '2020-01-01', label: '1 January 2020', rss: 'Wed, 01 Jan 2020 00:00:00 GMT' },
  { slug: 'leap-day', frontMatter: 'date: 2020-02-29\nupdated: 2021-12-31', date: '2020-02-29', label: '29 February 2020', rss: 'Sat, 29 Feb 2020 00:00:00 GMT', updated: '2021-12-31', updatedLabel: '31 December 2021' },
  { slug: 'clocks-forward', frontMatter: 'date: 2019-03-10', date: '2019-03-10', label: '10 March 2019', rss: 'Sun, 10 Mar 2019 00:00:00 GMT' },
  { slug: 'clocks-back', frontMatter: 'date: "2019-11-03"', date: '2019-11-03', label: '3 November 2019', rss: 'Sun, 03 Nov 2019 00:00:00 GMT' },
  { slug: 'late-instant', frontMatter: 'date: 2020-03-16T23:30:00.000Z', date: '2020-03-16', label: '16 March 2020', rss: 'Mon, 16 Mar 2020 00:00:00 GMT' },
  { slug: 'early-instant', frontMatter: 'date: "2020-04-01T00:30:00Z"', date: '2020-04-01', label: '1 April 2020', rss: 'Wed, 01 Apr 2020 00:00:00 GMT' },
];
const NEWEST_FIRST = [...POSTS].sort((a, b) => b.date.localeCompare(a.date));

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (_name, jpath) => ['urlset.url', 'rss.channel.item', 'feed.entry'].includes(String(jpath)) });

const postsDir = writePosts(Object.fromEntries(POSTS.map(({ slug, frontMatter }) => [`${slug}.md`, post(`title: Post ${slug}\n${frontMatter}`, `The body of ${slug}.`)])));

describe.each(['America/Los_Angeles', 'Pacific/Kiritimati'])('a site built with TZ=%s', (zone) => {
  let out: string;
  const page = (sitePath: string) => fromHtml(fs.readFileSync(path.join(out, sitePath, 'index.html'), 'utf8'));
  /** Each `<time>` under `selector`, as its `dateTime` and its text. */
  const times = (sitePath: string, selector: string) => selectAll(`${selector} time`, page(sitePath)).map((time) => [String(time.properties.dateTime), hastToString(time)]);

  beforeAll(async () => {
    out = await buildSite(postsDir, `build-tz-${zone.replace('/', '-')}`, { TZ: zone });
  });

  it('dates each post in its header by its calendar date, and its update', () => {
    for (const { slug, date, label, updated, updatedLabel } of POSTS) {
      expect({ slug, times: times(`posts/${slug}`, 'article > header') }).toEqual({ slug, times: [[date, label], ...(updated ? [[updated, updatedLabel]] : [])] });
    }
  });

  it('dates each post the same in the lists', () => {
    const listed = NEWEST_FIRST.map(({ date, label }) => [date, label]);
    expect(times('', 'main ol > li')).toEqual(listed);
    expect(times('archive', 'main li')).toEqual(listed);
  });

  it('gives the calendar dates to machines: JSON-LD, meta tags, feeds and the sitemap', () => {
    for (const { slug, date, updated } of POSTS) {
      const tree = page(`posts/${slug}`);
      const data = JSON.parse(hastToString(select('script[type="application/ld+json"]', tree)!));
      const published = select('meta[property="article:published_time"]', tree)?.properties.content;
      expect({ slug, published, datePublished: data.datePublished, dateModified: data.dateModified }).toEqual({ slug, published: date, datePublished: date, dateModified: updated ?? date });
    }

    const byUrl = <T extends Record<string, unknown>>(entries: T[], key: string) => Object.fromEntries(entries.map((entry) => [String(entry[key]).replace(SITE_URL, ''), entry]));
    const rss = byUrl(xml.parse(fs.readFileSync(path.join(out, 'rss.xml'), 'utf8')).rss.channel.item, 'link');
    const atom = byUrl(xml.parse(fs.readFileSync(path.join(out, 'atom.xml'), 'utf8')).feed.entry, 'id');
    const json = byUrl(JSON.parse(fs.readFileSync(path.join(out, 'feed.json'), 'utf8')).items, 'url');
    const sitemap = byUrl(xml.parse(fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8')).urlset.url, 'loc');
    for (const { slug, date, rss: pubDate, updated } of POSTS) {
      const url = `/posts/${slug}/`;
      const midnight = (day: string) => `${day}T00:00:00.000Z`;
      expect({
        slug,
        rss: rss[url]?.pubDate,
        atom: [atom[url]?.published, atom[url]?.updated],
        json: [json[url]?.date_published, json[url]?.date_modified],
        sitemap: sitemap[url]?.lastmod,
      }).toEqual({
        slug,
        rss: pubDate,
        atom: [midnight(date), midnight(updated ?? date)],
        json: [midnight(date), midnight(updated ?? date)],
        sitemap: updated ?? date,
      });
    }
  });
});
