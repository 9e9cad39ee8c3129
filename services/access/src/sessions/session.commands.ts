import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { checkSession, COMMAND_TOPICS, Problem, readMe, type OfficerProfile } from '@lers/contracts';
import { CommandHandler } from '@lers/messaging';
import { ACCOUNT_MODEL, type AccountDocument } from '../accounts/account.schema';
import { SessionStore } from './session-store';

/** The gateway asks whether a bearer's session still stands, and who its officer is. */
@Controller()
export class SessionCommands {
  constructor(
    private readonly commands: CommandHandler,
    private readonly sessions: SessionStore,
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
  ) {}

  @MessagePattern(COMMAND_TOPICS.accessCheckSession)
  onCheck(@Payload() raw: unknown) {
    return this.commands.handle(checkSession, raw, async ({ sessionId }) => ({
      live: await this.sessions.isLive(sessionId),
    }));
  }

  @MessagePattern(COMMAND_TOPICS.accessMe)
  onMe(@Payload() raw: unknown) {
    return this.commands.handle(readMe, raw, async ({ sessionId }): Promise<OfficerProfile> => {
      const session = await this.sessions.find(sessionId);
      const account = session ? await this.accounts.findById(session.accountId).lean() : null;
      if (!account?.agency) throw Problem.notFound('officer');
      return {
        officer: {
          id: account._id,
          fullName: account.fullName,
          email: account.email,
          title: account.title ?? '',
          badgeNumber: account.badgeNumber ?? '',
          status: account.status,
        },
        agency: account.agency,
      };
    });
  }
}
