import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  MAX_FEN,
  TRANSACTION_MODES,
  UFPL_OUTCOMES,
  type TransactionMode,
  type UfplOutcome,
} from '@kepai/contracts';
import { UfplTermsDto } from '@kepai/api-catalogue';

/** Text without control characters but line breaks, with at least one visible character. */
const TEXT = /^(?=[\s\S]*\S)[^\p{Cc}]*(?:[\r\n\t][^\p{Cc}]*)*$/u;

export class DealProposalDto {
  /** A price other than the asking price (fen); not for use-first-pay-later. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  price?: number;

  /** Use-first-pay-later terms other than the listing's. */
  @IsOptional()
  @ValidateNested()
  @Type(() => UfplTermsDto)
  ufplTerms?: UfplTermsDto;
}

export class CreateDealDto {
  @IsUUID('4')
  resultId: string;

  @IsIn(TRANSACTION_MODES)
  mode: TransactionMode;

  @IsOptional()
  @IsUUID('4')
  brokerId?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => DealProposalDto)
  proposal?: DealProposalDto;
}

export class DeclineDealDto {
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @Matches(TEXT, { message: 'reason must be plain text' })
  reason?: string;
}

export class DealNoteDto {
  @IsString()
  @Length(1, 2000)
  @Matches(TEXT, { message: 'note must be plain text' })
  note: string;
}

export class EvidenceDto {
  @IsInt()
  @Min(0)
  @Max(9)
  criterionIndex: number;

  @IsString()
  @Length(1, 2000)
  @Matches(TEXT, { message: 'text must be plain text' })
  text: string;
}

export class OutcomeDto {
  @IsIn(UFPL_OUTCOMES)
  outcome: UfplOutcome;

  /** false: the party disputes the outcome, and the broker (or an admin) decides. */
  @IsOptional()
  @IsBoolean()
  agree?: boolean;

  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @Matches(TEXT, { message: 'note must be plain text' })
  note?: string;
}

export class DecisionDto {
  @IsIn(UFPL_OUTCOMES)
  outcome: UfplOutcome;

  /** Required: the reasons are recorded in the deal's history. */
  @IsString()
  @Length(2, 2000)
  @Matches(TEXT, { message: 'reason must be plain text' })
  reason: string;
}

export class PaymentDto {
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amount: number;

  /** The bank transfer's reference. */
  @IsString()
  @Length(1, 100)
  @Matches(TEXT, { message: 'reference must be plain text' })
  reference: string;
}
