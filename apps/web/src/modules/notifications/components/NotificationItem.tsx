import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationView } from '@kepai/contracts';
import { describeNotification, formatMoment, relativeTime } from '../logic/describe';

/**
 * One notification: its heading and sentence in the page's language, how long ago, and unread
 * marked. Opening it (a link to what it is about, or a button when it leads nowhere) marks it read.
 */
export function NotificationItem({
  notification,
  now,
  onOpen,
  compact = false,
}: {
  notification: NotificationView;
  now: number;
  onOpen: (notification: NotificationView) => void;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const text = describeNotification(notification, t, i18n.language);
  const unread = notification.readAt === null;
  const inner = (
    <>
      <span className="notification-head">
        {unread ? (
          <span
            className="notification-dot"
            role="img"
            aria-label={t('notifications.page.unread')}
          />
        ) : null}
        <span className="notification-title">{text.title}</span>
        <time
          className="notification-time"
          dateTime={notification.createdAt}
          title={formatMoment(notification.createdAt, i18n.language)}
        >
          {relativeTime(notification.createdAt, now, i18n.language)}
        </time>
      </span>
      <span className="notification-body">{text.body}</span>
    </>
  );
  return (
    <li
      className={`notification-item${unread ? ' unread' : ''}${compact ? ' compact' : ''}`}
      data-testid="notification-item"
      data-kind={notification.kind}
      data-read={unread ? 'false' : 'true'}
    >
      {text.link !== null ? (
        <Link to={text.link} className="notification-open" onClick={() => onOpen(notification)}>
          {inner}
        </Link>
      ) : (
        <button type="button" className="notification-open" onClick={() => onOpen(notification)}>
          {inner}
        </button>
      )}
    </li>
  );
}
