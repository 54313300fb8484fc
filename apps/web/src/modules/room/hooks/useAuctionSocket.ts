import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { auctionSocket, type AuctionSocket } from '../../../lib/socket';

/** The socket as the room shows it; `offline` means it has stopped trying (or the browser is). */
export type SocketState = 'connected' | 'reconnecting' | 'offline';

function stateOf(socket: AuctionSocket | null): SocketState {
  if (socket === null) return 'offline';
  if (socket.connected) return 'connected';
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  // socket.io keeps trying by itself while the socket is active; a refused handshake stops it
  return socket.active ? 'reconnecting' : 'offline';
}

/**
 * The page's `/auction` socket for a signed-in user (the handshake needs the session cookie, so
 * a visitor gets none and the room falls back to polling) and its connection state.
 */
export function useAuctionSocket(enabled: boolean): {
  socket: AuctionSocket | null;
  state: SocketState;
  reconnect: () => void;
} {
  const socket = useMemo(() => (enabled ? auctionSocket() : null), [enabled]);
  const subscribe = useCallback(
    (changed: () => void) => {
      if (socket === null) return () => undefined;
      socket.on('connect', changed);
      socket.on('disconnect', changed);
      socket.on('connect_error', changed);
      socket.io.on('reconnect_attempt', changed);
      socket.io.on('reconnect_failed', changed);
      window.addEventListener('online', changed);
      window.addEventListener('offline', changed);
      return () => {
        socket.off('connect', changed);
        socket.off('disconnect', changed);
        socket.off('connect_error', changed);
        socket.io.off('reconnect_attempt', changed);
        socket.io.off('reconnect_failed', changed);
        window.removeEventListener('online', changed);
        window.removeEventListener('offline', changed);
      };
    },
    [socket],
  );
  const state = useSyncExternalStore(
    subscribe,
    () => stateOf(socket),
    () => 'offline' as const,
  );
  const reconnect = useCallback(() => {
    if (socket !== null && !socket.connected) socket.connect();
  }, [socket]);
  return { socket, state, reconnect };
}
