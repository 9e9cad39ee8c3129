import { Type } from 'class-transformer';
import {
  IsEmail,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
  IsObject,
} from 'class-validator';

export class SubmittedOfficer {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @IsEmail()
  email: string;
}

export class SubmittedAgency {
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @Length(2, 2)
  country: string;
}

/**
 * An agency applied for access; the officer must verify their e-mail. The verification token
 * travels here because the notification service writes the link; the access service stores only
 * its hash, and the token is single-use and expires.
 */
export class AccessApplicationSubmittedV1 {
  @IsString()
  @IsNotEmpty()
  applicationId: string;

  @IsObject()
  @ValidateNested()
  @Type(() => SubmittedAgency)
  agency: SubmittedAgency;

  @IsObject()
  @ValidateNested()
  @Type(() => SubmittedOfficer)
  officer: SubmittedOfficer;

  @IsString()
  @Length(32, 128)
  verificationToken: string;

  @IsISO8601({ strict: true })
  verificationExpiresAt: string;
}
