import type { LotListItem, SessionView } from '@kepai/contracts';
import { lotsOfSessions, upcomingSessions } from './upcoming';

const NOW = Date.parse('2026-11-22T08:00:00Z');

function lot(id: string, sessionId: string, opensAt: string, status = 'scheduled'): LotListItem {
  return {
    id,
    sessionId,
    resultId: `r-${id}`,
    status: status as LotListItem['status'],
    price: null,
    leaderPaddle: null,
    bidCount: 0,
    lastSeq: 0,
    minNext: 100,
    reserveMet: false,
    paused: false,
    opensAt,
    closesAt: '2026-11-30T00:00:00Z',
    serverTime: '2026-11-22T08:00:00Z',
    mode: 'assignment',
    startingPrice: 100,
    result: { id: `r-${id}`, title: `成果 ${id}`, institute: { id: 'i', name: '研究院' } },
    session: {
      id: sessionId,
      title: `专场 ${sessionId}`,
      format: 'timed',
      host: { id: 'h', name: '经纪机构' },
    },
  };
}

describe('upcomingSessions', () => {
  it('groups lots by session, the session opening soonest first', () => {
    const sessions = upcomingSessions(
      [
        lot('a', 's1', '2026-11-23T09:00:00Z'),
        lot('b', 's2', '2026-11-22T10:00:00Z'),
        lot('c', 's1', '2026-11-22T12:00:00Z'),
      ],
      NOW,
    );
    expect(sessions.map((s) => [s.id, s.opensAt, s.lotCount, s.titles])).toEqual([
      ['s2', '2026-11-22T10:00:00Z', 1, ['成果 b']],
      ['s1', '2026-11-22T12:00:00Z', 2, ['成果 c', '成果 a']],
    ]);
  });

  it('leaves out lots open already or past their opening time, and keeps to the limit', () => {
    const sessions = upcomingSessions(
      [
        lot('a', 's1', '2026-11-22T07:00:00Z'),
        lot('b', 's2', '2026-11-22T09:00:00Z', 'open'),
        lot('c', 's3', '2026-11-22T09:00:00Z'),
        lot('d', 's4', '2026-11-22T10:00:00Z'),
      ],
      NOW,
      1,
    );
    expect(sessions.map((s) => s.id)).toEqual(['s3']);
  });
});

describe('lotsOfSessions', () => {
  it('gives every lot its session', () => {
    const one = lot('a', 's1', '2026-11-23T09:00:00Z');
    const summary: Partial<LotListItem> = { ...one };
    delete summary.session;
    const view = {
      id: 's1',
      title: '专场 s1',
      format: 'timed',
      host: { id: 'h', name: '经纪机构' },
      lots: [summary],
    } as unknown as SessionView;
    expect(lotsOfSessions([view])).toEqual([one]);
  });
});
