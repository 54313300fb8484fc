export { formatMediumDateTime as formatDateTime } from '../../../lib/dates';

/** A short form of a uuid for people to compare by eye (the first 8 characters). */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
