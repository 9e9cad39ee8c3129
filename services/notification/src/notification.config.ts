import { IsEmail, IsInt, IsNotEmpty, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { ServiceEnv, WithMongo } from '@lers/config';

export class NotificationEnv extends WithMongo(ServiceEnv) {
  override HTTP_PORT = 3004;
  override MONGO_DB = 'lers_notification';

  @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsEmail()
  MAIL_FROM = 'lers@lers.local';

  /** Base URL of the agency-facing gateway or portal, for links in e-mails. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** How often the dispatcher looks for e-mails due (new ones are sent at once). */
  @IsInt()
  @Min(50)
  @Max(60_000)
  EMAIL_POLL_MS = 1000;

  /** Days a sent e-mail is kept (proof it went out), then deleted by email-pruning.ts. */
  @IsInt()
  @Min(1)
  @Max(3650)
  SENT_EMAIL_RETENTION_DAYS = 30;

  /** Days an e-mail that failed for good is kept: longer, to find out why a notice never arrived. */
  @IsInt()
  @Min(1)
  @Max(3650)
  FAILED_EMAIL_RETENTION_DAYS = 90;

  /** Verifies staff tokens on the internal API (ES256 public key, PEM). */
  @IsString()
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'must be a PEM public key (EC P-256)' })
  override JWT_PUBLIC_KEY = '';

  /** The exchange's name as users know it, in the user notice. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  NOTICE_EXCHANGE_NAME = 'The exchange';

  /** How a user reaches the exchange about a notice (an address or a URL), in the user notice. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  NOTICE_CONTACT = 'privacy@exchange.example';

  /** Period of the scheduled work (lapsed orders, order reviews, deadline alerts): one replica per period. */
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  SCHEDULED_WORK_EVERY_MS = 60_000;

  /** Staff are alerted when a request waiting for them is due within this many hours. */
  @IsInt()
  @Min(1)
  @Max(720)
  REQUEST_DUE_SOON_HOURS = 24;
}
