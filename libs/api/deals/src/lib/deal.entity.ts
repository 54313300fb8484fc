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
import type { TransactionMode, UfplTerms } from '@kepai/contracts';
import { OrganisationEntity } from '@kepai/api-identity';
import { ResultEntity, fenColumn } from '@kepai/api-catalogue';

export const DEAL_STATUSES = ['awaiting_payment', 'in_use', 'completed', 'cancelled'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/**
 * A deal (成交): a buyer, a seller, a result, a price and a mode. Created by the close of a sold
 * lot (one deal per lot); direct deals and the use-first-pay-later lifecycle come with issue 7.
 */
@Entity({ name: 'deal' })
@Check('deal_status_check', `"status" IN ('awaiting_payment', 'in_use', 'completed', 'cancelled')`)
@Check('deal_price_check', `"price" >= 0`)
export class DealEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

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

  @Column({ type: 'varchar', length: 24 })
  mode: TransactionMode;

  @Column({ type: 'bigint', transformer: fenColumn })
  price: number;

  @Column({ type: 'varchar', length: 20 })
  status: DealStatus;

  /** Use-first-pay-later: the result's terms as they stood when the deal was made. */
  @Column({ name: 'ufpl_terms', type: 'jsonb', nullable: true })
  ufplTerms: UfplTerms | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
