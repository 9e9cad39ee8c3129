import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsISO31661Alpha2, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BearerGuard, CurrentPrincipal, StaffGuard, StaffRoles, type Principal } from '@lers/auth';
import { GovernmentDomains } from './government-domains';

export class NewGovernmentDomain {
  @IsString()
  @MaxLength(253)
  domain: string;

  @IsISO31661Alpha2()
  country: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  agencyName?: string;
}

export class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;

  @IsOptional()
  @Matches(/^\d{1,9}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

@Controller('internal/government-domains')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('admin')
export class GovernmentDomainsController {
  constructor(private readonly domains: GovernmentDomains) {}

  @Get()
  list(@Query() query: PageQuery) {
    return this.domains.list(query.limit, Number(query.cursor ?? 0));
  }

  @Post()
  @HttpCode(201)
  add(@Body() body: NewGovernmentDomain, @CurrentPrincipal() admin: Principal) {
    return this.domains.add(body, admin.accountId);
  }
}
