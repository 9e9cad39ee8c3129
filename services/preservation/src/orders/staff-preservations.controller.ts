import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { BearerGuard, CurrentPrincipal, StaffGuard, StaffRoles, type Principal } from '@lers/auth';
import { PageQuery, PRESERVATION_STATUSES, type PreservationStatus } from '@lers/contracts';
import { staffScopeOf, type StaffScope } from '@lers/persistence';
import { SUBJECT_CHAINS, SUBJECT_TYPES, SUBJECT_VALUE_MAX_LENGTH } from '@lers/subjects';
import { MAX_RELEASE_REASON_LENGTH } from './domain/preservation-order';
import { ReadStaffOrdersUseCase } from './use-cases/read-staff-orders';
import { ReleaseOrderUseCase } from './use-cases/release-order';

export class StaffOrderQuery extends PageQuery {
  @IsOptional()
  @IsIn(PRESERVATION_STATUSES)
  status?: PreservationStatus;
}

export class ReleaseBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_RELEASE_REASON_LENGTH * 2)
  reason: string;
}

/** The subject rules themselves run in the use case, so each error names type, value or chain. */
export class HoldQuery {
  @IsIn(SUBJECT_TYPES)
  type: string;

  @IsString()
  @MaxLength(SUBJECT_VALUE_MAX_LENGTH)
  value: string;

  @IsOptional()
  @IsIn(SUBJECT_CHAINS)
  chain?: string;
}

const legal = (principal: Principal): StaffScope =>
  staffScopeOf({ kind: principal.kind, id: principal.accountId, roles: principal.roles }, ['legal']);

/** The legal team's side of preservation orders. */
@Controller('internal/preservations')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('legal')
export class StaffPreservationsController {
  constructor(
    private readonly read: ReadStaffOrdersUseCase,
    private readonly releasing: ReleaseOrderUseCase,
  ) {}

  /** Newest first; every agency's. */
  @Get()
  list(@Query() query: StaffOrderQuery, @CurrentPrincipal() staff: Principal) {
    return this.read.page(legal(staff), query, query.status);
  }

  @Get(':id')
  get(@Param('id') id: string, @CurrentPrincipal() staff: Principal) {
    return this.read.one(legal(staff), id);
  }

  @Post(':id/release')
  @HttpCode(200)
  release(@Param('id') id: string, @Body() body: ReleaseBody, @CurrentPrincipal() staff: Principal) {
    return this.releasing.execute(legal(staff), id, body.reason);
  }
}

/** What is on hold for one subject: for the exchange's data systems before they purge anything. */
@Controller('internal/holds')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('legal')
export class HoldsController {
  constructor(private readonly read: ReadStaffOrdersUseCase) {}

  @Get()
  holds(@Query() query: HoldQuery, @CurrentPrincipal() staff: Principal) {
    return this.read.holds(legal(staff), query);
  }
}
