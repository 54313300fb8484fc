import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { LOT_CONTROL_ACTIONS, MAX_FEN, type LotControlAction } from '@kepai/contracts';

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

/** `lot:control` (the host broker). */
export class LotControlMessage {
  @IsUUID()
  lotId: string;

  @IsIn(LOT_CONTROL_ACTIONS, { message: `action must be one of ${LOT_CONTROL_ACTIONS.join(', ')}` })
  action: LotControlAction;

  /** hammer: the last sequence number the broker saw. */
  @IsOptional()
  @IsInt()
  @Min(0)
  lastSeq?: number;
}
