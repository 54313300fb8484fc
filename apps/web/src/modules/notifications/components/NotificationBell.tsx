import { BellOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popover, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { NotificationNewEvent, NotificationView } from '@kepai/contracts';
import { errorText } from '../../../lib/errors';
import {
  useMarkAllRead,
  useMarkRead,
  useNotificationList,
  useUnreadCount,
} from '../hooks/useNotifications';
import { useNotificationStream } from '../hooks/useNotificationStream';
import { describeNotification } from '../logic/describe';
import { flattenPages } from '../logic/cache';
import { bellToasts } from '../logic/toast';
import { useNow } from '../hooks/useNow';
import { NotificationItem } from './NotificationItem';
import '../notifications.css';

/** How many of the latest the bell's panel shows. */
const LATEST = 8;

function BellPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const list = useNotificationList({ unread: false, limit: LATEST });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = useUnreadCount();
  const items = flattenPages(list.data).slice(0, LATEST);
  const now = useNow();
  const open = (notification: NotificationView) => {
    if (notification.readAt === null) markRead.mutate(notification);
    onClose();
  };
  return (
    <div className="notification-panel" data-testid="notification-panel">
      <div className="notification-panel-head">
        <strong>{t('notifications.bell.title')}</strong>
        <Button
          size="small"
          type="link"
          onClick={() => markAll.mutate()}
          loading={markAll.isPending}
          disabled={(unread.data?.unread ?? 0) === 0}
          data-testid="notification-mark-all"
        >
          {t('notifications.bell.markAll')}
        </Button>
      </div>
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error, t)} />
      ) : items.length === 0 ? (
        <p className="notification-empty">{t('notifications.bell.empty')}</p>
      ) : (
        <ul className="notification-list">
          {items.map((notification) => (
            <NotificationItem
              key={notification.id}
              notification={notification}
              now={now}
              onOpen={open}
              compact
            />
          ))}
        </ul>
      )}
      <div className="notification-panel-foot">
        <Link to="/notifications" onClick={onClose} data-testid="notification-view-all">
          {t('notifications.bell.viewAll')}
        </Link>
      </div>
    </div>
  );
}

/**
 * The header's bell for a signed-in user: the unread count (live from the socket's
 * `notification:new`, which also shows a toast unless the page in view already told it), and a
 * panel with the latest notifications.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { notification: toast } = App.useApp();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const count = unread.data?.unread ?? 0;

  const { pathname } = useLocation();

  useNotificationStream((event: NotificationNewEvent) => {
    // the count and the panel take every notification; the toast is skipped where the page
    // already tells it (outbid, in that lot's live room)
    if (!bellToasts(event.notification, pathname)) return;
    const text = describeNotification(event.notification, t, i18n.language);
    const key = `notification-${event.notification.id}`;
    const link = text.link;
    toast.info({
      key,
      title: text.title,
      description: text.body,
      placement: 'topRight',
      ...(link === null
        ? {}
        : {
            actions: (
              <Button
                type="primary"
                size="small"
                onClick={() => {
                  markRead.mutate(event.notification);
                  toast.destroy(key);
                  void navigate(link);
                }}
              >
                {t('notifications.toast.open')}
              </Button>
            ),
          }),
    });
  });

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      content={<BellPanel onClose={() => setOpen(false)} />}
    >
      <Button
        type="text"
        className="notification-bell"
        icon={<BellOutlined aria-hidden />}
        aria-label={
          count === 0 ? t('notifications.bell.labelNone') : t('notifications.bell.label', { count })
        }
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="notification-bell"
        data-unread={count}
      >
        {count > 0 ? (
          <span className="notification-badge" data-testid="unread-count" aria-hidden>
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </Button>
    </Popover>
  );
}
