import { formatMediumDateTime, orDash } from './dates';

describe('orDash', () => {
  const shown = orDash(() => 'shown');

  it.each([null, undefined, '', 'not a date'])('gives a dash for %p', (iso) => {
    expect(shown(iso, 'en')).toBe('—');
  });

  it('formats a real date', () => {
    expect(shown('2026-11-22T02:00:00.000Z', 'en')).toBe('shown');
  });
});

describe('formatMediumDateTime', () => {
  it("writes a moment the way the page's language does, or a dash", () => {
    const at = '2026-11-22T12:00:00.000Z';
    expect(formatMediumDateTime(at, 'zh-CN')).toMatch(/^2026年11月2[23]日 \d{2}:\d{2}$/);
    expect(formatMediumDateTime(at, 'en')).toMatch(/^Nov 2[23], 2026, \d{1,2}:\d{2}\s[AP]M$/);
    expect(formatMediumDateTime(undefined, 'zh-CN')).toBe('—');
  });
});
