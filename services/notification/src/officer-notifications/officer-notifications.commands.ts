import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { COMMAND_TOPICS, listOfficerNotifications, markOfficerNotificationRead } from '@lers/contracts';
import { CommandHandler } from '@lers/messaging';
import { officerScopeOf } from '@lers/persistence';
import { MarkNotificationReadUseCase } from './use-cases/mark-notification-read';
import { ReadOfficerNotificationsUseCase } from './use-cases/read-officer-notifications';

/** The officer's notifications, asked through the gateway; the scope comes from the command's actor. */
@Controller()
export class OfficerNotificationCommands {
  constructor(
    private readonly commands: CommandHandler,
    private readonly read: ReadOfficerNotificationsUseCase,
    private readonly markRead: MarkNotificationReadUseCase,
  ) {}

  @MessagePattern(COMMAND_TOPICS.notificationList)
  onList(@Payload() raw: unknown) {
    return this.commands.handle(listOfficerNotifications, raw, (query, command) =>
      this.read.page(officerScopeOf(command.actor), query),
    );
  }

  @MessagePattern(COMMAND_TOPICS.notificationMarkRead)
  onMarkRead(@Payload() raw: unknown) {
    return this.commands.handle(markOfficerNotificationRead, raw, ({ notificationId }, command) =>
      this.markRead.execute(officerScopeOf(command.actor), notificationId),
    );
  }
}
