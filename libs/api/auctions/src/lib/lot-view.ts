import { effectivePhase, minNext, reserveMet, type LotState } from '@kepai/auction-rules';
import type { IncrementLadder, LotSnapshot, LotStatus, SessionFormat } from '@kepai/contracts';
import type { LotEntity } from './auction.entities';

/** What a view of a lot needs of its session. */
export interface LotViewSession {
  format: SessionFormat;
  increments: IncrementLadder;
}

/**
 * The lot row as the rules library's state, to read it with the rules' own functions. The durations
 * (soft close, live countdown) and the accepted bidIds only matter to judging a bid, never to
 * showing a lot, so they are left empty here.
 */
function viewState(lot: LotEntity, session: LotViewSession): LotState {
  return {
    rules: {
      format: session.format,
      startingPrice: lot.startingPrice,
      reservePrice: lot.reservePrice,
      ladder: session.increments,
      softCloseMs: 0,
      liveCountdownMs: 0,
    },
    phase: lot.status === 'open' && lot.paused ? 'paused' : lot.status,
    opensAt: lot.opensAt.getTime(),
    closesAt: lot.closesAt.getTime(),
    price: lot.price,
    leader:
      lot.leaderPaddle === null
        ? null
        : {
            paddle: lot.leaderPaddle,
            max: lot.leaderMax ?? lot.price ?? lot.startingPrice,
            seq: lot.leaderSeq ?? lot.lastSeq,
          },
    seq: lot.lastSeq,
    bidCount: lot.lastSeq,
    accepted: {},
  };
}

/**
 * The status a bidder meets now, by the rules' `effectivePhase`: a timed lot is open between its
 * times and ended (sold when the reserve is met, else unsold) after its close, whatever the
 * scheduler has written yet; live lots are in the phase their broker set (a pause is an open lot
 * with `paused`).
 */
export function effectiveStatus(lot: LotEntity, session: LotViewSession, now: Date): LotStatus {
  const phase = effectivePhase(viewState(lot, session), now.getTime());
  return phase === 'paused' ? 'open' : phase;
}

export function lotSnapshot(lot: LotEntity, session: LotViewSession, now: Date): LotSnapshot {
  const state = viewState(lot, session);
  return {
    id: lot.id,
    sessionId: lot.sessionId,
    resultId: lot.resultId,
    status: effectiveStatus(lot, session, now),
    price: lot.price,
    leaderPaddle: lot.leaderPaddle,
    bidCount: lot.lastSeq,
    lastSeq: lot.lastSeq,
    minNext: minNext(state),
    reserveMet: reserveMet(state),
    paused: lot.paused,
    opensAt: lot.opensAt.toISOString(),
    closesAt: lot.closesAt.toISOString(),
    serverTime: now.toISOString(),
  };
}
