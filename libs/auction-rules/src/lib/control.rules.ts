import type {
  ControlAction,
  ControlCommand,
  ControlResult,
  LotPhase,
  LotState,
  RefusalCode,
} from './auction.types';
import { effectivePhase, isEndPhase, lotEnd, reserveMet } from './lot.rules';

function refuse(state: LotState, code: RefusalCode, message: string): ControlResult {
  return { state, result: { ok: false, code, message } };
}

function accept(action: ControlAction, next: LotState, now: number, ends: boolean): ControlResult {
  return {
    state: next,
    result: {
      ok: true,
      action,
      phase: next.phase,
      closesAt: next.closesAt,
      end: ends ? lotEnd(next, now) : null,
    },
  };
}

/**
 * A broker's command (RULES.md, "Broker controls"): open, pause, resume, going and hammer on live
 * lots; withdraw on any lot that has not ended. A refusal returns the state it was given.
 */
export function control(state: LotState, command: ControlCommand, now: number): ControlResult {
  const phase: LotPhase = effectivePhase(state, now);
  const live = state.rules.format === 'live';
  const { action } = command;
  const countdown = now + state.rules.liveCountdownMs;

  if (live && action === 'open' && phase === 'scheduled') {
    return accept(action, { ...state, phase: 'open', closesAt: countdown }, now, false);
  }
  if (live && action === 'pause' && phase === 'open') {
    return accept(action, { ...state, phase: 'paused' }, now, false);
  }
  if (live && action === 'resume' && phase === 'paused') {
    return accept(action, { ...state, phase: 'open', closesAt: countdown }, now, false);
  }
  if (live && action === 'going' && phase === 'open') {
    return accept(action, state, now, false);
  }
  if (live && action === 'hammer' && (phase === 'open' || phase === 'paused')) {
    const { lastSeq } = command;
    if (lastSeq !== undefined && !(Number.isSafeInteger(lastSeq) && lastSeq >= 0)) {
      return refuse(state, 'INVALID_INPUT', 'lastSeq must be a whole number of at least 0.');
    }
    if (lastSeq === undefined ? state.seq > 0 : lastSeq < state.seq) {
      return refuse(state, 'CONFLICT', 'A newer bid exists.');
    }
    return accept(action, { ...state, phase: reserveMet(state) ? 'sold' : 'unsold' }, now, true);
  }
  if (action === 'withdraw' && !isEndPhase(phase)) {
    return accept(action, { ...state, phase: 'withdrawn' }, now, true);
  }

  return isEndPhase(phase)
    ? refuse(state, 'LOT_CLOSED', 'The lot has ended.')
    : refuse(state, 'LOT_NOT_OPEN', `The lot cannot ${action} now.`);
}
