// @ts-check
/**
 * Calendar dates (`YYYY-MM-DD`) for people. Plain JavaScript, so the post-export step (the
 * search index, lib/search-index.mjs) shows dates exactly as the pages do, under plain Node.
 */

/**
 * One formatter per locale: making an `Intl.DateTimeFormat` costs far more than formatting
 * with it, and a build formats a date for every post on every list, archive and post page.
 * @type {Map<string, Intl.DateTimeFormat>}
 */
const formatters = new Map();

/**
 * Formats in UTC, where a `YYYY-MM-DD` date is midnight, so no time zone can move it to another day.
 * @param {string} date
 * @param {string} locale
 * @returns {string}
 */
export function formatDate(date, locale) {
  const [year, month, day] = date.split('-').map(Number);
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    formatters.set(locale, formatter);
  }
  return formatter.format(Date.UTC(year, month - 1, day));
}
