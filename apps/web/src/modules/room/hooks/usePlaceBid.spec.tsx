import { act, renderHook } from '@testing-library/react';
import type { AuctionSocket } from '../../../lib/socket';
import { FakeSocket } from './fake-socket';
import { usePlaceBid } from './usePlaceBid';

function bidIds(socket: FakeSocket): string[] {
  return socket.sent
    .filter((s) => s.event === 'bid:place')
    .map((s) => (s.payload as { bidId: string }).bidId);
}

describe('usePlaceBid', () => {
  it('sends a bid without an answer again with the same bidId, and a new bid with a new one', async () => {
    const socket = new FakeSocket();
    const { result } = renderHook(() => usePlaceBid(socket as unknown as AuctionSocket, 'lot-1'));

    // no answer: tried twice automatically, then left for the person to retry
    await act(async () => {
      await result.current.place(1_000_000);
    });
    expect(result.current.unanswered).toMatchObject({ lotId: 'lot-1', amount: 1_000_000 });
    const [first, second] = bidIds(socket);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);

    socket.answers['bid:place'] = () => ({
      ok: true,
      seq: 3,
      price: 1_000_000,
      leader: true,
      closesAt: '2099-01-01T00:00:00.000Z',
    });
    await act(async () => {
      await result.current.retry();
    });
    expect(bidIds(socket)).toEqual([first, first, first]);
    expect(result.current.unanswered).toBeNull();
    expect(result.current.answer).toMatchObject({ ok: true, leader: true });

    await act(async () => {
      await result.current.place(1_100_000, 2_000_000);
    });
    const ids = bidIds(socket);
    expect(ids).toHaveLength(4);
    expect(ids[3]).not.toBe(first);
    expect(socket.sent.at(-1)?.payload).toMatchObject({ amount: 1_100_000, maxAmount: 2_000_000 });
  });

  it('keeps a refusal with its code and the minimum it names', async () => {
    const socket = new FakeSocket();
    socket.answers['bid:place'] = () => ({
      ok: false,
      code: 'BID_TOO_LOW',
      message: 'too low',
      minNext: 1_200_000,
    });
    const { result } = renderHook(() => usePlaceBid(socket as unknown as AuctionSocket, 'lot-1'));
    await act(async () => {
      await result.current.place(1_000_000);
    });
    expect(result.current.answer).toEqual({ ok: false, code: 'BID_TOO_LOW', minNext: 1_200_000 });
  });
});
