import { io, type Socket } from 'socket.io-client';
import {
  AUCTION_NAMESPACE,
  type AuctionClientEvents,
  type AuctionServerEvents,
} from '@kepai/contracts';

export type AuctionSocket = Socket<AuctionServerEvents, AuctionClientEvents>;

let socket: AuctionSocket | null = null;

/**
 * The one connection to `/auction` for the whole page. The handshake carries the session cookie,
 * so a signed-in user bids as themselves; socket.io reconnects by itself and the room hooks
 * re-join with their last seen seq.
 */
export function auctionSocket(): AuctionSocket {
  socket ??= io(AUCTION_NAMESPACE, { withCredentials: true, transports: ['websocket', 'polling'] });
  return socket;
}

/** After sign-in or sign-out the handshake's identity changes: connect again. */
export function resetAuctionSocket(): void {
  if (socket === null) return;
  socket.disconnect();
  socket.connect();
}
