import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppException,
  Clock,
  KEPAI_CONFIG,
  type Actor,
  type CjkFontFile,
  type KepaiConfig,
} from '@kepai/api-core';
import { AuctionSessionEntity, BidEntity, LotEntity } from '@kepai/api-auctions';
import type { OrganisationEntity } from '@kepai/api-identity';
import type { DealStatus } from '@kepai/contracts';
import { DataSource } from 'typeorm';
import { DealEntity } from '../deal.entity';
import { PAYABLE, amountDue } from '../deal-rules';
import { DealsService } from '../deals.service';
import {
  FontUnavailable,
  confirmationDocument,
  dealNumber,
  type ConfirmationFacts,
  type ConfirmationFonts,
  type ConfirmationParty,
} from './confirmation-document';

/** A request not (or never) accepted is no sale: nothing to confirm. */
const UNCONCLUDED: DealStatus[] = ['requested', 'declined'];

export interface RenderedConfirmation {
  document: PDFKit.PDFDocument;
  /** `成交确认书-KP-20261122-1A2B3C4D.pdf` */
  fileName: string;
  /** The same name in ASCII, for clients that do not read `filename*`. */
  asciiFileName: string;
}

function party(organisation: OrganisationEntity): ConfirmationParty {
  return {
    name: organisation.name,
    creditCode: organisation.creditCode,
    region: organisation.region,
  };
}

/** A file's identity for the font cache (`mtime:size`), or null when it is not a readable file. */
async function fileStat(path: string): Promise<string | null> {
  try {
    const file = await stat(path);
    return file.isFile() ? `${file.mtimeMs}:${file.size}` : null;
  } catch {
    return null;
  }
}

/**
 * The confirmation of sale (成交确认书) of a deal, as a PDF in Chinese: the parties, the result and
 * its patents, the mode, the price in figures and in capital numerals, the auction (session, lot,
 * hammer time, deposit applied, the last bid's hash) or the use-first-pay-later terms. Whoever may
 * see the deal (DealsService decides) may have its confirmation; to anyone else it does not exist.
 */
