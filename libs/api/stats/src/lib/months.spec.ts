import { lastMonths, shanghaiMonth } from './months';

describe('months in Beijing time', () => {
  it('puts an instant in its Beijing month', () => {
    // 16:30 UTC on 31 December is already 1 January in Shanghai
    expect(shanghaiMonth(new Date('2026-12-31T16:30:00Z'))).toEqual({ year: 2027, month: 1 });
    expect(shanghaiMonth(new Date('2026-12-31T15:59:59Z'))).toEqual({ year: 2026, month: 12 });
  });

  it('lists the last 12 months, oldest first, across a year', () => {
    expect(lastMonths(new Date('2026-03-15T00:00:00Z'))).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(lastMonths(new Date('2026-12-31T16:30:00Z'), 2)).toEqual(['2026-12', '2027-01']);
  });
});
