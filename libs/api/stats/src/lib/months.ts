/** Kepai's statistics count months in Beijing time (China has no daylight saving time). */
export const STATS_TIME_ZONE = 'Asia/Shanghai';

/** The year and month (1–12) of an instant in Beijing time. */
export function shanghaiMonth(at: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: STATS_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month') };
}

/** The `count` months up to and including the one `at` falls in, oldest first, as `YYYY-MM`. */
export function lastMonths(at: Date, count = 12): string[] {
  const { year, month } = shanghaiMonth(at);
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return months;
}
