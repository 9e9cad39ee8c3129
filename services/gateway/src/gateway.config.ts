import { IsInt, Max, Min } from 'class-validator';
import { ServiceEnv, WithMinio } from '@lers/config';

export class GatewayEnv extends WithMinio(ServiceEnv) {
  override HTTP_PORT = 3000;

  /** Largest document accepted in one upload (contract: 25 MiB). */
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;
}
