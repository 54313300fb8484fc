import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationView } from '@kepai/contracts';
import { UserEntity } from '@kepai/api-identity';

const KIND_LIST = NOTIFICATION_KINDS.map((kind) => `'${kind}'`).join(', ');

/**
 * One thing one user is told (the notification centre). Written by `NotificationsService.notify`
 * in the transaction of the change it tells of; read and marked read only by its user.
 */
@Entity({ name: 'notification' })
@Check('notification_kind_check', `"kind" IN (${KIND_LIST})`)
// at most one per user and key: a sweep that finds the same reminder again records nothing
@Index('notification_dedupe_key', ['userId', 'dedupeKey'], {
  unique: true,
  where: '"dedupe_key" IS NOT NULL',
})
// a user's list, newest first (read backwards), and their unread ones
@Index('notification_user_newest_idx', ['userId', 'createdAt', 'id'])
@Index('notification_user_unread_idx', ['userId', 'createdAt', 'id'], {
  where: '"read_at" IS NULL',
})
// what the retention sweep deletes: the oldest first
@Index('notification_created_idx', ['createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  /** Ids and figures (fen) the text and the link are made of. */
  @Column({ type: 'jsonb' })
  payload: NotificationView['payload'];

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** Set from the server's clock by `notify`. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/**
 * An email to send (the outbox): written with its notification, in the same transaction, and
 * sent afterwards by the `EmailSender` sweep on whichever node claims it first.
 */
@Entity({ name: 'email_outbox' })
@Check('email_outbox_status_check', `"status" IN ('pending', 'sent', 'failed')`)
@Check('email_outbox_attempts_check', `"attempts" >= 0`)
// what the sweep looks for: pending emails whose next attempt is due
@Index('email_outbox_due_idx', ['nextAttemptAt'], { where: `"status" = 'pending'` })
// what the retention sweep deletes: emails done with (sent or given up), the oldest first
@Index('email_outbox_done_idx', ['createdAt'], { where: `"status" <> 'pending'` })
export class EmailOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  /** Plain text. */
  @Column({ type: 'text' })
  body: string;

  @Index('email_outbox_notification_idx')
  @Column({ name: 'notification_id', type: 'uuid', nullable: true })
  notificationId: string | null;

  @ManyToOne(() => NotificationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'notification_id' })
  notification?: NotificationEntity;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: EmailStatus;

  /** Attempts started so far (an attempt counts from the moment a node claims the email). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** When the email may next be tried: its creation, then backoff after a failure, or a claim's lease. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
