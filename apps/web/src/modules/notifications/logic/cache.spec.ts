import { QueryClient } from '@tanstack/react-query';
import type { NotificationView, UnreadCount } from '@kepai/contracts';
import { queryKeys } from '../../../lib/query-keys';
import { applyNotification } from '../hooks/useNotificationStream';
import {
  flattenPages,
  markAllRead,
  prependNotification,
  replaceNotification,
  type NotificationPages,
} from './cache';

function note(id: string, readAt: string | null = null): NotificationView {
  return {
    id,
    kind: 'deal_accepted',
    payload: { dealId: 'deal-1', resultTitle: '锂电池隔膜' },
    readAt,
    createdAt: '2026-11-22T06:00:00.000Z',
  };
}

function pages(...lists: NotificationView[][]): NotificationPages {
  return {
    pages: lists.map((items, index) => ({
      items,
      ...(index < lists.length - 1 ? { nextCursor: `c${index}` } : {}),
    })),
    pageParams: lists.map((_, index) => (index === 0 ? undefined : `c${index - 1}`)),
  };
}

describe('the cached lists of notifications', () => {
  it('take a new notification at the top of the first page, once, cursors untouched', () => {
    const before = pages([note('b'), note('c')], [note('d')]);
    const after = prependNotification(before, note('a'));
    expect(flattenPages(after).map((item) => item.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(after?.pages[0].nextCursor).toBe('c0');
    expect(after?.pageParams).toEqual(before.pageParams);
    expect(prependNotification(after, note('c'))).toBe(after);
    expect(prependNotification(undefined, note('a'))).toBeUndefined();
  });

  it('show one read, or all read', () => {
    const list = pages([note('a'), note('b', '2026-11-01T00:00:00.000Z')], [note('c')]);
    const one = replaceNotification(list, note('c', '2026-11-23T00:00:00.000Z'));
    expect(flattenPages(one).map((item) => item.readAt !== null)).toEqual([false, true, true]);
    const all = markAllRead(list, '2026-11-23T00:00:00.000Z');
    expect(flattenPages(all).map((item) => item.readAt)).toEqual([
      '2026-11-23T00:00:00.000Z',
      '2026-11-01T00:00:00.000Z',
      '2026-11-23T00:00:00.000Z',
    ]);
  });
});

describe('notification:new in the query cache', () => {
  it('sets the unread count, tops every cached list, and reads the deal again', async () => {
    const client = new QueryClient();
    const all = queryKeys.notifications({ unread: 'false', limit: '8' });
    const unread = queryKeys.notifications({ unread: 'true', limit: '20' });
    client.setQueryData(all, pages([note('b', '2026-11-01T00:00:00.000Z')]));
    client.setQueryData(unread, pages([]));
    client.setQueryData<UnreadCount>(queryKeys.unreadCount, { unread: 2 });
    client.setQueryData(queryKeys.deal('deal-1'), { id: 'deal-1' });
    client.setQueryData(queryKeys.deal('deal-2'), { id: 'deal-2' });

    applyNotification(client, { notification: note('a'), unread: 3 });

    expect(client.getQueryData(queryKeys.unreadCount)).toEqual({ unread: 3 });
    expect(flattenPages(client.getQueryData<NotificationPages>(all)).map((n) => n.id)).toEqual([
      'a',
      'b',
    ]);
    expect(flattenPages(client.getQueryData<NotificationPages>(unread)).map((n) => n.id)).toEqual([
      'a',
    ]);
    expect(client.getQueryState(queryKeys.deal('deal-1'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.deal('deal-2'))?.isInvalidated).toBe(false);
    client.clear();
  });
});
