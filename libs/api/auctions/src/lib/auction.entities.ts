import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type {
  BidKind,
  DepositStatus,
  IncrementLadder,
  LotStatus,
  SessionFormat,
  TransactionMode,
} from '@kepai/contracts';
import { OrganisationEntity, UserEntity } from '@kepai/api-identity';
import { ResultEntity, fenColumn } from '@kepai/api-catalogue';

/** An auction session (专场) hosted by a brokerage. */
@Entity({ name: 'auction_session' })
@Check('auction_session_format_check', `"format" IN ('timed', 'live')`)
@Check('auction_session_deposit_check', `"deposit_amount" >= 0`)
@Check('auction_session_soft_close_check', `"soft_close_seconds" BETWEEN 0 AND 3600`)
@Check('auction_session_countdown_check', `"live_countdown_seconds" BETWEEN 5 AND 600`)
export class AuctionSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('auction_session_host_idx')
  @Column({ name: 'host_id', type: 'uuid' })
  hostId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_id' })
  host?: OrganisationEntity;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 8 })
  format: SessionFormat;

  @Column({ name: 'deposit_amount', type: 'bigint', transformer: fenColumn })
  depositAmount: number;

  @Column({ name: 'soft_close_seconds', type: 'integer' })
  softCloseSeconds: number;

  @Column({ name: 'live_countdown_seconds', type: 'integer', default: 30 })
  liveCountdownSeconds: number;

  /** `[fromPrice, step]` rows in fen, ascending, the first from 0. */
  @Column({ type: 'jsonb' })
  increments: IncrementLadder;

  @Index('auction_session_starts_idx')
  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  startsAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One result offered in one session under one transaction mode. */
@Entity({ name: 'lot' })
@Check('lot_status_check', `"status" IN ('scheduled', 'open', 'sold', 'unsold', 'withdrawn')`)
@Check(
  'lot_prices_check',
  `"starting_price" > 0 AND ("reserve_price" IS NULL OR "reserve_price" > 0)`,
)
@Check('lot_times_check', `"closes_at" > "opens_at"`)
@Index('lot_closing_idx', ['status', 'closesAt'])
export class LotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('lot_session_idx')
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => AuctionSessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: AuctionSessionEntity;

  @Index('lot_result_idx')
  @Column({ name: 'result_id', type: 'uuid' })
  resultId: string;

  @ManyToOne(() => ResultEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'result_id' })
  result?: ResultEntity;

  /** The result's institute, kept here for the self-dealing check on every bid. */
  @Column({ name: 'seller_id', type: 'uuid' })
  sellerId: string;

  @Column({ type: 'varchar', length: 24 })
  mode: TransactionMode;

  @Column({ name: 'starting_price', type: 'bigint', transformer: fenColumn })
  startingPrice: number;

  /** Never shown to bidders: they see whether it is met. */
  @Column({ name: 'reserve_price', type: 'bigint', nullable: true, transformer: fenColumn })
  reservePrice: number | null;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  /** The close as the bid store last reported it (soft close and the live countdown move it). */
  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'varchar', length: 12, default: 'scheduled' })
  status: LotStatus;

  /** Live format: paused by the broker (the lot stays `open`). */
  @Column({ type: 'boolean', default: false })
  paused: boolean;

  @Column({ type: 'bigint', nullable: true, transformer: fenColumn })
  price: number | null;

  @Column({ name: 'leader_paddle', type: 'integer', nullable: true })
  leaderPaddle: number | null;

  /** The leader's proxy maximum: server-side only, never on the wire. */
  @Column({ name: 'leader_max', type: 'bigint', nullable: true, transformer: fenColumn })
  leaderMax: number | null;

  @Column({ name: 'leader_seq', type: 'integer', nullable: true })
  leaderSeq: number | null;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq: number;

  @Column({ name: 'last_hash', type: 'char', length: 64, nullable: true })
  lastHash: string | null;

  @Column({ name: 'hammer_price', type: 'bigint', nullable: true, transformer: fenColumn })
  hammerPrice: number | null;

  @Column({ name: 'winner_registration_id', type: 'uuid', nullable: true })
  winnerRegistrationId: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An enterprise registered to bid in a session (报名), with its deposit and paddle (牌号). */
