import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { BearerGuard, CurrentPrincipal, StaffGuard, StaffRoles, type Principal } from '@lers/auth';
import { RejectionBody } from '../applications/review.controller';
import { SuspendOfficerUseCase } from './use-cases/suspend-officer';

@Controller('internal/officers')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('admin')
export class OfficersController {
  constructor(private readonly suspendOfficer: SuspendOfficerUseCase) {}

  @Post(':id/suspend')
  @HttpCode(200)
  suspend(@Param('id') id: string, @Body() body: RejectionBody, @CurrentPrincipal() admin: Principal) {
    return this.suspendOfficer.execute(id, admin.accountId, body.reason);
  }
}
