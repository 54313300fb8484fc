import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { ORGANISATION_TYPES, type OrganisationType } from '@kepai/contracts';
import { isValidCreditCode } from '../credit-code';

function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message:
          'creditCode must be an 18-character unified social credit code (统一社会信用代码) with a valid check character',
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidCreditCode(value),
      },
    });
}

/** Names and regions: printable text, no control characters. */
const TEXT = /^[^\p{Cc}]+$/u;

export class OrganisationBodyDto {
  @IsString()
  @Length(2, 200)
  @Matches(TEXT, { message: 'name must not contain control characters' })
  name: string;

  @IsIn(ORGANISATION_TYPES, { message: `type must be one of ${ORGANISATION_TYPES.join(', ')}` })
  type: OrganisationType;

  @IsCreditCode()
  creditCode: string;

  @IsString()
  @Length(2, 64)
  @Matches(TEXT, { message: 'region must not contain control characters' })
  region: string;
}

export class RegisterDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @IsString()
  @MaxLength(256)
  password: string;

  @IsString()
  @Length(1, 100)
  @Matches(TEXT, { message: 'displayName must not contain control characters' })
  displayName: string;

  @ValidateNested()
  @Type(() => OrganisationBodyDto)
  organisation: OrganisationBodyDto;
}

export class LoginDto {
  @IsString()
  @MaxLength(254)
  email: string;

  @IsString()
  @MaxLength(256)
  password: string;
}

export class ChangePasswordDto {
  @IsString()
  @MaxLength(256)
  currentPassword: string;

  @IsString()
  @MaxLength(256)
  newPassword: string;
}

export class InvitationDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @IsIn(['owner', 'member'], { message: 'role must be owner or member' })
  role: 'owner' | 'member';
}

export class AcceptInvitationDto {
  @IsString()
  @Length(20, 100)
  token: string;

  @IsString()
  @Length(1, 100)
  @Matches(TEXT, { message: 'displayName must not contain control characters' })
  displayName: string;

  @IsString()
  @MaxLength(256)
  password: string;
}

export class MemberRoleDto {
  @IsIn(['owner', 'member'], { message: 'role must be owner or member' })
  role: 'owner' | 'member';
}

export class OrganisationListQueryDto {
  @IsOptional()
  @IsIn(['pending', 'verified', 'all'], { message: 'status must be pending, verified or all' })
  status?: 'pending' | 'verified' | 'all';
}
