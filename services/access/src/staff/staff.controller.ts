import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { BearerGuard, CurrentPrincipal, StaffGuard, StaffRoles, type Principal } from '@lers/auth';
import { IdempotencyKey } from '@lers/http';
import { operationIdOf } from '@lers/messaging';
import { CreateStaffUseCase, NewStaffMember } from './use-cases/create-staff';

@Controller('internal/staff')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('admin')
export class StaffController {
  constructor(private readonly createStaff: CreateStaffUseCase) {}

  @Post()
  @HttpCode(201)
  create(
    @Body() body: NewStaffMember,
    @CurrentPrincipal() admin: Principal,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    // With a key, the account's id follows from it: a retry after a crash meets the first write.
    const id = operationIdOf({ actor: { kind: 'staff', id: admin.accountId, roles: [] }, idempotencyKey });
    return this.createStaff.execute(body, id);
  }
}
