export { formatDate, formatDateTime, formatSecond } from '../../../lib/dates';

/** A long id, short enough for a table cell: its first 8 characters. */
export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 8)}…` : id;
}
