import { ServiceEnv, WithMinio, WithMongo } from '@lers/config';

export class RequestsEnv extends WithMinio(WithMongo(ServiceEnv)) {
  override HTTP_PORT = 3002;
  override MONGO_DB = 'lers_requests';
}
