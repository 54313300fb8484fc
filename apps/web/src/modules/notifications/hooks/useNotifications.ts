import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { NotificationView, UnreadCount } from '@kepai/contracts';
import { queryKeys } from '../../../lib/query-keys';
import {
  fetchNotifications,
  fetchUnreadCount,
  markAllNotificationsRead,
  markNotificationRead,
} from '../api/notifications';
import { markAllRead, replaceNotification, type NotificationPages } from '../logic/cache';

/** Without a socket (or with one that missed something) the count is asked again this often. */
const COUNT_REFRESH_MS = 60_000;

/** The filter of a notification list, as its query key holds it. */
function listKey(unread: boolean, limit: number) {
  return queryKeys.notifications({ unread: String(unread), limit: String(limit) });
}

/** Every cached list of notifications, whatever its filter (a key prefix). */
export const ALL_LISTS = queryKeys.notifications({});

export function useUnreadCount() {
  return useQuery({
    queryKey: queryKeys.unreadCount,
    queryFn: ({ signal }) => fetchUnreadCount(signal),
    refetchInterval: COUNT_REFRESH_MS,
  });
}

/** The caller's notifications, newest first, page by page (`fetchNextPage` for more). */
export function useNotificationList({ unread, limit }: { unread: boolean; limit: number }) {
  return useInfiniteQuery({
    queryKey: listKey(unread, limit),
    queryFn: ({ pageParam, signal }) =>
      fetchNotifications(
        { unread, limit, ...(pageParam === undefined ? {} : { cursor: pageParam }) },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
}

function updateLists(
  client: QueryClient,
  update: (data: NotificationPages | undefined) => NotificationPages | undefined,
) {
  client.setQueriesData<NotificationPages>({ queryKey: ALL_LISTS }, update);
}

/** Marks one read; the lists show the api's answer and the count is read again. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (notification: NotificationView) => markNotificationRead(notification.id),
    onSuccess: (read, before) => {
      updateLists(client, (data) => replaceNotification(data, read));
      if (before.readAt === null)
        client.setQueryData<UnreadCount>(queryKeys.unreadCount, (count) =>
          count === undefined ? count : { unread: Math.max(0, count.unread - 1) },
        );
      void client.invalidateQueries({ queryKey: queryKeys.unreadCount });
    },
  });
}

/** Marks all read: the count is the api's answer, the cached lists show them read. */
export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: (count) => {
      client.setQueryData<UnreadCount>(queryKeys.unreadCount, count);
      updateLists(client, (data) => markAllRead(data, new Date().toISOString()));
      void client.invalidateQueries({ queryKey: ALL_LISTS });
    },
  });
}
