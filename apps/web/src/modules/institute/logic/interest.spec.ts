import type { LotListItem, ResultView } from '@kepai/contracts';
import { interestRows, sortLots } from './interest';

function result(id: string, views: number, favourites: number, publishedAt: string | null) {
  return {
    id,
    title: `成果${id}`,
    status: publishedAt === null ? 'draft' : 'published',
    viewCount: views,
    favouriteCount: favourites,
    publishedAt,
  } as ResultView;
}

function lot(id: string, resultId: string, status: LotListItem['status'], at: string, bids = 0) {
  return {
    id,
    resultId,
    status,
    opensAt: at,
    closesAt: at,
    bidCount: bids,
  } as LotListItem;
}

describe('interest in the institute’s results', () => {
  it('leaves out drafts never on the market and puts the most viewed first', () => {
    const rows = interestRows(
      [
        result('a', 5, 1, '2026-01-01T00:00:00Z'),
        result('b', 20, 0, '2026-01-02T00:00:00Z'),
        result('c', 99, 9, null),
        result('d', 5, 3, '2026-01-03T00:00:00Z'),
      ],
      [],
    );
    expect(rows.map((row) => row.id)).toEqual(['b', 'd', 'a']);
  });

  it('counts lots, open lots and bids per result', () => {
    const [row] = interestRows(
      [result('a', 1, 0, '2026-01-01T00:00:00Z')],
      [
        lot('l1', 'a', 'open', '2026-02-01T00:00:00Z', 4),
        lot('l2', 'a', 'sold', '2026-01-01T00:00:00Z', 7),
        lot('l3', 'x', 'open', '2026-02-01T00:00:00Z', 1),
      ],
    );
    expect(row).toMatchObject({ lotCount: 2, openLotCount: 1, bids: 11 });
  });

  it('orders lots: open by close, then scheduled by opening, then ended newest first', () => {
    const sorted = sortLots([
      lot('ended-old', 'a', 'sold', '2026-01-01T00:00:00Z'),
      lot('scheduled-late', 'a', 'scheduled', '2026-03-02T00:00:00Z'),
      lot('open-late', 'a', 'open', '2026-02-02T00:00:00Z'),
      lot('ended-new', 'a', 'unsold', '2026-01-05T00:00:00Z'),
      lot('scheduled-soon', 'a', 'scheduled', '2026-03-01T00:00:00Z'),
      lot('open-soon', 'a', 'open', '2026-02-01T00:00:00Z'),
    ]);
    expect(sorted.map((item) => item.id)).toEqual([
      'open-soon',
      'open-late',
      'scheduled-soon',
      'scheduled-late',
      'ended-new',
      'ended-old',
    ]);
  });
});
