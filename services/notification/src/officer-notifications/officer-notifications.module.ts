import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OfficerNotificationCommands } from './officer-notifications.commands';
import { OFFICER_NOTIFICATION_MODEL, OfficerNotificationSchema } from './officer-notification.schema';
import { MarkNotificationReadUseCase } from './use-cases/mark-notification-read';
import { NotifyOfficerOfMoveUseCase } from './use-cases/notify-officer-of-move';
import { RemindOfficerOfPreservationUseCase } from './use-cases/remind-officer-of-preservation';
import { PreservationEventsConsumer } from '../preservation-events/preservation-events.consumer';
import { ReadOfficerNotificationsUseCase } from './use-cases/read-officer-notifications';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: OFFICER_NOTIFICATION_MODEL, schema: OfficerNotificationSchema }]),
  ],
  controllers: [OfficerNotificationCommands, PreservationEventsConsumer],
  providers: [
    NotifyOfficerOfMoveUseCase,
    RemindOfficerOfPreservationUseCase,
    ReadOfficerNotificationsUseCase,
    MarkNotificationReadUseCase,
  ],
  exports: [NotifyOfficerOfMoveUseCase],
})
export class OfficerNotificationsModule {}
