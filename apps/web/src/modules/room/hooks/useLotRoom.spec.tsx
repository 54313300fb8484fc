import { jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { BidHistoryItem, LotSnapshot, SessionView } from '@kepai/contracts';
import { queryKeys } from '../../../lib/query-keys';
import type { AuctionSocket } from '../../../lib/socket';
import { FakeSocket } from './fake-socket';
import { useLotRoom } from './useLotRoom';

const snapshot: LotSnapshot = {
  id: 'lot-1',
  sessionId: 'session-1',
  resultId: 'result-1',
  status: 'open',
  price: 10_000_000,
  leaderPaddle: 1,
  bidCount: 2,
  lastSeq: 2,
  minNext: 10_500_000,
  reserveMet: false,
  paused: false,
  opensAt: '2026-11-22T09:00:00.000Z',
  closesAt: '2099-11-22T10:00:00.000Z',
  serverTime: '2026-11-22T09:30:00.000Z',
};

const session = {
  id: 'session-1',
  format: 'timed',
  increments: [
    [0, 100_000],
    [10_000_000, 500_000],
  ],
  lots: [],
  host: { id: 'broker', name: 'Broker' },
} as unknown as SessionView;

function bid(seq: number, paddle: number, amount: number): BidHistoryItem {
  return {
    seq,
    paddle,
    amount,
    kind: 'manual',
    at: '2026-11-22T09:00:00.000Z',
    prevHash: '',
    hash: `h${seq}`,
  };
}

let history: BidHistoryItem[] = [];
const requests: string[] = [];

function json(body: unknown): Promise<Response> {
  return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(body) } as Response);
}

beforeEach(() => {
  history = [bid(1, 2, 9_000_000), bid(2, 1, 10_000_000)];
  requests.length = 0;
  globalThis.fetch = ((url: string) => {
    requests.push(url);
    const path = url.replace('/api/v1', '');
    if (path === '/lots/lot-1') return json(snapshot);
    if (path === '/sessions/session-1') return json(session);
    const match = /^\/lots\/lot-1\/bids\?afterSeq=(\d+)$/.exec(path);
    if (match) return json(history.filter((b) => b.seq > Number(match[1])));
    return Promise.resolve({ ok: false, status: 404, json: () => Promise.resolve(null) });
  }) as typeof fetch;
});

function setup(socket: FakeSocket) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const onOutbid = jest.fn();
  const rendered = renderHook(
    () =>
      useLotRoom('lot-1', {
        socket: socket as unknown as AuctionSocket,
        offsetMs: 0,
        onClockSample: () => undefined,
        onOutbid,
      }),
    { wrapper },
  );
  return { client, onOutbid, ...rendered };
}

