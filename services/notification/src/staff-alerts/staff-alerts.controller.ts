import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { BearerGuard, CurrentPrincipal, StaffGuard, StaffRoles, type Principal } from '@lers/auth';
import { PageQuery } from '@lers/contracts';
import { staffScopeOf } from '@lers/persistence';
import { STAFF_ALERT_KINDS, type StaffAlertKind } from './domain/staff-alert';
import { ReadStaffAlertsUseCase } from './use-cases/read-staff-alerts';

const ROLES = ['legal', 'reviewer', 'admin'] as const;

export class StaffAlertQuery extends PageQuery {
  @IsOptional()
  @IsIn(STAFF_ALERT_KINDS)
  kind?: StaffAlertKind;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  requestId?: string;
}

/** What needs staff attention: notices waiting for a decision, open-ended orders, due dates. */
@Controller('internal/alerts')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles(...ROLES)
export class StaffAlertsController {
  constructor(private readonly read: ReadStaffAlertsUseCase) {}

  @Get()
  list(@Query() query: StaffAlertQuery, @CurrentPrincipal() staff: Principal) {
    return this.read.page(
      staffScopeOf({ kind: staff.kind, id: staff.accountId, roles: staff.roles }, ROLES),
      query,
    );
  }
}
