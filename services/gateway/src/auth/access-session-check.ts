import { Injectable } from '@nestjs/common';
import { checkSession } from '@lers/contracts';
import { CommandBus } from '@lers/messaging';

/** Asks the access service, which owns sessions, whether one still stands (one Kafka round trip). */
@Injectable()
export class AccessSessionCheck {
  constructor(private readonly commands: CommandBus) {}

  async isLive(sessionId: string): Promise<boolean> {
    const status = await this.commands.send(checkSession, { sessionId }, { kind: 'system', roles: [] });
    return status.live;
  }
}
