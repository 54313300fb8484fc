import { EventEmitter } from 'node:events';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppException, Clock, type Actor } from '@kepai/api-core';
import type {
  NotificationKind,
  NotificationNewEvent,
  NotificationView,
  Page,
  UnreadCount,
} from '@kepai/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { renderEmail } from './notification-text';

export interface NotifyInput {
  /** Every member of these organisations is told. */
  organisationIds?: string[];
  /** And these users. */
  userIds?: string[];
  kind: NotificationKind;
  /**
   * What the text and the link are made of. The email templates (`renderEmail`) read, where the
   * kind has them: `resultTitle`, `sessionTitle`, `demandTitle`, `brokerName`, `buyerName`,
   * `reason`; amounts in fen `price`, `minNext`, `hammerPrice`, `depositAmount`, `amount`, `fee`;
   * `paddle`; ISO times `opensAt`, `dueAt`, `termEndsAt`; `achieved` (boolean, ufpl_outcome).
   */
  payload: NotificationView['payload'];
  /** Also queue an email to each recipient in the outbox (default true). */
  email?: boolean;
  /**
   * Recorded at most once per user and key (reminders found again by a later sweep, an outbid
   * announced by two nodes): e.g. `ufpl_term_ending:<dealId>`.
   */
  dedupeKey?: string;
}

/** What `notify` wrote, to be announced in realtime once the caller's transaction commits. */
export interface Recorded {
  notifications: Array<{ userId: string; notification: NotificationView }>;
}

/** Events for the gateway: the service publishes, only the gateway emits to sockets. */
export interface NotificationEventMap {
  'notification:new': [{ userId: string; event: NotificationNewEvent }];
}

@Injectable()
export class NotificationEvents extends EventEmitter<NotificationEventMap> {}

export interface NotificationQuery {
  unread: boolean;
  cursor?: string;
  limit: number;
}

interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  payload: NotificationView['payload'];
  read_at: Date | null;
  created_at: Date;
}

function notificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    readAt: row.read_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

const unique = (values: string[] | undefined): string[] => [...new Set(values ?? [])];

/**
 * A page ends at a notification: its creation time in microseconds since the epoch (the column's
 * own precision, so no two instants collapse into one) and its id, which breaks ties.
 */
