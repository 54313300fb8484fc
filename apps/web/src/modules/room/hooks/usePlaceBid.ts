import { useCallback, useRef, useState } from 'react';
import type { BidPlacePayload, ErrorCode, Fen } from '@kepai/contracts';
import { ApiError } from '../../../lib/http';
import type { AuctionSocket } from '../../../lib/socket';
import { placeBidOverHttp } from '../api/lots';
import { AckTimeout, placeBidOverSocket } from '../api/room-socket';
import { newBidId } from '../logic/bid-id';

export type BidAnswer =
  | { ok: true; seq: number; price: Fen; leader: boolean; closesAt: string }
  | { ok: false; code: ErrorCode; minNext?: Fen };

/** Sent without an answer this many times (the same bidId each time) before asking the person. */
const AUTOMATIC_ATTEMPTS = 2;

/**
 * Places bids with their idempotency keys. Each new bid gets a fresh `bidId`; when no answer comes
 * (a timeout, a dropped connection) the same payload, with the same `bidId`, is sent again — over
 * the socket when it is up, else over `POST /lots/:id/bids` — so a retry can never bid twice.
 * After the automatic attempts the bid stays `unanswered` until the person retries or drops it.
 */
export function usePlaceBid(socket: AuctionSocket | null, lotId: string) {
  const [sending, setSending] = useState<BidPlacePayload | null>(null);
  const [unanswered, setUnanswered] = useState<BidPlacePayload | null>(null);
  const [answer, setAnswer] = useState<BidAnswer | null>(null);
  const busy = useRef(false);

  const attempt = useCallback(
    async (payload: BidPlacePayload): Promise<BidAnswer | null> => {
      if (socket?.connected) {
        try {
          const reply = await placeBidOverSocket(socket, payload);
          if (reply.ok)
            return {
              ok: true,
              seq: reply.seq,
              price: reply.price,
              leader: reply.leader,
              closesAt: reply.closesAt,
            };
          return {
            ok: false,
            code: reply.code,
            ...(reply.minNext !== undefined ? { minNext: reply.minNext } : {}),
          };
        } catch (error) {
          if (error instanceof AckTimeout) return null;
          throw error;
        }
      }
      try {
        const placed = await placeBidOverHttp(payload);
        return {
          ok: true,
          seq: placed.seq,
          price: placed.price,
          leader: placed.leader,
          closesAt: placed.closesAt,
        };
      } catch (error) {
        if (error instanceof ApiError && error.body !== null)
          return {
            ok: false,
            code: error.body.code,
            ...(error.body.minNext !== undefined ? { minNext: error.body.minNext } : {}),
          };
        // no answer (the network, a 5xx without a body): the outcome is unknown
        return null;
      }
    },
    [socket],
  );

  const send = useCallback(
    async (payload: BidPlacePayload): Promise<BidAnswer | null> => {
      if (busy.current) return null;
      busy.current = true;
      setSending(payload);
      setUnanswered(null);
      setAnswer(null);
      try {
        for (let tries = 0; tries < AUTOMATIC_ATTEMPTS; tries++) {
          const result = await attempt(payload);
          if (result !== null) {
            setAnswer(result);
            return result;
          }
        }
        setUnanswered(payload);
        return null;
      } finally {
        busy.current = false;
        setSending(null);
      }
    },
    [attempt],
  );

  /** A new bid: a fresh bidId. */
  const place = useCallback(
    (amount: Fen, maxAmount?: Fen) =>
      send({
        lotId,
        bidId: newBidId(),
        amount,
        ...(maxAmount !== undefined ? { maxAmount } : {}),
      }),
    [send, lotId],
  );

  /** The unanswered bid again, with its bidId. */
  const retry = useCallback(
    () => (unanswered === null ? Promise.resolve(null) : send(unanswered)),
    [send, unanswered],
  );

  const dismiss = useCallback(() => {
    setUnanswered(null);
    setAnswer(null);
  }, []);

  return { place, retry, dismiss, sending, unanswered, answer };
}
