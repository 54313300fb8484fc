import type { BidPlacePayload, LotControlPayload } from '@kepai/contracts';
import type { AuctionSocket } from '../../../lib/socket';

/** How long an acknowledgement may take before the client treats it as lost. */
export const ACK_TIMEOUT_MS = 8_000;

/** No acknowledgement came in time: the outcome is unknown (the message may still arrive). */
export class AckTimeout extends Error {
  constructor(event: string) {
    super(`${event}: no answer within ${ACK_TIMEOUT_MS} ms`);
    this.name = 'AckTimeout';
  }
}

async function withTimeout<T>(event: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch {
    // socket.io rejects emitWithAck only when the timeout passes
    throw new AckTimeout(event);
  }
}

/** `lot:join`: into the lot's room; the answer is the snapshot and the bids after `lastSeq`. */
export function joinLot(socket: AuctionSocket, lotId: string, lastSeq: number) {
  return withTimeout('lot:join', () =>
    socket.timeout(ACK_TIMEOUT_MS).emitWithAck('lot:join', { lotId, lastSeq }),
  );
}

/** `lot:leave`: out of the lot's room (nothing waits for the answer). */
export function leaveLot(socket: AuctionSocket, lotId: string): void {
  socket.emit('lot:leave', { lotId }, () => undefined);
}

/** `bid:place`; a retry with the same `bidId` gets the first outcome and never bids twice. */
export function placeBidOverSocket(socket: AuctionSocket, payload: BidPlacePayload) {
  return withTimeout('bid:place', () =>
    socket.timeout(ACK_TIMEOUT_MS).emitWithAck('bid:place', payload),
  );
}

/** `lot:control`: the host broker's command; the answer is the lot's snapshot after it. */
export function controlLot(socket: AuctionSocket, payload: LotControlPayload) {
  return withTimeout('lot:control', () =>
    socket.timeout(ACK_TIMEOUT_MS).emitWithAck('lot:control', payload),
  );
}

/** `time:sync` with an answer, so the round trip can be timed. */
export function requestServerTime(socket: AuctionSocket) {
  return withTimeout('time:sync', () =>
    socket.timeout(ACK_TIMEOUT_MS).emitWithAck('time:sync', {}),
  );
}
