function locale(language: string): string {
  return language.startsWith('zh') ? 'zh-CN' : 'en-GB';
}

/** `format`, or a dash where there is no date or it is not one. */
export function orDash(
  format: (iso: string, language: string) => string,
): (iso: string | null | undefined, language: string) => string {
  return (iso, language) =>
    !iso || Number.isNaN(new Date(iso).getTime()) ? '—' : format(iso, language);
}

/** A day: "2025年3月9日" / "9 Mar 2025". */
export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(new Date(iso));
}

/** A moment to the minute in the reader's time zone. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A moment this year, to the minute: "11月22日 17:59" / "22 Nov, 17:59". */
export function formatDayTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A moment to the second: "2026/03/09 17:59:03" / "09/03/2026, 17:59:03". */
export function formatSecond(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/**
 * A date and time as the page's language writes it by default (medium date, short time), or a
 * dash: "2026年11月22日 10:00" / "Nov 22, 2026, 10:00 AM".
 */
export const formatMediumDateTime = orDash((iso, language) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  ),
);
