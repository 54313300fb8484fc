import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One state change: who did what to which object, when and from where. Append-only: a trigger
 * refuses UPDATE, DELETE and TRUNCATE, so not even the api can rewrite history.
 */
@Entity({ name: 'audit_event' })
@Index('audit_event_target_idx', ['targetType', 'targetId'])
export class AuditEventEntity {
  /** bigint identity; a string in TypeScript so that it never loses precision. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('audit_event_at_idx')
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Index('audit_event_actor_organisation_idx')
  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  @Index('audit_event_action_idx')
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType: string;

  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  /** What changed: `{ before?, after?, … }`, never secrets. */
  @Column({ type: 'jsonb' })
  summary: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