@Entity({ name: 'registration' })
@Unique('registration_session_organisation_key', ['sessionId', 'organisationId'])
@Unique('registration_session_paddle_key', ['sessionId', 'paddle'])
@Check(
  'registration_deposit_status_check',
  `"deposit_status" IN ('pending', 'confirmed', 'refunded', 'forfeited')`,
)
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => AuctionSessionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id' })
  session?: AuctionSessionEntity;

  @Index('registration_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'deposit_status', type: 'varchar', length: 12, default: 'pending' })
  depositStatus: DepositStatus;

  /** Given when the host confirms the deposit; bidders see each other only by it. */
  @Column({ type: 'integer', nullable: true })
  paddle: number | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A movement of a registration's deposit (see `DepositEntryEntity`). */
export type DepositEntryKind = 'received' | 'applied' | 'unapplied' | 'refunded' | 'forfeited';

/**
 * The deposit ledger: money moves by bank transfer outside Kepai; each entry records what the
 * host saw or owes. Append-only. `received` (the host saw the transfer), `applied` (counted toward
 * a won lot's price, with its deal), `unapplied` (taken back from a deal that defaulted, to be
 * forfeited), `refunded` (released to the bidder), `forfeited` (kept). Once settled, a
 * registration balances: received = applied − unapplied + refunded + forfeited.
 */
@Entity({ name: 'deposit_entry' })
@Check(
  'deposit_entry_kind_check',
  `"kind" IN ('received', 'applied', 'unapplied', 'refunded', 'forfeited')`,
)
@Check('deposit_entry_amount_check', `"amount" >= 0`)
export class DepositEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('deposit_entry_registration_idx')
  @Column({ name: 'registration_id', type: 'uuid' })
  registrationId: string;

  @ManyToOne(() => RegistrationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registration_id' })
  registration?: RegistrationEntity;

  @Column({ type: 'varchar', length: 12 })
  kind: DepositEntryKind;

  @Column({ type: 'bigint', transformer: fenColumn })
  amount: number;

  /** The bank transfer's reference, as the host typed it. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  reference: string | null;

  /** The deal an `applied`, `unapplied` or `forfeited` entry moved money to or from. */
  @Column({ name: 'deal_id', type: 'uuid', nullable: true })
  dealId: string | null;

  /** The user who recorded it; null when Kepai did (a lot's close, a sweep). */
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by' })
  recorder?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One entry of a lot's bid history: totally ordered by a gapless `seq`, hash-chained over the
 * previous entry. A client's `bidId` is unique per lot (entries a proxy wrote for the leader have
 * none).
 */
@Entity({ name: 'bid' })
@Unique('bid_lot_bid_id_key', ['lotId', 'bidId'])
// an organisation's bids (its paddle in each lot's session), for "my bids"
@Index('bid_lot_paddle_idx', ['lotId', 'paddle'])
@Check('bid_kind_check', `"kind" IN ('manual', 'proxy')`)
@Check('bid_seq_check', `"seq" > 0`)
export class BidEntity {
  @PrimaryColumn({ name: 'lot_id', type: 'uuid' })
  lotId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @ManyToOne(() => LotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id' })
  lot?: LotEntity;

  /** The bidder's paddle in the lot's session (a registration of that session). */
  @Column({ type: 'integer' })
  paddle: number;

  @Column({ type: 'bigint', transformer: fenColumn })
  amount: number;

  /** The bidder's proxy maximum, when they gave one: server-side only. */
  @Column({ name: 'max_amount', type: 'bigint', nullable: true, transformer: fenColumn })
  maxAmount: number | null;

  @Column({ type: 'varchar', length: 8 })
  kind: BidKind;

  @Column({ name: 'bid_id', type: 'uuid', nullable: true })
  bidId: string | null;

  /** The acknowledgement the bidder got, returned again to a retry with the same bidId. */
  @Column({ type: 'jsonb', nullable: true })
  outcome: Record<string, unknown> | null;

  @Column({ name: 'placed_at', type: 'timestamptz' })
  placedAt: Date;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