@Injectable()
export class ConfirmationService {
  private readonly logger = new Logger('ConfirmationService');
  /** The fonts' bytes, read once per version of the files. */
  private loaded: { key: string; fonts: Promise<ConfirmationFonts> } | null = null;
  /**
   * The render under way on this node. Laying a document out is synchronous between its yields;
   * two at once would run their steps back to back in one turn of the event loop and hold up the
   * bids this node serves twice as long, so documents are laid out one after another.
   */
  private rendering: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KEPAI_CONFIG) private readonly config: KepaiConfig,
    private readonly deals: DealsService,
    private readonly clock: Clock,
  ) {}

  async render(actor: Actor, dealId: string): Promise<RenderedConfirmation> {
    // the deals' own visibility rule: a 404 for whoever may not see the deal
    await this.deals.get(actor, dealId);
    const facts = await this.facts(dealId);
    if (UNCONCLUDED.includes(facts.status))
      throw new AppException(
        'CONFLICT',
        'This deal has not been concluded, so there is no confirmation of sale for it',
      );
    const fonts = await this.fonts();
    let document: PDFKit.PDFDocument;
    try {
      const next = this.rendering.then(() => confirmationDocument(facts, fonts));
      this.rendering = next.catch(() => undefined);
      document = await next;
    } catch (error) {
      if (!(error instanceof FontUnavailable)) throw error;
      this.logger.error(`the CJK font cannot be opened: ${error.message}`);
      this.loaded = null;
      throw this.unavailable(`the CJK font ${this.config.cjkFont.path} cannot be opened`);
    }
    return {
      document,
      fileName: `成交确认书-${facts.dealNumber}.pdf`,
      asciiFileName: `confirmation-${facts.dealNumber}.pdf`,
    };
  }

  /** The deposit the deal's buyer forfeited, from the ledger (fen). */
  private async forfeited(dealId: string): Promise<number> {
    const [row]: Array<{ amount: string | null }> = await this.dataSource.query(
      `SELECT sum(amount)::text AS amount FROM deposit_entry WHERE deal_id = $1 AND kind = 'forfeited'`,
      [dealId],
    );
    return Number(row?.amount ?? 0);
  }

  /** Reads what the document says, at this moment. */
  private async facts(dealId: string): Promise<ConfirmationFacts> {
    const deal = await this.dataSource
      .getRepository(DealEntity)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.result', 'result')
      .innerJoinAndSelect('d.buyer', 'buyer')
      .innerJoinAndSelect('d.seller', 'seller')
      .leftJoinAndSelect('d.broker', 'broker')
      .where('d.id = :id', { id: dealId })
      .getOne();
    if (deal === null || !deal.result || !deal.buyer || !deal.seller)
      throw new AppException('NOT_FOUND', 'No such deal');
    let auction: ConfirmationFacts['auction'] = null;
    if (deal.lotId !== null) {
      const lot = await this.dataSource
        .getRepository(LotEntity)
        .findOneByOrFail({ id: deal.lotId });
      const session = await this.dataSource
        .getRepository(AuctionSessionEntity)
        .findOneByOrFail({ id: lot.sessionId });
      const last = await this.dataSource
        .getRepository(BidEntity)
        .findOne({ where: { lotId: lot.id }, order: { seq: 'DESC' } });
      auction = {
        lotId: lot.id,
        sessionTitle: session.title,
        format: session.format,
        hammerAt: lot.closedAt,
        depositApplied: deal.depositApplied,
        depositForfeited: await this.forfeited(deal.id),
        lastBid: last !== null ? { seq: last.seq, hash: last.hash } : null,
      };
    }
    return {
      dealId: deal.id,
      dealNumber: dealNumber(deal.id, deal.createdAt),
      dealCreatedAt: deal.createdAt,
      issuedAt: this.clock.now(),
      status: deal.status,
      mode: deal.mode,
      price: deal.price,
      dueAt: deal.dueAt,
      paidAmount: deal.paidAmount,
      outstanding: PAYABLE.includes(deal.status)
        ? Math.max(0, amountDue(deal) - deal.paidAmount)
        : null,
      seller: party(deal.seller),
      buyer: party(deal.buyer),
      broker: deal.broker ? party(deal.broker) : null,
      result: {
        title: deal.result.title,
        field: deal.result.field,
        patentNumbers: deal.result.patentNumbers,
        patentStatus: deal.result.patentStatus,
        ipcClass: deal.result.ipcClass,
      },
      auction,
      ufpl: deal.mode === 'use_first_pay_later' ? deal.ufplTerms : null,
    };
  }

  /**
   * The configured font and its bold sibling (`…-Regular.*` → `…-Bold.*`, face likewise), the
   * regular one standing in when there is no bold. Their bytes are read without blocking and kept
   * while the files stay the same (the collections are about 20 MB each); a missing font is a
   * 503, never a crash.
   */
  private async fonts(): Promise<ConfirmationFonts> {
    const regular: CjkFontFile = this.config.cjkFont;
    const regularFile = await fileStat(regular.path);
    if (regularFile === null) {
      this.logger.error(`the CJK font ${regular.path} is missing`);
      throw this.unavailable(`the CJK font ${regular.path} is missing`);
    }
    let bold: (CjkFontFile & { stamp: string }) | null = null;
    const name = basename(regular.path);
    if (name.includes('Regular')) {
      const path = join(dirname(regular.path), name.replace('Regular', 'Bold'));
      const boldFile = await fileStat(path);
      if (boldFile !== null)
        bold = { path, face: regular.face?.replace('Regular', 'Bold') ?? null, stamp: boldFile };
    }
    const key = [regular.path, regular.face, regularFile, bold?.path, bold?.stamp].join('|');
    if (this.loaded === null || this.loaded.key !== key) {
      const fonts = Promise.all([
        readFile(regular.path),
        bold !== null ? readFile(bold.path) : null,
      ]).then(([regularBytes, boldBytes]) => ({
        regular: { src: regularBytes, face: regular.face },
        bold:
          bold !== null && boldBytes !== null
            ? { src: boldBytes, face: bold.face }
            : { src: regularBytes, face: regular.face },
      }));
      this.loaded = { key, fonts };
      fonts.catch(() => {
        if (this.loaded?.key === key) this.loaded = null;
      });
    }
    try {
      return await this.loaded.fonts;
    } catch (error) {
      this.logger.error(`the CJK font ${regular.path} cannot be read: ${String(error)}`);
      throw this.unavailable(`the CJK font ${regular.path} cannot be read`);
    }
  }

  private unavailable(problem: string): AppException {
    return new AppException(
      'SERVICE_UNAVAILABLE',
      `The confirmation of sale cannot be made: ${problem} (install Debian's fonts-noto-cjk or set KEPAI_CJK_FONT)`,
    );
  }
}