function encodeCursor(createdMicros: string, id: string): string {
  return Buffer.from(`${createdMicros}:${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { micros: string; id: string } {
  const match = /^(\d{1,17}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  if (match === null)
    throw new AppException('INVALID_INPUT', 'cursor is not one this api gave out');
  return { micros: match[1], id: match[2] };
}

const COLUMNS = `id, user_id, kind, payload, read_at, created_at`;

/**
 * The notification centre's one door. `notify` writes the notifications (and their emails in the
 * outbox) with the caller's manager, so they commit or roll back with the change they tell of;
 * `announce` then pushes them to `user:<id>` on every node. Users read and mark only their own.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: NotificationEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * One notification per recipient (the members of `organisationIds` and the `userIds`, each
   * once), none for a recipient who already has one with `dedupeKey`; and, unless `email` is
   * false, one email per notification written. Recipients are taken in id order, so that two
   * transactions telling the same users the same thing wait for each other instead of deadlocking.
   */
  async notify(manager: EntityManager, input: NotifyInput): Promise<Recorded> {
    const organisationIds = unique(input.organisationIds);
    const userIds = unique(input.userIds);
    if (organisationIds.length === 0 && userIds.length === 0) return { notifications: [] };
    const now = this.clock.now();
    const rows: Array<NotificationRow & { email: string; display_name: string }> =
      await manager.query(
        `WITH inserted AS (
           INSERT INTO notification (user_id, kind, payload, dedupe_key, created_at)
           SELECT u.id, $3, $4::jsonb, $5, $6 FROM app_user u
            WHERE u.organisation_id = ANY($1::uuid[]) OR u.id = ANY($2::uuid[])
            ORDER BY u.id
           ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
           RETURNING ${COLUMNS})
         SELECT i.*, u.email, u.display_name FROM inserted i JOIN app_user u ON u.id = i.user_id
          ORDER BY i.user_id`,
        [
          organisationIds,
          userIds,
          input.kind,
          JSON.stringify(input.payload),
          input.dedupeKey ?? null,
          now,
        ],
      );
    if (rows.length > 0 && input.email !== false) {
      const emails = rows.map((row) => ({
        to: row.email,
        notificationId: row.id,
        ...renderEmail(input.kind, input.payload, row.display_name),
      }));
      await manager.query(
        `INSERT INTO email_outbox (to_address, subject, body, notification_id, status, attempts, next_attempt_at, created_at)
         SELECT e.to_address, e.subject, e.body, e.notification_id, 'pending', 0, $5, $5
           FROM unnest($1::varchar[], $2::varchar[], $3::text[], $4::uuid[])
             AS e(to_address, subject, body, notification_id)`,
        [
          emails.map((email) => email.to),
          emails.map((email) => email.subject),
          emails.map((email) => email.body),
          emails.map((email) => email.notificationId),
          now,
        ],
      );
    }
    return {
      notifications: rows.map((row) => ({
        userId: row.user_id,
        notification: notificationView(row),
      })),
    };
  }

  /**
   * Pushes what `notify` recorded to each user's sockets, with their unread count, once the
   * caller's transaction has committed. Never throws: a failure is logged (the notifications are
   * stored; the centre shows them on its next read).
   */
  announce(recorded: Recorded): void {
    if (recorded.notifications.length === 0) return;
    this.publish(recorded).catch((error: unknown) =>
      this.logger.error(
        `announcing ${recorded.notifications.length} notifications failed: ${String(error)}`,
      ),
    );
  }

  private async publish(recorded: Recorded): Promise<void> {
    const userIds = unique(recorded.notifications.map((item) => item.userId));
    const counts: Array<{ user_id: string; unread: number }> = await this.dataSource.query(
      `SELECT user_id, count(*)::int AS unread FROM notification
        WHERE user_id = ANY($1::uuid[]) AND read_at IS NULL GROUP BY user_id`,
      [userIds],
    );
    const unread = new Map(counts.map((row) => [row.user_id, row.unread]));
    for (const { userId, notification } of recorded.notifications)
      this.events.emit('notification:new', {
        userId,
        event: { notification, unread: unread.get(userId) ?? 0 },
      });
  }

  /** The caller's notifications, newest first, keyset-paginated. */
  async list(actor: Actor, query: NotificationQuery): Promise<Page<NotificationView>> {
    const params: unknown[] = [actor.userId, query.limit + 1];
    let where = 'user_id = $1';
    if (query.unread) where += ' AND read_at IS NULL';
    if (query.cursor !== undefined) {
      const { micros, id } = decodeCursor(query.cursor);
      params.push(micros, id);
      where += ` AND (created_at, id) < (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid)`;
    }
    const rows: Array<NotificationRow & { created_us: string }> = await this.dataSource.query(
      `SELECT ${COLUMNS}, (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_us
         FROM notification WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return rows.length > query.limit
      ? { items: page.map(notificationView), nextCursor: encodeCursor(last.created_us, last.id) }
      : { items: page.map(notificationView) };
  }

  async unreadCount(actor: Actor): Promise<UnreadCount> {
    const [{ unread }]: Array<{ unread: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [actor.userId],
    );
    return { unread };
  }

  /** Marks one of the caller's notifications read (again: it keeps its first read time). */
  async markRead(actor: Actor, id: string): Promise<NotificationView> {
    const [rows]: [NotificationRow[], number] = await this.dataSource.query(
      `UPDATE notification SET read_at = coalesce(read_at, $3)
        WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, actor.userId, this.clock.now()],
    );
    // someone else's notification does not exist for the caller
    if (rows.length === 0) throw new AppException('NOT_FOUND', 'No such notification');
    return notificationView(rows[0]);
  }

  /** Marks every unread notification of the caller read; answers the unread count after it. */
  async markAllRead(actor: Actor): Promise<UnreadCount> {
    await this.dataSource.query(
      `UPDATE notification SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL`,
      [actor.userId, this.clock.now()],
    );
    return this.unreadCount(actor);
  }
}
