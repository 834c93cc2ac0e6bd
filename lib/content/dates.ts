/**
 * Calendar dates (`YYYY-MM-DD`): as people read them, in the pages and in the search index
 * alike, and which of a post's dates is its last change.
 */

/** What each kind of date shows: a whole date, a month's name alone, a year alone. */
const FIELDS = {
  date: { year: 'numeric', month: 'long', day: 'numeric' },
  month: { month: 'long' },
  year: { year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * One formatter per kind and locale: making an `Intl.DateTimeFormat` costs far more than formatting
 * with it, and a build formats a date for every post on every list, archive and post page.
 * Each formats in UTC, where a `YYYY-MM-DD` date is midnight, so no time zone can move it to another day.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(kind: keyof typeof FIELDS, locale: string, year: number, month = 1, day = 1): string {
  const key = `${kind} ${locale}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...FIELDS[kind], timeZone: 'UTC' });
    formatters.set(key, formatter);
  }
  return formatter.format(Date.UTC(year, month - 1, day));
}

/** A calendar date (`YYYY-MM-DD`) as people read it in `locale` ("2 March 2024"). */
export function formatDate(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return format('date', locale, year, month, day);
}

/** The name of the month of `month` (`YYYY-MM`) in `locale`, alone ("June"). */
export function formatMonth(month: string, locale: string): string {
  const [year, number] = month.split('-').map(Number);
  return format('month', locale, year, number);
}

/** A year (`YYYY`) as `locale` writes it: "2024", or "٢٠٢٤" in `ar-EG`. */
export const formatYear = (year: string, locale: string): string => format('year', locale, Number(year));

/** The dates of a post that say when it changed (front matter `updated`, else its `date`). */
export interface PostDates {
  date: string;
  updated?: string | null;
}

/** The calendar date of a post's last meaningful change: `updated`, else its date. */
export const lastChange = (post: PostDates): string => post.updated ?? post.date;

/** The newest change among `posts` (calendar dates compare as strings), or null for none. */
export const newestChange = (posts: readonly PostDates[]): string | null =>
  posts.map(lastChange).reduce<string | null>((newest, date) => (newest === null || date > newest ? date : newest), null);

/** The calendar date `instant` falls on in `timeZone` (an IANA name): "today" there, whatever the machine's own zone. */
export function calendarDateIn(timeZone: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
