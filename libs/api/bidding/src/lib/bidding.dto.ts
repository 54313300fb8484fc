import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_FEN } from '@kepai/contracts';

/** `POST /lots/:id/bids`: the body of `bid:place` without the lot. */
export class PlaceBidBodyDto {
  /** The client's idempotency key: a retry with the same bidId never bids twice. */
  @IsUUID()
  bidId: string;

  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amount: number;

  /** Proxy bidding: the most to bid up to, at least `amount`. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  maxAmount?: number;
}

/** `bid:place` on the socket. */
export class PlaceBidMessage extends PlaceBidBodyDto {
  @IsUUID()
  lotId: string;
}

export class LotJoinMessage {
  @IsUUID()
  lotId: string;

  /** The last sequence number the client has; the answer carries the bids after it. */
  @IsOptional()
  @IsInt()
  @Min(0)
  lastSeq?: number;
}

export class LotLeaveMessage {
  @IsUUID()
  lotId: string;
}

export class HistoryQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq?: number;
}
