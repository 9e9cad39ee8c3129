import { IsOptional, IsString } from 'class-validator';
import { ServiceEnv, WithMinio, WithMongo } from '@lers/config';

export class AccessEnv extends WithMinio(WithMongo(ServiceEnv)) {
  override HTTP_PORT = 3001;
  override MONGO_DB = 'lers_access';

  /** PEM private key (ES256) that signs access and staff tokens. */
  @IsOptional()
  @IsString()
  JWT_PRIVATE_KEY?: string;
}
