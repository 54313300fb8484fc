import type { NotificationView, Page, UnreadCount } from '@kepai/contracts';
import { getJson, postJson, queryString } from '../../../lib/http';

/** `GET /notifications`: the caller's own, newest first, by cursor; `unread` only unread ones. */
export function fetchNotifications(
  params: { unread: boolean; cursor?: string; limit: number },
  signal?: AbortSignal,
): Promise<Page<NotificationView>> {
  return getJson<Page<NotificationView>>(
    `/notifications${queryString({
      unread: params.unread ? 'true' : undefined,
      cursor: params.cursor,
      limit: params.limit,
    })}`,
    { signal },
  );
}

/** `GET /notifications/unread-count`. */
export function fetchUnreadCount(signal?: AbortSignal): Promise<UnreadCount> {
  return getJson<UnreadCount>('/notifications/unread-count', { signal });
}

/** `POST /notifications/:id/read`: keeps the first read time. */
export function markNotificationRead(id: string): Promise<NotificationView> {
  return postJson<NotificationView>(`/notifications/${encodeURIComponent(id)}/read`);
}

/** `POST /notifications/read-all`: answers the unread count after it (0, or what came since). */
export function markAllNotificationsRead(): Promise<UnreadCount> {
  return postJson<UnreadCount>('/notifications/read-all');
}
