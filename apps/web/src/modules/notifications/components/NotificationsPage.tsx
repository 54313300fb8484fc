import { Alert, Button, Empty, Segmented, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { NotificationView } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import {
  useMarkAllRead,
  useMarkRead,
  useNotificationList,
  useUnreadCount,
} from '../hooks/useNotifications';
import { flattenPages } from '../logic/cache';
import { useNow } from '../hooks/useNow';
import { NotificationItem } from './NotificationItem';
import '../notifications.css';

const PAGE_SIZE = 20;

/**
 * `/notifications`: the user's notification centre, newest first, page by page, all or unread
 * only (`?unread=1`); opening one marks it read, and all can be marked read at once.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const list = useNotificationList({ unread: unreadOnly, limit: PAGE_SIZE });
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = flattenPages(list.data);
  const now = useNow();
  const open = (notification: NotificationView) => {
    if (notification.readAt === null) markRead.mutate(notification);
  };

  return (
    <section className="notifications-page" aria-labelledby="notifications-title">
      <h1 id="notifications-title" className="page-title">
        {t('notifications.page.title')}
      </h1>
      <p className="notifications-lead">{t('notifications.page.lead')}</p>
      <div className="notifications-toolbar">
        <Segmented
          aria-label={t('notifications.page.filterLabel')}
          value={unreadOnly ? 'unread' : 'all'}
          options={[
            { value: 'all', label: t('notifications.page.filter.all') },
            {
              value: 'unread',
              label: `${t('notifications.page.filter.unread')}${
                unread.data && unread.data.unread > 0 ? ` (${unread.data.unread})` : ''
              }`,
            },
          ]}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value === 'unread') next.set('unread', '1');
            else next.delete('unread');
            setParams(next, { replace: true });
          }}
          data-testid="notifications-filter"
        />
        <Button
          onClick={() => markAll.mutate()}
          loading={markAll.isPending}
          disabled={(unread.data?.unread ?? 0) === 0}
          data-testid="notifications-mark-all"
        >
          {t('notifications.page.markAll')}
        </Button>
      </div>
      <div data-testid="notifications-list">
        {list.isPending ? (
          <Skeleton active aria-busy="true" />
        ) : list.isError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorText(list.error, t)}
            action={
              <Button size="small" onClick={() => void list.refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : items.length === 0 ? (
          <Empty
            description={
              unreadOnly ? t('notifications.page.emptyUnread') : t('notifications.page.empty')
            }
          />
        ) : (
          <>
            <ul className="notification-list notification-list-page">
              {items.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  now={now}
                  onOpen={open}
                />
              ))}
            </ul>
            {list.hasNextPage ? (
              <div className="notifications-more">
                <Button
                  onClick={() => void list.fetchNextPage()}
                  loading={list.isFetchingNextPage}
                  data-testid="notifications-more"
                >
                  {t('notifications.page.loadMore')}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
