import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  REQUEST_DEADLINE_MODEL,
  RequestDeadlineSchema,
  STAFF_ALERT_MODEL,
  StaffAlertSchema,
} from './staff-alert.schema';
import { StaffAlerts } from './staff-alerts';
import { StaffAlertsController } from './staff-alerts.controller';
import { AlertRequestDeadlinesUseCase } from './use-cases/alert-request-deadlines';
import { ReadStaffAlertsUseCase } from './use-cases/read-staff-alerts';
import { TrackRequestDeadlineUseCase } from './use-cases/track-request-deadline';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: STAFF_ALERT_MODEL, schema: StaffAlertSchema },
      { name: REQUEST_DEADLINE_MODEL, schema: RequestDeadlineSchema },
    ]),
  ],
  controllers: [StaffAlertsController],
  providers: [StaffAlerts, TrackRequestDeadlineUseCase, AlertRequestDeadlinesUseCase, ReadStaffAlertsUseCase],
  exports: [StaffAlerts, TrackRequestDeadlineUseCase],
})
export class StaffAlertsModule {}
