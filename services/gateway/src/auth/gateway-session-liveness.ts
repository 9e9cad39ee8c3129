import { Injectable } from '@nestjs/common';
import type { SessionLiveness } from '@lers/auth';
import { checkSession } from '@lers/contracts';
import { CommandBus } from '@lers/messaging';

/**
 * Sessions live in the access service: every authenticated call asks it (one Kafka round trip),
 * so a logout or a suspension takes effect on the very next request.
 */
@Injectable()
export class GatewaySessionLiveness implements SessionLiveness {
  constructor(private readonly commands: CommandBus) {}

  async isLive(sessionId: string): Promise<boolean> {
    const status = await this.commands.send(checkSession, { sessionId }, { kind: 'system', roles: [] });
    return status.live;
  }
}
