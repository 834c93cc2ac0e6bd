/**
 * Calendar dates (`YYYY-MM-DD`): as people read them, in the pages and in the search index
 * alike, and which of a post's dates is its last change.
 */

/**
 * One formatter per locale: making an `Intl.DateTimeFormat` costs far more than formatting
 * with it, and a build formats a date for every post on every list, archive and post page.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats in UTC, where a `YYYY-MM-DD` date is midnight, so no time zone can move it to another day.
 */
export function formatDate(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    formatters.set(locale, formatter);
  }
  return formatter.format(Date.UTC(year, month - 1, day));
}

const monthFormatters = new Map<string, Intl.DateTimeFormat>();

/** The name of the month of `month` (`YYYY-MM`) in `locale`, alone ("June"): in UTC, like `formatDate`. */
export function formatMonth(month: string, locale: string): string {
  const [year, number] = month.split('-').map(Number);
  let formatter = monthFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    monthFormatters.set(locale, formatter);
  }
  return formatter.format(Date.UTC(year, number - 1, 1));
}

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
