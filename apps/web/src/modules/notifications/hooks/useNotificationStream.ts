import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { NotificationNewEvent, UnreadCount } from '@kepai/contracts';
import { queryKeys } from '../../../lib/query-keys';
import { auctionSocket } from '../../../lib/socket';
import { prependNotification, type NotificationPages } from '../logic/cache';
import { ALL_LISTS } from './useNotifications';

/**
 * What `notification:new` changes in the cache, and nowhere else: the unread count (the event
 * carries it), the notification at the top of every cached list, and — when it is about a deal —
 * that deal and the deals list, read again.
 */
export function applyNotification(client: QueryClient, event: NotificationNewEvent): void {
  client.setQueryData<UnreadCount>(queryKeys.unreadCount, { unread: event.unread });
  client.setQueriesData<NotificationPages>({ queryKey: ALL_LISTS }, (data) =>
    prependNotification(data, event.notification),
  );
  const dealId = event.notification.payload['dealId'];
  if (typeof dealId === 'string' && dealId !== '') {
    void client.invalidateQueries({ queryKey: queryKeys.deal(dealId) });
    void client.invalidateQueries({ queryKey: queryKeys.deals, exact: true });
  }
}

/**
 * Listens to the user's `notification:new` on the page's one socket (the signed-in user's
 * `user:<id>` room) and keeps the query cache current; `onNew` is called for each (a toast).
 * After a reconnect the count and lists are read again, since events may have been missed.
 */
export function useNotificationStream(onNew: (event: NotificationNewEvent) => void): void {
  const client = useQueryClient();
  const latest = useRef(onNew);
  useEffect(() => {
    latest.current = onNew;
  });
  useEffect(() => {
    const socket = auctionSocket();
    const received = (event: NotificationNewEvent) => {
      applyNotification(client, event);
      latest.current(event);
    };
    const reconnected = () => {
      void client.invalidateQueries({ queryKey: queryKeys.unreadCount });
      void client.invalidateQueries({ queryKey: ALL_LISTS });
    };
    socket.on('notification:new', received);
    socket.io.on('reconnect', reconnected);
    return () => {
      socket.off('notification:new', received);
      socket.io.off('reconnect', reconnected);
    };
  }, [client]);
}
