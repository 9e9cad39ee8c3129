import {
  IsEmail,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { ServiceEnv, WithMinio, WithMongo } from '@lers/config';

export class AccessEnv extends WithMinio(WithMongo(ServiceEnv)) {
  override HTTP_PORT = 3001;
  override MONGO_DB = 'lers_access';

  /** PEM private key (ES256) that signs access tokens; only this service has it. */
  @IsString()
  @Matches(/-----BEGIN (EC )?PRIVATE KEY-----/, { message: 'must be a PEM private key (EC P-256)' })
  JWT_PRIVATE_KEY = '';

  @IsString()
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'must be a PEM public key (EC P-256)' })
  override JWT_PUBLIC_KEY = '';

  /** The calendar (weekends, holidays) of the team that reviews applications within 3 business days. */
  @IsISO31661Alpha2()
  REVIEW_CALENDAR_COUNTRY = 'GB';

  /** Days an ended session (revoked, or idle past 30 minutes) is kept as login history, then deleted. */
  @IsInt()
  @Min(1)
  @Max(3650)
  ENDED_SESSION_RETENTION_DAYS = 30;

  @IsOptional()
  @IsEmail()
  LERS_BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  LERS_BOOTSTRAP_ADMIN_PASSWORD?: string;

  @IsOptional()
  @Matches(/^[A-Z2-7]{16,}=*$/, { message: 'must be a base32 TOTP secret' })
  LERS_BOOTSTRAP_ADMIN_TOTP_SECRET?: string;
}
