import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class SupervisorContact {
  @IsString()
  @MaxLength(200)
  fullName: string;

  @IsEmail()
  email: string;
}

/** An application was approved: the officer gets an activation link (token single-use, expiring). */
export class AccessApplicationApprovedV1 {
  @IsString()
  @IsNotEmpty()
  applicationId: string;

  @IsString()
  @IsNotEmpty()
  accountId: string;

  @IsString()
  @MaxLength(200)
  fullName: string;

  @IsEmail()
  email: string;

  @IsString()
  @MaxLength(300)
  agencyName: string;

  /** Added after v1 was first published, so optional: events from older producers lack them. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  agencyId?: string;

  @IsOptional()
  @IsString()
  @Length(2, 2)
  agencyCountry?: string;

  /** The supervisor named in the application: confirms the officer's emergency requests. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SupervisorContact)
  supervisor?: SupervisorContact;

  @IsString()
  @Length(32, 128)
  activationToken: string;

  @IsISO8601({ strict: true })
  activationExpiresAt: string;
}

export class AccessApplicationRejectedV1 {
  @IsString()
  @IsNotEmpty()
  applicationId: string;

  @IsString()
  @MaxLength(200)
  fullName: string;

  @IsEmail()
  email: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** A staff member was created by an admin and must activate their account. */
export class StaffInvitedV1 {
  @IsString()
  @IsNotEmpty()
  accountId: string;

  @IsString()
  @MaxLength(200)
  fullName: string;

  @IsEmail()
  email: string;

  @IsString()
  @Length(32, 128)
  activationToken: string;

  @IsISO8601({ strict: true })
  activationExpiresAt: string;
}

export class AccountStatusChangedV1 {
  @IsString()
  @IsNotEmpty()
  accountId: string;

  @IsIn(['officer', 'staff'])
  kind: 'officer' | 'staff';

  @IsIn(['active', 'suspended'])
  status: 'active' | 'suspended';
}
