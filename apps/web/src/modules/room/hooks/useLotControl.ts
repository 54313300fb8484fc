import { useCallback, useState } from 'react';
import type { ErrorCode, LotControlAction, LotSnapshot } from '@kepai/contracts';
import type { AuctionSocket } from '../../../lib/socket';
import { AckTimeout, controlLot } from '../api/room-socket';

export type ControlAnswer =
  | { ok: true; action: LotControlAction; snapshot: LotSnapshot }
  | { ok: false; action: LotControlAction; code: ErrorCode | 'TIMEOUT' };

/** The host broker's `lot:control` commands, one at a time, with their answers. */
export function useLotControl(socket: AuctionSocket | null, lotId: string) {
  const [pending, setPending] = useState<LotControlAction | null>(null);
  const [answer, setAnswer] = useState<ControlAnswer | null>(null);

  const run = useCallback(
    async (action: LotControlAction, lastSeq?: number): Promise<ControlAnswer | null> => {
      if (socket === null) return null;
      setPending(action);
      setAnswer(null);
      let result: ControlAnswer;
      try {
        const reply = await controlLot(socket, {
          lotId,
          action,
          ...(lastSeq !== undefined ? { lastSeq } : {}),
        });
        result = reply.ok
          ? { ok: true, action, snapshot: reply.snapshot }
          : { ok: false, action, code: reply.code };
      } catch (error) {
        if (!(error instanceof AckTimeout)) throw error;
        result = { ok: false, action, code: 'TIMEOUT' };
      } finally {
        setPending(null);
      }
      setAnswer(result);
      return result;
    },
    [socket, lotId],
  );

  return { run, pending, answer };
}
