import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BearerGuard, CurrentPrincipal, OfficerGuard, type Principal } from '@lers/auth';
import { readMe } from '@lers/contracts';
import { CommandBus } from '@lers/messaging';

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me')
@UseGuards(BearerGuard, OfficerGuard)
export class MeController {
  constructor(private readonly commands: CommandBus) {}

  @Get()
  me(@CurrentPrincipal() principal: Principal) {
    return this.commands.send(
      readMe,
      { sessionId: principal.sessionId },
      { kind: 'officer', id: principal.accountId, roles: [] },
    );
  }
}
