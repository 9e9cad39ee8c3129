import { ServiceEnv, WithMinio, WithMongo } from '@lers/config';

export class PreservationEnv extends WithMinio(WithMongo(ServiceEnv)) {
  override HTTP_PORT = 3003;
  override MONGO_DB = 'lers_preservation';
}
