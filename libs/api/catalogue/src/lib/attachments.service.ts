import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppException,
  KEPAI_CONFIG,
  type Actor,
  type KepaiConfig,
  type RequestMeta,
} from '@kepai/api-core';
import { AuditService } from '@kepai/api-audit';
import type { AttachmentView } from '@kepai/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AttachmentEntity } from './attachment.entity';
import { visibleTo } from './results.service';
import { ResultEntity } from './result.entity';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_RESULT = 10;

/** The file types a result may carry, recognised by their first bytes. */
export function sniffContentType(bytes: Buffer): string | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

/**
 * Multipart file names arrive as UTF-8 bytes that busboy reads as latin1 (技术.pdf becomes
 * æ\u008a\u0080…); read them again as UTF-8 when that gives valid text.
 */
export function decodeUploadName(name: string): string {
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8;
}

/** A name safe to store and to send back in Content-Disposition. */
export function cleanFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/]/g, '_')
    .replace(/[\p{Cc}"<>|:*?]/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'attachment' : cleaned;
}

export function attachmentView(attachment: AttachmentEntity): AttachmentView {
  return {
    id: attachment.id,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
    sha256: attachment.sha256,
    createdAt: attachment.createdAt.toISOString(),
  };
}

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KEPAI_CONFIG) private readonly config: KepaiConfig,
    private readonly audit: AuditService,
  ) {}

  private path(resultId: string, attachmentId: string): string {
    return join(this.config.dataDir, 'uploads', 'results', resultId, attachmentId);
  }

  async add(
    actor: Actor,
    meta: RequestMeta,
    resultId: string,
    file: { originalname: string; buffer: Buffer; size: number } | undefined,
  ): Promise<AttachmentView> {
    if (file === undefined)
      throw new AppException(
        'INVALID_INPUT',
        'Send the file as multipart/form-data in the field "file"',
      );
    const contentType = sniffContentType(file.buffer);
    if (contentType === null)
      throw new AppException(
        'UNSUPPORTED_MEDIA_TYPE',
        'Attachments must be PDF, PNG, JPEG or WebP files',
      );
    const saved = await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(ResultEntity)
        .findOne({ where: { id: resultId }, lock: { mode: 'pessimistic_write' } });
      if (result === null) throw new AppException('NOT_FOUND', 'No such result');
      if (result.instituteId !== actor.organisationId)
        throw new AppException(
          'FORBIDDEN',
          'Only the institute that listed this result may attach files',
        );
      await this.backToReview(manager, result);
      if (
        (await manager.getRepository(AttachmentEntity).count({ where: { resultId } })) >=
        MAX_ATTACHMENTS_PER_RESULT
      ) {
        throw new AppException(
          'CONFLICT',
          `A result carries at most ${MAX_ATTACHMENTS_PER_RESULT} attachments`,
        );
      }
      const attachments = manager.getRepository(AttachmentEntity);
      const attachment = await attachments.save(
        attachments.create({
          resultId,
          fileName: cleanFileName(decodeUploadName(file.originalname)),
          contentType,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          uploadedBy: actor.userId,
        }),
      );
      // the file is written inside the transaction: if writing fails, the row is not kept
      await mkdir(join(this.config.dataDir, 'uploads', 'results', resultId), { recursive: true });
      await writeFile(this.path(resultId, attachment.id), file.buffer, { flag: 'wx' });
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'result.attach',
        targetType: 'result',
        targetId: resultId,
        summary: {
          attachmentId: attachment.id,
          fileName: attachment.fileName,
          contentType,
          size: file.size,
        },
      });
      return attachment;
    });
    return attachmentView(saved);
  }

  /**
   * Files are part of the listing: changing them on a published result sends it back to review
   * (what the market sees is what an admin approved); results in an auction or sold stay as they are.
   */
  private async backToReview(manager: EntityManager, result: ResultEntity): Promise<void> {
    if (result.status === 'published') {
      await manager
        .getRepository(ResultEntity)
        .update({ id: result.id }, { status: 'pending_review' });
    } else if (!['draft', 'pending_review'].includes(result.status)) {
      throw new AppException(
        'CONFLICT',
        `The files of a result that is ${result.status} cannot change`,
      );
    }
  }

  async list(resultId: string): Promise<AttachmentView[]> {
    const rows = await this.dataSource
      .getRepository(AttachmentEntity)
      .find({ where: { resultId }, order: { createdAt: 'ASC' } });
    return rows.map(attachmentView);
  }

  /** The file, for whoever may see the result. */
  async read(
    actor: Actor | null,
    resultId: string,
    attachmentId: string,
  ): Promise<{ attachment: AttachmentEntity; bytes: Buffer }> {
    const result = await this.dataSource
      .getRepository(ResultEntity)
      .findOne({ where: { id: resultId } });
    if (result === null || !visibleTo(actor, result))
      throw new AppException('NOT_FOUND', 'No such attachment');
    const attachment = await this.dataSource
      .getRepository(AttachmentEntity)
      .findOne({ where: { id: attachmentId, resultId } });
    if (attachment === null) throw new AppException('NOT_FOUND', 'No such attachment');
    return { attachment, bytes: await readFile(this.path(resultId, attachmentId)) };
  }

  async remove(
    actor: Actor,
    meta: RequestMeta,
    resultId: string,
    attachmentId: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(ResultEntity).findOne({ where: { id: resultId } });
      if (result === null) throw new AppException('NOT_FOUND', 'No such result');
      if (result.instituteId !== actor.organisationId)
        throw new AppException(
          'FORBIDDEN',
          'Only the institute that listed this result may remove files',
        );
      await this.backToReview(manager, result);
      const removed = await manager
        .getRepository(AttachmentEntity)
        .delete({ id: attachmentId, resultId });
      if (removed.affected !== 1) throw new AppException('NOT_FOUND', 'No such attachment');
      await this.audit.record(manager, {
        actor,
        meta,
        action: 'result.detach',
        targetType: 'result',
        targetId: resultId,
        summary: { attachmentId },
      });
    });
    await rm(this.path(resultId, attachmentId), { force: true });
  }
}
