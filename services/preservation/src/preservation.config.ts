import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceEnv, WithMinio, WithMongo } from '@lers/config';

export class PreservationEnv extends WithMinio(WithMongo(ServiceEnv)) {
  override HTTP_PORT = 3003;
  override MONGO_DB = 'lers_preservation';

  @IsString()
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'must be a PEM public key (EC P-256)' })
  override JWT_PUBLIC_KEY = '';

  /** Extensions an order may have (an instrument's own cap, e.g. §2703(f)'s one renewal, still applies). */
  @IsInt()
  @Min(0)
  @Max(20)
  PRESERVATION_MAX_EXTENSIONS = 1;

  /** How often a replica tries the expiry and reminder sweeps (one replica runs each period). */
  @IsInt()
  @Min(1000)
  @Max(24 * 60 * 60 * 1000)
  PRESERVATION_SWEEP_EVERY_MS = 60_000;
}
