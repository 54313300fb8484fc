import type { LotEntity } from './auction.entities';
import { effectiveStatus, lotSnapshot } from './lot-view';

const ladder: Array<[number, number]> = [
  [0, 100_00],
  [10_000_00, 500_00],
];

function lot(overrides: Partial<LotEntity> = {}): LotEntity {
  return Object.assign(new (class {})() as LotEntity, {
    id: 'lot',
    sessionId: 'session',
    resultId: 'result',
    status: 'scheduled',
    paused: false,
    startingPrice: 5_000_00,
    reservePrice: 20_000_00,
    opensAt: new Date('2026-11-22T06:00:00Z'),
    closesAt: new Date('2026-11-22T07:00:00Z'),
    price: null,
    leaderPaddle: null,
    lastSeq: 0,
    ...overrides,
  });
}

describe('a lot as bidders see it', () => {
  it('is open between its times whatever the stored status says (timed), by its broker (live)', () => {
    const timed = { format: 'timed' as const, increments: ladder };
    const live = { format: 'live' as const, increments: ladder };
    expect(effectiveStatus(lot(), timed, new Date('2026-11-22T05:59:59Z'))).toBe('scheduled');
    expect(effectiveStatus(lot({ status: 'open' }), timed, new Date('2026-11-22T05:59:59Z'))).toBe(
      'scheduled',
    );
    expect(effectiveStatus(lot(), timed, new Date('2026-11-22T06:30:00Z'))).toBe('open');
    expect(effectiveStatus(lot(), live, new Date('2026-11-22T06:30:00Z'))).toBe('scheduled');
    expect(effectiveStatus(lot({ status: 'open', paused: true }), live, new Date())).toBe('open');
    expect(
      effectiveStatus(lot({ status: 'withdrawn' }), timed, new Date('2026-11-22T06:30:00Z')),
    ).toBe('withdrawn');
  });

  it('has ended by the clock once a timed lot is past its close, before any sweep writes it', () => {
    const timed = { format: 'timed' as const, increments: ladder };
    const after = new Date('2026-11-22T07:00:00Z');
    expect(effectiveStatus(lot(), timed, after)).toBe('unsold');
    expect(
      effectiveStatus(lot({ status: 'open', price: 12_000_00, leaderPaddle: 3 }), timed, after),
    ).toBe('unsold');
    expect(
      effectiveStatus(lot({ status: 'open', price: 20_000_00, leaderPaddle: 3 }), timed, after),
    ).toBe('sold');
    expect(
      effectiveStatus(lot({ status: 'open' }), { format: 'live', increments: ladder }, after),
    ).toBe('open');
  });

  it('asks for the starting price first, then one step of the ladder, and never shows the reserve', () => {
    const now = new Date('2026-11-22T06:30:00Z');
    const empty = lotSnapshot(lot(), { format: 'timed', increments: ladder }, now);
    expect(empty).toMatchObject({
      minNext: 5_000_00,
      reserveMet: false,
      serverTime: now.toISOString(),
    });
    const bidding = lotSnapshot(
      lot({ price: 12_000_00, leaderPaddle: 3, lastSeq: 4 }),
      { format: 'timed', increments: ladder },
      now,
    );
    expect(bidding).toMatchObject({ minNext: 12_500_00, reserveMet: false, leaderPaddle: 3 });
    expect(JSON.stringify(bidding)).not.toContain(String(20_000_00));
    const met = lotSnapshot(
      lot({ price: 20_000_00, leaderPaddle: 3, lastSeq: 5 }),
      { format: 'timed', increments: ladder },
      now,
    );
    expect(met.reserveMet).toBe(true);
  });
});
