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
import type {
  DealOrigin,
  DealStatus,
  TransactionMode,
  UfplDecidedBy,
  UfplOutcome,
  UfplTerms,
} from '@kepai/contracts';
import { OrganisationEntity, UserEntity } from '@kepai/api-identity';
import { ResultEntity, fenColumn } from '@kepai/api-catalogue';

export { DEAL_STATUSES, type DealStatus } from '@kepai/contracts';

/** One piece of evidence the licensee gave against one success criterion. */
export interface EvidenceEntry {
  criterionIndex: number;
  text: string;
  at: string;
  userId: string;
}

/**
 * A deal (成交): a buyer, a seller, a result, a price and a mode. Made by the close of a sold lot
 * (one deal per lot) or by an enterprise's direct request that the institute accepts. Money is
 * integer fen; every change of status writes a `deal_event` (the history) and an audit event.
 */
@Entity({ name: 'deal' })
@Check(
  'deal_status_check',
  `"status" IN ('requested', 'declined', 'awaiting_payment', 'signed', 'in_use', 'outcome_pending', 'disputed', 'fee_due', 'overdue', 'completed', 'closed_not_achieved', 'defaulted')`,
)
@Check('deal_origin_check', `"origin" IN ('auction', 'direct')`)
@Check('deal_price_check', `"price" >= 0`)
@Check(
  'deal_amounts_check',
  `"deposit_applied" >= 0 AND "deposit_applied" <= "price" AND "paid_amount" >= 0`,
)
@Check(
  'deal_outcome_check',
  `("outcome" IS NULL OR "outcome" IN ('achieved', 'not_achieved')) AND ("buyer_outcome" IS NULL OR "buyer_outcome" IN ('achieved', 'not_achieved')) AND ("seller_outcome" IS NULL OR "seller_outcome" IN ('achieved', 'not_achieved'))`,
)
@Check(
  'deal_outcome_decided_by_check',
  `"outcome_decided_by" IS NULL OR "outcome_decided_by" IN ('parties', 'broker', 'admin')`,
)
@Index('deal_status_due_idx', ['status', 'dueAt'])
export class DealEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 8 })
  origin: DealOrigin;

  /** The lot it was won in; unique, so a lot closed twice cannot make two deals. */
  @Index('deal_lot_key', { unique: true })
  @Column({ name: 'lot_id', type: 'uuid', nullable: true })
  lotId: string | null;

  @Column({ name: 'result_id', type: 'uuid' })
  resultId: string;

  @ManyToOne(() => ResultEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'result_id' })
  result?: ResultEntity;

  @Index('deal_buyer_idx')
  @Column({ name: 'buyer_id', type: 'uuid' })
  buyerId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_id' })
  buyer?: OrganisationEntity;

  @Index('deal_seller_idx')
  @Column({ name: 'seller_id', type: 'uuid' })
  sellerId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seller_id' })
  seller?: OrganisationEntity;

  /**
   * The mediating brokerage: the host of the lot's session for auction deals; the one the buyer
   * named, if any, for direct deals. It sees the deal, adds notes and decides disputes.
   */
  @Index('deal_broker_idx')
  @Column({ name: 'broker_id', type: 'uuid', nullable: true })
  brokerId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'broker_id' })
  broker?: OrganisationEntity;

  @Column({ type: 'varchar', length: 24 })
  mode: TransactionMode;

  /** The price agreed; for use-first-pay-later, the fee payable if the outcome is achieved. */
  @Column({ type: 'bigint', transformer: fenColumn })
  price: number;

  @Column({ type: 'varchar', length: 20 })
  status: DealStatus;

  /** A direct request proposed terms other than the listing's. */
  @Column({ type: 'boolean', default: false })
  proposed: boolean;

  /** The winner's deposit counted toward the price at the close (auction deals). */
  @Column({ name: 'deposit_applied', type: 'bigint', default: 0, transformer: fenColumn })
  depositApplied: number;

  /** Payments recorded so far (the seller's receipts, or an admin's). */
  @Column({ name: 'paid_amount', type: 'bigint', default: 0, transformer: fenColumn })
  paidAmount: number;

  /** When the amount due must be paid by: the payment window's end. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** Use-first-pay-later: the terms as they stood when the deal was made. */
  @Column({ name: 'ufpl_terms', type: 'jsonb', nullable: true })
  ufplTerms: UfplTerms | null;

  /** When the licence was signed: the acceptance of a request, or the close of the lot. */
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @Column({ name: 'use_started_at', type: 'timestamptz', nullable: true })
  useStartedAt: Date | null;

  @Column({ name: 'term_ends_at', type: 'timestamptz', nullable: true })
  termEndsAt: Date | null;

  /** Evidence against the success criteria, in the order given. */
  @Column({ type: 'jsonb' })
  evidence: EvidenceEntry[];

  @Column({ name: 'buyer_outcome', type: 'varchar', length: 16, nullable: true })
  buyerOutcome: UfplOutcome | null;

  @Column({ name: 'buyer_agrees', type: 'boolean', nullable: true })
  buyerAgrees: boolean | null;

  @Column({ name: 'buyer_outcome_at', type: 'timestamptz', nullable: true })
  buyerOutcomeAt: Date | null;

  @Column({ name: 'seller_outcome', type: 'varchar', length: 16, nullable: true })
  sellerOutcome: UfplOutcome | null;

  @Column({ name: 'seller_agrees', type: 'boolean', nullable: true })
  sellerAgrees: boolean | null;

  @Column({ name: 'seller_outcome_at', type: 'timestamptz', nullable: true })
  sellerOutcomeAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: UfplOutcome | null;

  @Column({ name: 'outcome_decided_by', type: 'varchar', length: 8, nullable: true })
  outcomeDecidedBy: UfplDecidedBy | null;

  /** The broker's or admin's reasons for deciding a dispute. */
  @Column({ name: 'outcome_reason', type: 'varchar', length: 2000, nullable: true })
  outcomeReason: string | null;

  @Column({ name: 'outcome_decided_at', type: 'timestamptz', nullable: true })
  outcomeDecidedAt: Date | null;

  /** The sweep's bookkeeping: each reminder is sent once. */
  @Column({ name: 'term_reminded_at', type: 'timestamptz', nullable: true })
  termRemindedAt: Date | null;

  @Column({ name: 'due_reminded_at', type: 'timestamptz', nullable: true })
  dueRemindedAt: Date | null;

  @Column({ name: 'fee_due_notified_at', type: 'timestamptz', nullable: true })
  feeDueNotifiedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A deal's status history: one row per transition, note, evidence and payment, with who did it
 * (null when Kepai did: the close of a lot, a sweep). Written only by appending.
 */
@Entity({ name: 'deal_event' })
@Index('deal_event_deal_idx', ['dealId', 'id'])
export class DealEventEntity {
  /** bigint identity, the order of the history; a string in TypeScript. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'deal_id', type: 'uuid' })
  dealId: string;

  @ManyToOne(() => DealEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deal_id' })
  deal?: DealEntity;

  /** The server's clock at the change. */
  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_user_id' })
  actorUser?: UserEntity;

  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_organisation_id' })
  actorOrganisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: DealStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20, nullable: true })
  toStatus: DealStatus | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;

  @Column({ type: 'jsonb', nullable: true })
  payload: Record<string, string | number | boolean | null> | null;
}
