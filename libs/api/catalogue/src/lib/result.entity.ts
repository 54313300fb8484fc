import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Field, Maturity, ResultStatus, TransactionMode, UfplTerms } from '@kepai/contracts';
import { OrganisationEntity } from '@kepai/api-identity';

/** bigint money columns come back from pg as strings; fen fit a JavaScript number exactly. */
export const fenColumn = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A technology result (科技成果) listed by an institute. */
@Entity({ name: 'result' })
@Check(
  'result_status_check',
  `"status" IN ('draft', 'pending_review', 'published', 'in_auction', 'sold', 'withdrawn')`,
)
@Check(
  'result_field_check',
  `"field" IN ('it', 'biomed', 'materials', 'manufacturing', 'energy', 'environment', 'agriculture', 'other')`,
)
@Check('result_maturity_check', `"maturity" IN ('research', 'lab', 'pilot', 'production')`)
@Check('result_asking_price_check', `"asking_price" IS NULL OR "asking_price" > 0`)
@Index('result_status_published_idx', ['status', 'publishedAt'])
export class ResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('result_institute_idx')
  @Column({ name: 'institute_id', type: 'uuid' })
  instituteId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institute_id' })
  institute?: OrganisationEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  field: Field;

  @Column({ type: 'text', array: true })
  keywords: string[];

  @Column({ name: 'patent_numbers', type: 'text', array: true })
  patentNumbers: string[];

  @Column({ name: 'patent_status', type: 'varchar', length: 16, nullable: true })
  patentStatus: 'granted' | 'pending' | 'expired' | null;

  @Column({ name: 'ipc_class', type: 'varchar', length: 32, nullable: true })
  ipcClass: string | null;

  @Column({ type: 'varchar', length: 16 })
  maturity: Maturity;

  /** GIN-indexed by the migration, for the mode filter (&&). */
  @Index('result_modes_idx', { synchronize: false })
  @Column({ name: 'transaction_modes', type: 'text', array: true })
  transactionModes: TransactionMode[];

  /** Fen; null means negotiable (面议). */
  @Index('result_asking_price_idx')
  @Index('result_searchable_price_idx', { synchronize: false })
  @Index('result_searchable_price_desc_idx', { synchronize: false })
  @Column({ name: 'asking_price', type: 'bigint', nullable: true, transformer: fenColumn })
  askingPrice: number | null;

  @Column({ type: 'varchar', length: 64 })
  region: string;

  @Column({ type: 'text', array: true })
  team: string[];

  @Column({ name: 'ufpl_terms', type: 'jsonb', nullable: true })
  ufplTerms: UfplTerms | null;

  @Column({ type: 'varchar', length: 20 })
  status: ResultStatus;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason: string | null;

  @Column({ name: 'view_count', type: 'integer', default: 0 })
  viewCount: number;

  /** With view_count, ordered by the migration's popularity index of searchable results. */
  @Index('result_searchable_popularity_idx', { synchronize: false })
  @Column({ name: 'favourite_count', type: 'integer', default: 0 })
  favouriteCount: number;

  /** CJK bigrams and Latin words, weighted by where they occur; GIN-indexed by the migration. */
  @Index('result_search_idx', { synchronize: false })
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false })
  searchVector: string | null;

  /** Also ordered by the migration's partial index of searchable results (newest first). */
  @Index('result_searchable_newest_idx', { synchronize: false })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
