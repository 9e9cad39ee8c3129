import { Module } from '@nestjs/common';
import { EmailModule } from '../email/email.module';
import { NoticesModule } from '../notices/notices.module';
import { OfficerNotificationsModule } from '../officer-notifications/officer-notifications.module';
import { StaffAlertsModule } from '../staff-alerts/staff-alerts.module';
import { RequestEventsConsumer } from './request-events.consumer';

@Module({
  imports: [EmailModule, NoticesModule, OfficerNotificationsModule, StaffAlertsModule],
  controllers: [RequestEventsConsumer],
})
export class RequestEventsModule {}
