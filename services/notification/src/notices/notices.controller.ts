import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { BearerGuard, CurrentPrincipal, StaffGuard, StaffRoles, type Principal } from '@lers/auth';
import { PageQuery } from '@lers/contracts';
import { staffScopeOf, type StaffScope } from '@lers/persistence';
import { MAX_DECISION_REASON_LENGTH } from './domain/decision-reason';
import { NOTICE_STATUSES, type NoticeStatus } from './domain/notice';
import { DecideNoticeUseCase } from './use-cases/decide-notice';
import { ReadNoticesUseCase } from './use-cases/read-notices';

export class NoticeQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  requestId?: string;

  @IsOptional()
  @IsIn(NOTICE_STATUSES)
  status?: NoticeStatus;
}

export class DecisionBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_DECISION_REASON_LENGTH * 2)
  reason: string;
}

const legal = (principal: Principal): StaffScope =>
  staffScopeOf({ kind: principal.kind, id: principal.accountId, roles: principal.roles }, ['legal']);

/** The legal team's view of user notices and its decisions on them. */
@Controller('internal/notices')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('legal')
export class NoticesController {
  constructor(
    private readonly read: ReadNoticesUseCase,
    private readonly decide: DecideNoticeUseCase,
  ) {}

  @Get()
  list(@Query() query: NoticeQuery, @CurrentPrincipal() staff: Principal) {
    return this.read.page(legal(staff), query);
  }

  @Get(':id')
  get(@Param('id') id: string, @CurrentPrincipal() staff: Principal) {
    return this.read.one(legal(staff), id);
  }

  @Post(':id/waive')
  @HttpCode(200)
  waive(@Param('id') id: string, @Body() body: DecisionBody, @CurrentPrincipal() staff: Principal) {
    return this.decide.waive(legal(staff), id, body.reason);
  }

  @Post(':id/lift-order')
  @HttpCode(200)
  liftOrder(@Param('id') id: string, @Body() body: DecisionBody, @CurrentPrincipal() staff: Principal) {
    return this.decide.liftOrder(legal(staff), id, body.reason);
  }
}
