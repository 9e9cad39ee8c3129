import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BearerGuard, CurrentPrincipal, OfficerGuard, type Principal } from '@lers/auth';
import { readMe } from '@lers/contracts';
import { CommandBus } from '@lers/messaging';
import { ApiProblems, OFFICER_ROUTE_ERRORS } from '../openapi/problem-responses';

@ApiTags('me')
@ApiBearerAuth()
@Controller('v1/me')
@UseGuards(BearerGuard, OfficerGuard)
export class MeController {
  constructor(private readonly commands: CommandBus) {}

  @Get()
  @ApiResponse({ status: 200, description: 'The officer, their agency and this session' })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404], { 404: 'The officer no longer exists (`not_found`)' })
  me(@CurrentPrincipal() principal: Principal) {
    return this.commands.send(
      readMe,
      { sessionId: principal.sessionId },
      { kind: 'officer', id: principal.accountId, roles: [] },
    );
  }
}
