import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { OrganisationKind } from '@kepai/contracts';

/** A university, research institute, company or brokerage; or the platform itself (admins). */
@Entity({ name: 'organisation' })
@Check('organisation_type_check', `"type" IN ('institute', 'enterprise', 'brokerage', 'platform')`)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  type: OrganisationKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 统一社会信用代码, 18 characters; null only for the platform organisation. */
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true, unique: true })
  creditCode: string | null;

  @Column({ type: 'varchar', length: 64 })
  region: string;

  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
