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
import { Transform } from 'class-transformer';
import { ServiceEnv, WithMinio, WithMongo } from '@lers/config';

const TOTP_KEY_FORMAT = /^[\w-]{1,32}:[A-Za-z0-9+/]{43}=$/;
const splitList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
    : value;

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

  /**
   * A session ends this long after its login even if it is used all along (the 30-minute idle
   * limit applies as well).
   */
  @IsInt()
  @Min(1)
  @Max(168)
  SESSION_ABSOLUTE_LIFETIME_HOURS = 12;

  /** Requests per minute and client address on the staff sign-in and activation routes. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 30;

  /**
   * `<keyId>:<base64 of 32 random bytes>`: encrypts TOTP seeds at rest (AES-256-GCM). Rotation:
   * make a new key current and move the old one to TOTP_ENCRYPTION_PREVIOUS_KEYS.
   */
  @Matches(TOTP_KEY_FORMAT, { message: 'must be <keyId>:<base64 of 32 bytes>' })
  TOTP_ENCRYPTION_KEY = '';

  /** Older keys, comma-separated, still able to decrypt seeds until each is re-encrypted at login. */
  @Transform(splitList)
  @Matches(TOTP_KEY_FORMAT, { each: true, message: 'each must be <keyId>:<base64 of 32 bytes>' })
  TOTP_ENCRYPTION_PREVIOUS_KEYS: string[] = [];

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
