import { formatDate } from '../../lib/content/dates';

/** Shows a calendar date (`YYYY-MM-DD`) for people, with the machine-readable date in `dateTime`. */
export interface PostDateProps {
  date: string;
  locale: string;
}

export function PostDate({ date, locale }: PostDateProps) {
  return <time dateTime={date}>{formatDate(date, locale)}</time>;
}
