import { Injectable, Module } from '@nestjs/common';
import type { SessionLiveness } from '@lers/auth';
import { checkSession } from '@lers/contracts';
import { CommandBus } from './command-bus';

/**
 * For a data service's staff routes: sessions live in the access service, and each staff call asks
 * it (request–reply), so a logout or suspension holds at once. Needs `commandClient: true`.
 */
@Injectable()
export class AccessSessionLiveness implements SessionLiveness {
  constructor(private readonly commands: CommandBus) {}

  async isLive(sessionId: string): Promise<boolean> {
    const status = await this.commands.send(checkSession, { sessionId }, { kind: 'system', roles: [] });
    return status.live;
  }
}

@Module({ providers: [AccessSessionLiveness], exports: [AccessSessionLiveness] })
export class AccessSessionLivenessModule {}
