import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceEnv, WithMinio } from '@lers/config';

export class GatewayEnv extends WithMinio(ServiceEnv) {
  override HTTP_PORT = 3000;

  /** Largest document accepted in one upload (contract: 25 MiB). */
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

  /** Requests per minute and client address on the public (unauthenticated) routes. */
  @IsInt()
  @Min(1)
  @Max(100_000)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 30;

  /**
   * How long the session view trusts access's "live" without asking again. Revocations arrive as
   * events well before; this bounds how long one whose event is late (relay retrying) goes unseen.
   * 0 asks access on every call.
   */
  @IsInt()
  @Min(0)
  @Max(5 * 60_000)
  SESSION_VIEW_TTL_MS = 60_000;

  @IsString()
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'must be a PEM public key (EC P-256)' })
  override JWT_PUBLIC_KEY = '';
}
