/** Shows a calendar date (`YYYY-MM-DD`) for people, with the machine-readable date in `dateTime`. */
export interface PostDateProps {
  date: string;
  locale: string;
}

/**
 * One formatter per locale: making an `Intl.DateTimeFormat` costs far more than formatting
 * with it, and a build formats a date for every post on every list, archive and post page.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats in UTC, where a `YYYY-MM-DD` date is midnight, so no time zone can move it to another day. */
export function formatDate(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    formatters.set(locale, formatter);
  }
  return formatter.format(Date.UTC(year, month - 1, day));
}

export function PostDate({ date, locale }: PostDateProps) {
  return <time dateTime={date}>{formatDate(date, locale)}</time>;
}
