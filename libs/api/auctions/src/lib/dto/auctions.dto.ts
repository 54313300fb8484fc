import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  MAX_FEN,
  SESSION_FORMATS,
  TRANSACTION_MODES,
  type IncrementLadder,
  type SessionFormat,
  type TransactionMode,
} from '@kepai/contracts';

const TEXT = /^[^\p{Cc}]*$/u;

export class CreateSessionDto {
  @IsString()
  @Length(4, 200)
  @Matches(TEXT, { message: 'title must not contain control characters' })
  title: string;

  @IsIn(SESSION_FORMATS, { message: `format must be one of ${SESSION_FORMATS.join(', ')}` })
  format: SessionFormat;

  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  depositAmount: number;

  @IsInt()
  @Min(0)
  @Max(3600)
  softCloseSeconds: number;

  /** Live format: the countdown each accepted bid restarts (30 s unless given). */
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(600)
  liveCountdownSeconds?: number;

  /** `[fromPrice, step]` rows in fen, ascending, the first from 0 (checked by the service). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsArray({ each: true })
  increments: IncrementLadder;

  @IsOptional()
  @IsDateString({ strict: true })
  startsAt?: string;
}

export class CreateLotDto {
  @IsUUID('4')
  resultId: string;

  @IsIn(TRANSACTION_MODES, { message: `mode must be one of ${TRANSACTION_MODES.join(', ')}` })
  mode: TransactionMode;

  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  startingPrice: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  reservePrice?: number;

  @IsDateString({ strict: true })
  opensAt: string;

  @IsDateString({ strict: true })
  closesAt: string;
}

export class ConfirmDepositDto {
  /** The bank transfer's reference, as it appears on the statement. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(TEXT, { message: 'reference must not contain control characters' })
  reference?: string;
}

/** `GET /lots?status`: what a bidder meets now, by the rules' effective phase. */
export const LOT_LIST_STATUSES = ['upcoming', 'open', 'ended'] as const;
export type LotListStatus = (typeof LOT_LIST_STATUSES)[number];

export class LotListQueryDto {
  @IsOptional()
  @IsUUID('4')
  resultId?: string;

  /** The result's owner organisation (the seller). */
  @IsOptional()
  @IsUUID('4')
  instituteId?: string;

  @IsOptional()
  @IsUUID('4')
  sessionId?: string;

  /** The session's host organisation. */
  @IsOptional()
  @IsUUID('4')
  hostId?: string;

  @IsOptional()
  @IsIn(LOT_LIST_STATUSES, { message: `status must be one of ${LOT_LIST_STATUSES.join(', ')}` })
  status?: LotListStatus;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class MyBidsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
