import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsDateString,
  ValidateIf,
} from 'class-validator';
import {
  FIELDS,
  MAX_FEN,
  MATURITIES,
  PATENT_STATUSES,
  SEARCH_SORTS,
  TRANSACTION_MODES,
  type Field,
  type Maturity,
  type PatentStatus,
  type SearchSort,
  type TransactionMode,
} from '@kepai/contracts';

/** Optional in an update, but never null (a null title or price would reach NOT NULL columns). */
const Present = (): PropertyDecorator => ValidateIf((_, value: unknown) => value !== undefined);

const TEXT = /^[^\p{Cc}]*$/u;
const MULTILINE = /^[^\p{Cc}]*(?:[\r\n\t][^\p{Cc}]*)*$/u;
/** Chinese patent numbers: ZL + 12 digits + . + check character, e.g. ZL202110345678.9 */
const PATENT_NUMBER = /^(ZL|CN)?\d{12}\.[\dX]$|^CN\d{9}[A-Z]$/;

export class UfplTermsDto {
  @IsInt()
  @Min(1)
  @Max(120)
  termMonths: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  criteria: string[];

  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  fee: number;

  @IsInt()
  @Min(1)
  @Max(365)
  paymentWindowDays: number;
}

/** Every field a result carries; all required on create, all optional on update. */
export class CreateResultDto {
  @IsString()
  @Length(4, 200)
  @Matches(TEXT, { message: 'title must not contain control characters' })
  title: string;

  @IsString()
  @Length(10, 500)
  @Matches(TEXT, { message: 'summary must not contain control characters' })
  summary: string;

  @IsString()
  @Length(20, 20_000)
  @Matches(MULTILINE, { message: 'description must not contain control characters' })
  description: string;

  @IsIn(FIELDS, { message: `field must be one of ${FIELDS.join(', ')}` })
  field: Field;

  @IsArray()
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  keywords: string[];

  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(PATENT_NUMBER, {
    each: true,
    message: 'patentNumbers must be Chinese patent numbers like ZL202110345678.9',
  })
  patentNumbers: string[];

  @IsOptional()
  @IsIn(PATENT_STATUSES, { message: `patentStatus must be one of ${PATENT_STATUSES.join(', ')}` })
  patentStatus?: PatentStatus;

  @IsOptional()
  @IsString()
  @Matches(/^[A-H]\d{2}[A-Z]( ?\d{1,4}\/\d{1,6})?$/, {
    message: 'ipcClass must be an IPC symbol like H01M 4/583',
  })
  ipcClass?: string;

  @IsIn(MATURITIES, { message: `maturity must be one of ${MATURITIES.join(', ')}` })
  maturity: Maturity;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TRANSACTION_MODES, {
    each: true,
    message: `transactionModes must be among ${TRANSACTION_MODES.join(', ')}`,
  })
  transactionModes: TransactionMode[];

  @IsOptional()
  @IsInt({ message: 'askingPrice must be an integer number of fen' })
  @Min(1)
  @Max(MAX_FEN)
  askingPrice?: number;

  @IsString()
  @Length(2, 64)
  @Matches(TEXT, { message: 'region must not contain control characters' })
  region: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  team?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => UfplTermsDto)
  ufplTerms?: UfplTermsDto;
}

/**
 * Fields of an update: absent means unchanged, null is refused for every field but ufplTerms,
 * where it removes the terms.
 */
export class UpdateResultDto {
  @Present() @IsString() @Length(4, 200) @Matches(TEXT) title?: string;
  @Present() @IsString() @Length(10, 500) @Matches(TEXT) summary?: string;
  @Present() @IsString() @Length(20, 20_000) @Matches(MULTILINE) description?: string;
  @Present() @IsIn(FIELDS) field?: Field;
  @Present()
  @IsArray()
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  keywords?: string[];
  @Present()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(PATENT_NUMBER, { each: true })
  patentNumbers?: string[];
  @Present() @IsIn(PATENT_STATUSES) patentStatus?: PatentStatus;
  @Present() @IsString() @Matches(/^[A-H]\d{2}[A-Z]( ?\d{1,4}\/\d{1,6})?$/) ipcClass?: string;
  @Present() @IsIn(MATURITIES) maturity?: Maturity;
  @Present()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TRANSACTION_MODES, { each: true })
  transactionModes?: TransactionMode[];
  @Present() @IsInt() @Min(1) @Max(MAX_FEN) askingPrice?: number;
  @Present() @IsString() @Length(2, 64) @Matches(TEXT) region?: string;
  @Present()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  team?: string[];
  @IsOptional() @ValidateNested() @Type(() => UfplTermsDto) ufplTerms?: UfplTermsDto | null;
}

export class RejectResultDto {
  @IsString()
  @Length(2, 500)
  reason: string;
}

/** `a,b` or repeated `?x=a&x=b` both give a list. */
const list = ({ value }: { value: unknown }): unknown =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value])
        .flatMap((item) => String(item).split(','))
        .filter((item) => item !== '');

export class SearchQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @Transform(list)
  @IsIn(FIELDS, { each: true, message: `field must be among ${FIELDS.join(', ')}` })
  field?: Field[];

  @IsOptional()
  @Transform(list)
  @IsIn(TRANSACTION_MODES, {
    each: true,
    message: `mode must be among ${TRANSACTION_MODES.join(', ')}`,
  })
  mode?: TransactionMode[];

  @IsOptional()
  @Transform(list)
  @IsIn(MATURITIES, { each: true, message: `maturity must be among ${MATURITIES.join(', ')}` })
  maturity?: Maturity[];

  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  region?: string[];

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  priceMin?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  priceMax?: number;

  @IsOptional()
  @IsUUID('4')
  institute?: string;

  @IsOptional()
  @IsIn(SEARCH_SORTS, { message: `sort must be one of ${SEARCH_SORTS.join(', ')}` })
  sort?: SearchSort;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class SuggestQueryDto {
  @IsString()
  @Length(1, 50)
  q: string;
}

export class MyResultsQueryDto {
  @IsOptional()
  @IsIn(['draft', 'pending_review', 'published', 'in_auction', 'sold', 'withdrawn'])
  status?: string;
}

export class CreateDemandDto {
  @IsString()
  @Length(4, 200)
  @Matches(TEXT, { message: 'title must not contain control characters' })
  title: string;

  @IsString()
  @Length(10, 5_000)
  @Matches(MULTILINE, { message: 'description must not contain control characters' })
  description: string;

  @IsIn(FIELDS, { message: `field must be one of ${FIELDS.join(', ')}` })
  field: Field;

  @IsOptional()
  @IsInt({ message: 'budget must be an integer number of fen' })
  @Min(1)
  @Max(MAX_FEN)
  budget?: number;

  @IsOptional()
  @IsDateString({ strict: true }, { message: 'deadline must be a date like 2027-06-30' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadline must be a date like 2027-06-30' })
  deadline?: string;
}

export class LinkDemandDto {
  @IsUUID('4')
  resultId: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
