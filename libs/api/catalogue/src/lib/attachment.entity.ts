import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ResultEntity } from './result.entity';

/** A file attached to a result (PDF or image), stored under KEPAI_DATA_DIR/uploads. */
@Entity({ name: 'result_attachment' })
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('result_attachment_result_idx')
  @Column({ name: 'result_id', type: 'uuid' })
  resultId: string;

  @ManyToOne(() => ResultEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id' })
  result?: ResultEntity;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  /** Decided from the file's first bytes, never from what the client claimed. */
  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
