import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OfficerNotificationCommands } from './officer-notifications.commands';
import { OFFICER_NOTIFICATION_MODEL, OfficerNotificationSchema } from './officer-notification.schema';
import { MarkNotificationReadUseCase } from './use-cases/mark-notification-read';
import { NotifyOfficerOfMoveUseCase } from './use-cases/notify-officer-of-move';
import { ReadOfficerNotificationsUseCase } from './use-cases/read-officer-notifications';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: OFFICER_NOTIFICATION_MODEL, schema: OfficerNotificationSchema }]),
  ],
  controllers: [OfficerNotificationCommands],
  providers: [NotifyOfficerOfMoveUseCase, ReadOfficerNotificationsUseCase, MarkNotificationReadUseCase],
  exports: [NotifyOfficerOfMoveUseCase],
})
export class OfficerNotificationsModule {}
