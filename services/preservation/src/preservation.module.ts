import { type DynamicModule, Module } from '@nestjs/common';
import { dataServiceInfrastructure } from '@lers/http';
import { UpstreamEventsConsumer } from './upstream-events/upstream-events.consumer';
import { PreservationEnv } from './preservation.config';

@Module({})
export class PreservationModule {
  static forRoot(config: PreservationEnv): DynamicModule {
    return {
      module: PreservationModule,
      imports: dataServiceInfrastructure({
        service: 'preservation',
        schema: PreservationEnv,
        config,
        buckets: [],
      }),
      controllers: [UpstreamEventsConsumer],
    };
  }
}
