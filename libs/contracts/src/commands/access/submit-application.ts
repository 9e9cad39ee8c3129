import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { COMMAND_TOPICS } from '../../topics';
import { defineCommand } from '../command-spec';

export const AGENCY_KINDS = [
  'police',
  'prosecutor',
  'court',
  'regulator',
  'tax',
  'customs',
  'intelligence',
  'other',
] as const;

export class ApplicantAgency {
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @IsISO31661Alpha2()
  country: string;

  @IsIn(AGENCY_KINDS)
  kind: (typeof AGENCY_KINDS)[number];
}

export class ApplicantOfficer {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @IsEmail()
  @MaxLength(254)
  email: string;

  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phone must be in E.164 format, e.g. +14155550100' })
  phone: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  badgeNumber: string;
}

export class ApplicantSupervisor {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @IsEmail()
  @MaxLength(254)
  email: string;
}

/** A proof-of-authority file already streamed to MinIO by the gateway. */
export class StoredDocument {
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  objectKey: string;

  @Matches(/^[a-f0-9]{64}$/)
  sha256: string;

  @IsInt()
  @Min(1)
  @Max(100 * 1024 * 1024)
  size: number;

  @IsIn(['application/pdf', 'image/png', 'image/jpeg'])
  contentType: string;
}

/** The JSON part of `POST /v1/access-applications`. */
export class AccessApplicationForm {
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantAgency)
  agency: ApplicantAgency;

  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantOfficer)
  officer: ApplicantOfficer;

  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantSupervisor)
  supervisor: ApplicantSupervisor;

  /** The officer declares they act in an official capacity; anything but `true` is refused (422). */
  @IsBoolean()
  declaration: boolean;
}

export class SubmitAccessApplication extends AccessApplicationForm {
  @ValidateNested({ each: true })
  @ArrayMinSize(0)
  @ArrayMaxSize(10)
  @Type(() => StoredDocument)
  proofOfAuthority: StoredDocument[];
}

export interface SubmitAccessApplicationResult {
  id: string;
  status: 'pending_email_verification';
}

export const submitAccessApplication = defineCommand<SubmitAccessApplication, SubmitAccessApplicationResult>(
  COMMAND_TOPICS.accessSubmitApplication,
  SubmitAccessApplication,
  {
    // A retry uploads the same files again under new object keys: the same request is the same content.
    fingerprint: ({ proofOfAuthority, ...form }) => ({
      ...form,
      proofOfAuthority: proofOfAuthority.map(({ sha256, size, contentType }) => ({
        sha256,
        size,
        contentType,
      })),
    }),
  },
);
