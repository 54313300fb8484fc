import type { NotificationView } from '@kepai/contracts';
import { lotRoomOf } from '../../../lib/routes';

/**
 * Whether the bell shows a toast for a new notification on the page at `pathname`. Not for being
 * outbid on the lot whose live room is open: the room tells the bidder itself, at once, with
 * the new price (one toast, not two). Anywhere else — another lot's room included — it does.
 */
export function bellToasts(
  notification: Pick<NotificationView, 'kind' | 'payload'>,
  pathname: string,
): boolean {
  if (notification.kind !== 'outbid') return true;
  const lotId = notification.payload['lotId'];
  return typeof lotId !== 'string' || lotId !== lotRoomOf(pathname);
}
