import type { LotStatus } from '@kepai/contracts';
import { openLotCount, sessionPhase, sortSessions } from './sessions';

function session(id: string, startsAt: string, statuses: LotStatus[]) {
  return {
    id,
    startsAt,
    createdAt: startsAt,
    lots: statuses.map((status) => ({ status })),
  } as unknown as Parameters<typeof sessionPhase>[0] & {
    id: string;
    startsAt: string;
    createdAt: string;
  };
}

describe('sessions', () => {
  it('tells where a session stands from its lots', () => {
    expect(sessionPhase(session('a', '2026-01-01T00:00:00Z', ['sold', 'open']))).toBe('open');
    expect(sessionPhase(session('a', '2026-01-01T00:00:00Z', ['sold', 'scheduled']))).toBe(
      'upcoming',
    );
    expect(sessionPhase(session('a', '2026-01-01T00:00:00Z', []))).toBe('upcoming');
    expect(sessionPhase(session('a', '2026-01-01T00:00:00Z', ['sold', 'unsold']))).toBe('ended');
    expect(openLotCount(session('a', '2026-01-01T00:00:00Z', ['open', 'open', 'sold']))).toBe(2);
  });

  it('lists bidding now first, then the soonest to come, then the latest ended', () => {
    const sorted = sortSessions([
      session('ended-old', '2026-01-01T00:00:00Z', ['sold']),
      session('later', '2026-03-01T00:00:00Z', ['scheduled']),
      session('ended-new', '2026-02-01T00:00:00Z', ['unsold']),
      session('sooner', '2026-02-15T00:00:00Z', ['scheduled']),
      session('open', '2026-01-10T00:00:00Z', ['open']),
    ]);
    expect(sorted.map((s) => s.id)).toEqual(['open', 'sooner', 'later', 'ended-new', 'ended-old']);
  });
});
