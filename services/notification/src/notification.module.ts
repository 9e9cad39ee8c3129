import { type DynamicModule, Module } from '@nestjs/common';
import { dataServiceInfrastructure } from '@lers/http';
import { AccessEventsModule } from './access-events/access-events.module';
import { NotificationEnv } from './notification.config';
import { RequestEventsModule } from './request-events/request-events.module';

@Module({})
export class NotificationModule {
  static forRoot(config: NotificationEnv): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        ...dataServiceInfrastructure({ service: 'notification', schema: NotificationEnv, config }),
        AccessEventsModule,
        RequestEventsModule,
      ],
    };
  }
}
