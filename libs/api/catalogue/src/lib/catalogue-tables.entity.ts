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
} from 'typeorm';
import type { Field } from '@kepai/contracts';
import { OrganisationEntity, UserEntity } from '@kepai/api-identity';
import { ResultEntity, fenColumn } from './result.entity';

/** A user's favourite result. */
@Entity({ name: 'favourite' })
export class FavouriteEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Index('favourite_result_idx')
  @PrimaryColumn({ name: 'result_id', type: 'uuid' })
  resultId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @ManyToOne(() => ResultEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id' })
  result?: ResultEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One viewer, one result, one day: a view counts once however often the page is opened. */
@Entity({ name: 'result_view' })
export class ResultViewEntity {
  @PrimaryColumn({ name: 'result_id', type: 'uuid' })
  resultId: string;

  /** SHA-256 of the user id, or of address and user agent for anonymous viewers. */
  @PrimaryColumn({ name: 'viewer_key', type: 'char', length: 64 })
  viewerKey: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @ManyToOne(() => ResultEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id' })
  result?: ResultEntity;
}

/** Latin words of published results, for typo-tolerant expansion (trigram index by migration). */
@Entity({ name: 'search_term' })
export class SearchTermEntity {
  @Index('search_term_trgm_idx', { synchronize: false })
  @PrimaryColumn({ type: 'varchar', length: 40 })
  term: string;
}

/** An enterprise's technology need (企业技术需求). */
@Entity({ name: 'demand' })
@Check(
  'demand_field_check',
  `"field" IN ('it', 'biomed', 'materials', 'manufacturing', 'energy', 'environment', 'agriculture', 'other')`,
)
@Check('demand_status_check', `"status" IN ('open', 'closed')`)
export class DemandEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('demand_enterprise_idx')
  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: OrganisationEntity;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  field: Field;

  @Column({ type: 'bigint', nullable: true, transformer: fenColumn })
  budget: number | null;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: 'open' | 'closed';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A broker's link from a demand to a result that answers it. */
@Entity({ name: 'demand_link' })
export class DemandLinkEntity {
  @PrimaryColumn({ name: 'demand_id', type: 'uuid' })
  demandId: string;

  @PrimaryColumn({ name: 'result_id', type: 'uuid' })
  resultId: string;

  @ManyToOne(() => DemandEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'demand_id' })
  demand?: DemandEntity;

  @ManyToOne(() => ResultEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id' })
  result?: ResultEntity;

  @Column({ name: 'broker_id', type: 'uuid' })
  brokerId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'broker_id' })
  broker?: OrganisationEntity;

  @Column({ name: 'linked_by', type: 'uuid' })
  linkedBy: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One row whose value moves whenever the set of searchable results or what facets count of them
 * changes (a statement trigger on result and on organisation names, by migration). Search caches
 * facet counts and rankings under it, so a cached answer is never older than the catalogue.
 */
@Entity({ name: 'catalogue_generation' })
@Check('catalogue_generation_single_row', `"id" = 1`)
export class CatalogueGenerationEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint', default: 0 })
  value: string;
}
