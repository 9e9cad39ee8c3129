import { AccessSessionLiveness, AccessSessionLivenessModule } from '@lers/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@lers/audit';
import { AuthModule } from '@lers/auth';
import { dataServiceInfrastructure } from '@lers/http';
import { AccessEventsModule } from './access-events/access-events.module';
import { NOTICE_MODEL } from './notices/notice.schema';
import { NotificationEnv } from './notification.config';
import { RequestEventsModule } from './request-events/request-events.module';
import { StaffAlertsModule } from './staff-alerts/staff-alerts.module';
import { UserDirectoryModule } from './user-directory/user-directory.module';

@Module({})
export class NotificationModule {
  static forRoot(config: NotificationEnv): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        ...dataServiceInfrastructure({
          service: 'notification',
          schema: NotificationEnv,
          config,
          outboxModels: [NOTICE_MODEL],
          commandClient: true,
        }),
        AuthModule.forService(
          { publicKey: config.JWT_PUBLIC_KEY },
          AccessSessionLiveness,
          AccessSessionLivenessModule,
        ),
        AuditModule.forService({ service: 'notification', auditedModels: [NOTICE_MODEL] }),
        AccessEventsModule,
        RequestEventsModule,
        UserDirectoryModule,
        StaffAlertsModule,
      ],
    };
  }
}