describe('useLotRoom', () => {
  it('joins, follows lot:bid in the cache, and reads the entries it wrote', async () => {
    const socket = new FakeSocket();
    socket.answers['lot:join'] = () => ({ ok: true, snapshot, bids: history });
    const { result, client } = setup(socket);
    await waitFor(() => expect(result.current.joined).toBe(true));
    expect(socket.joins()[0]).toMatchObject({ lotId: 'lot-1' });
    await waitFor(() => expect(result.current.session.data).toBeDefined());
    await waitFor(() => expect(result.current.bids.data?.map((b) => b.seq)).toEqual([1, 2]));

    history.push(bid(3, 2, 10_500_000));
    act(() =>
      socket.fire('lot:bid', {
        lotId: 'lot-1',
        seq: 3,
        firstSeq: 3,
        price: 10_500_000,
        leaderPaddle: 2,
        bidCount: 3,
        closesAt: '2099-11-22T10:02:00.000Z',
        reserveMet: true,
        at: '2026-11-22T09:31:00.000Z',
      }),
    );
    const lot = client.getQueryData<LotSnapshot>(queryKeys.lot('lot-1'));
    expect(lot).toMatchObject({ price: 10_500_000, leaderPaddle: 2, lastSeq: 3 });
    // the ladder of the session: 10,500,000 + 500,000
    expect(lot?.minNext).toBe(11_000_000);
    await waitFor(() => expect(result.current.bids.data?.map((b) => b.seq)).toEqual([1, 2, 3]));
    expect(requests).toContain('/api/v1/lots/lot-1/bids?afterSeq=2');
  });

  it('reads the missed entries at once when firstSeq shows a gap', async () => {
    const socket = new FakeSocket();
    socket.answers['lot:join'] = () => ({ ok: true, snapshot, bids: history });
    const { result } = setup(socket);
    await waitFor(() => expect(result.current.bids.data?.length).toBe(2));
    history.push(bid(3, 2, 10_500_000), bid(4, 1, 11_000_000), bid(5, 2, 11_500_000));
    act(() =>
      socket.fire('lot:bid', {
        lotId: 'lot-1',
        seq: 5,
        firstSeq: 5,
        price: 11_500_000,
        leaderPaddle: 2,
        bidCount: 5,
        closesAt: snapshot.closesAt,
        reserveMet: true,
        at: '2026-11-22T09:32:00.000Z',
      }),
    );
    await waitFor(() =>
      expect(result.current.bids.data?.map((b) => b.seq)).toEqual([1, 2, 3, 4, 5]),
    );
  });

  it('joins again after a reconnect with the last seq seen, merging the replay', async () => {
    const socket = new FakeSocket();
    socket.answers['lot:join'] = (payload) => {
      const lastSeq = (payload as { lastSeq: number }).lastSeq;
      return { ok: true, snapshot, bids: history.filter((b) => b.seq > lastSeq) };
    };
    const { result } = setup(socket);
    await waitFor(() => expect(result.current.bids.data?.length).toBe(2));
    await waitFor(() => expect(result.current.joined).toBe(true));

    socket.connected = false;
    act(() => socket.fire('disconnect'));
    expect(result.current.joined).toBe(false);
    history.push(bid(3, 2, 10_500_000));
    socket.connected = true;
    act(() => socket.fire('connect'));
    await waitFor(() => expect(result.current.joined).toBe(true));
    expect(socket.joins().at(-1)).toEqual({ lotId: 'lot-1', lastSeq: 2 });
    await waitFor(() => expect(result.current.bids.data?.map((b) => b.seq)).toEqual([1, 2, 3]));
  });

  it('shows the going call until a newer bid, tells the outbid bidder, counts watchers', async () => {
    const socket = new FakeSocket();
    socket.answers['lot:join'] = () => ({ ok: true, snapshot, bids: [] });
    const { result, onOutbid } = setup(socket);
    await waitFor(() => expect(result.current.joined).toBe(true));
    act(() => socket.fire('lot:watchers', { lotId: 'lot-1', count: 3 }));
    expect(result.current.watchers).toBe(3);
    act(() => socket.fire('lot:going', { lotId: 'lot-1', call: 1, lastSeq: 2, at: 'x' }));
    expect(result.current.going).toMatchObject({ call: 1 });
    act(() => socket.fire('bid:outbid', { lotId: 'lot-1', price: 1, minNext: 2 }));
    expect(onOutbid).toHaveBeenCalledWith({ lotId: 'lot-1', price: 1, minNext: 2 });
    act(() =>
      socket.fire('lot:bid', {
        lotId: 'lot-1',
        seq: 3,
        firstSeq: 3,
        price: 10_500_000,
        leaderPaddle: 2,
        bidCount: 3,
        closesAt: snapshot.closesAt,
        reserveMet: true,
        at: '2026-11-22T09:31:00.000Z',
      }),
    );
    expect(result.current.going).toBeNull();
  });

  it('applies lot:closed and leaves the room on unmount', async () => {
    const socket = new FakeSocket();
    socket.answers['lot:join'] = () => ({ ok: true, snapshot, bids: [] });
    const { result, client, unmount } = setup(socket);
    await waitFor(() => expect(result.current.joined).toBe(true));
    act(() =>
      socket.fire('lot:closed', {
        lotId: 'lot-1',
        outcome: 'sold',
        price: 10_000_000,
        winnerPaddle: 1,
      }),
    );
    expect(client.getQueryData<LotSnapshot>(queryKeys.lot('lot-1'))).toMatchObject({
      status: 'sold',
      leaderPaddle: 1,
    });
    unmount();
    expect(socket.sent.at(-1)).toEqual({ event: 'lot:leave', payload: { lotId: 'lot-1' } });
    expect(socket.handlers.get('lot:bid')?.size ?? 0).toBe(0);
  });
});
