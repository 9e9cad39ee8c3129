import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
} from 'class-validator';

const splitList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/** Variables every service reads. A variable's name is its property's name. */
export class ServiceEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  @IsNotEmpty()
  HTTP_HOST = '0.0.0.0';

  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT = 0;

  /** The operations listener (`/metrics`, `/health/*` with details); keep it off the public network. */
  @IsInt()
  @Min(0)
  @Max(65535)
  OPS_PORT = 9464;

  /**
   * Addresses or CIDRs of the reverse proxies whose X-Forwarded-For is believed (default: none,
   * so the client address is the TCP peer and a forged header changes nothing).
   */
  @Transform(splitList)
  @Matches(/^[\d.:a-fA-F/]+$/, { each: true, message: 'each entry must be an IP address or CIDR' })
  TRUSTED_PROXIES: string[] = [];

  @Transform(splitList)
  @ArrayNotEmpty()
  @Matches(/^[\w.-]+:\d+$/, { each: true, message: 'each broker must be host:port' })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /** Consumer group; defaults to `lers-<service>`. Every replica of a service shares it. */
  @IsOptional()
  @Matches(/^[\w.-]{1,200}$/)
  KAFKA_GROUP_ID?: string;

  /** Where a brand-new consumer group starts. `true` (production) never skips an event. */
  @IsBoolean()
  KAFKA_FROM_BEGINNING = true;

  @IsInt()
  @Min(6000)
  @Max(300_000)
  KAFKA_SESSION_TIMEOUT_MS = 30_000;

  /** Short fetch waits keep latency low on a quiet system; production may raise it. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  KAFKA_MAX_WAIT_MS = 100;

  /** How long a gateway → service call may take before the caller gets a 504. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  KAFKA_REPLY_TIMEOUT_MS = 10_000;

  /** How often the outbox relay sweeps for events it was not told about (crash recovery). */
  @IsInt()
  @Min(10)
  @Max(60_000)
  OUTBOX_POLL_MS = 1000;

  /** PEM public key (ES256) that verifies access tokens. */
  @IsOptional()
  @IsString()
  JWT_PUBLIC_KEY?: string;
}

// TypeScript's mixin pattern requires a constructor typed with `any[]` arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = new (...args: any[]) => T;

export function WithMongo<Base extends Constructor>(base: Base) {
  class MongoEnv extends base {
    @Matches(/^mongodb(\+srv)?:\/\//, { message: 'must be a mongodb:// or mongodb+srv:// URL' })
    MONGO_URL = 'mongodb://127.0.0.1:27017';

    @Matches(/^[A-Za-z0-9_-]{1,63}$/, { message: 'must be a database name' })
    MONGO_DB = '';

    @IsInt()
    @Min(1)
    @Max(500)
    MONGO_MAX_POOL_SIZE = 20;

    /** A write not acknowledged by a majority within this time fails instead of hanging. */
    @IsInt()
    @Min(100)
    @Max(120_000)
    MONGO_WRITE_TIMEOUT_MS = 10_000;

    /** Days an applied event stays in the consumer ledger (see processed-event-pruning.ts). */
    @IsInt()
    @Min(8)
    @Max(3650)
    PROCESSED_EVENT_RETENTION_DAYS = 14;
  }
  return MongoEnv;
}

export function WithMinio<Base extends Constructor>(base: Base) {
  class MinioEnv extends base {
    @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
    MINIO_ENDPOINT = 'http://127.0.0.1:9000';

    @IsString()
    @IsNotEmpty()
    MINIO_ACCESS_KEY = '';

    @IsString()
    @IsNotEmpty()
    MINIO_SECRET_KEY = '';
  }
  return MinioEnv;
}
