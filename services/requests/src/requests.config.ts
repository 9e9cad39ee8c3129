import { IsInt, IsISO31661Alpha2, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { ServiceEnv, WithMinio, WithMongo } from '@lers/config';

export class RequestsEnv extends WithMinio(WithMongo(ServiceEnv)) {
  override HTTP_PORT = 3002;
  override MONGO_DB = 'lers_requests';

  @IsString()
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'must be a PEM public key (EC P-256)' })
  override JWT_PUBLIC_KEY = '';

  /** The legal team's calendar (weekends, holidays) for deadlines counted in business days. */
  @IsISO31661Alpha2()
  REVIEW_CALENDAR_COUNTRY = 'GB';

  /** Base URL agencies reach the gateway at, for download links. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Signs disclosure download links (HMAC-SHA256). At least 32 characters; keep it secret. */
  @IsString()
  @MinLength(32)
  DISCLOSURE_LINK_SECRET = '';

  /** How long a download link stays valid; the contract caps it at 15 minutes. */
  @IsInt()
  @Min(1)
  @Max(900)
  DISCLOSURE_LINK_TTL_SECONDS = 900;

  /** How long the supervisor has to confirm an emergency request. */
  @IsInt()
  @Min(1)
  @Max(72)
  EMERGENCY_CONFIRMATION_TTL_HOURS = 24;

  /** Largest disclosure package staff may upload. */
  @IsInt()
  @Min(1024)
  @Max(2 * 1024 * 1024 * 1024)
  MAX_DISCLOSURE_BYTES = 500 * 1024 * 1024;
}
