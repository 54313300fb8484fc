/** A date and time in the page's language (zh-CN: 2026年11月22日 10:00), or a dash. */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** A short form of a uuid for people to compare by eye (the first 8 characters). */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
