import { type DynamicModule, Module } from '@nestjs/common';
import { dataServiceInfrastructure } from '@lers/http';
import { UpstreamEventsConsumer } from './upstream-events/upstream-events.consumer';
import { RequestsEnv } from './requests.config';

@Module({})
export class RequestsModule {
  static forRoot(config: RequestsEnv): DynamicModule {
    return {
      module: RequestsModule,
      imports: dataServiceInfrastructure({ service: 'requests', schema: RequestsEnv, config, buckets: [] }),
      controllers: [UpstreamEventsConsumer],
    };
  }
}
