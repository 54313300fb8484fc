import type { InfiniteData } from '@tanstack/react-query';
import type { NotificationView, Page } from '@kepai/contracts';

/** A cached list of notifications: the pages read so far, newest first. */
export type NotificationPages = InfiniteData<Page<NotificationView>, string | undefined>;

/**
 * A notification that just arrived, put at the top of a cached list (once: a notification
 * already there is left as it is). The cursors stay right: the next page starts after the last
 * notification of the first page, which has not moved.
 */
export function prependNotification(
  data: NotificationPages | undefined,
  notification: NotificationView,
): NotificationPages | undefined {
  if (data === undefined || data.pages.length === 0) return data;
  if (data.pages.some((page) => page.items.some((item) => item.id === notification.id)))
    return data;
  const [first, ...rest] = data.pages;
  return { ...data, pages: [{ ...first, items: [notification, ...first.items] }, ...rest] };
}

/** The list with one notification replaced by the api's answer (read now). */
export function replaceNotification(
  data: NotificationPages | undefined,
  notification: NotificationView,
): NotificationPages | undefined {
  if (data === undefined) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (item.id === notification.id ? notification : item)),
    })),
  };
}

/** The list with every unread notification marked read at `readAt`. */
export function markAllRead(
  data: NotificationPages | undefined,
  readAt: string,
): NotificationPages | undefined {
  if (data === undefined) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (item.readAt === null ? { ...item, readAt } : item)),
    })),
  };
}

/** Every notification of the list, in order. */
export function flattenPages(
  data: { pages: Array<Page<NotificationView>> } | undefined,
): NotificationView[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}
