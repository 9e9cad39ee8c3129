import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { BearerGuard, CurrentPrincipal, StaffGuard, StaffRoles, type Principal } from '@lers/auth';
import { staffScopeOf } from '@lers/persistence';
import {
  RequestSubject,
  SUBJECT_CHAINS,
  SUBJECT_TYPES,
  SUBJECT_VALUE_MAX_LENGTH,
  type SubjectType,
} from '@lers/subjects';
import { LoadDirectoryUsersUseCase } from './use-cases/load-directory-users';
import { LookUpDirectoryUserUseCase } from './use-cases/look-up-directory-user';

export class DirectoryUserInput {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  userId: string;

  @IsEmail()
  email: string;

  /** Validated like a request's subjects (checksums, chains), so the two compare in one canonical form. */
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RequestSubject)
  identifiers: RequestSubject[];
}

export class DirectoryLoad {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => DirectoryUserInput)
  users: DirectoryUserInput[];
}

export class DirectoryQuery {
  @IsIn(SUBJECT_TYPES)
  type: SubjectType;

  @IsString()
  @IsNotEmpty()
  @MaxLength(SUBJECT_VALUE_MAX_LENGTH)
  value: string;

  /** Optional: without it an address matches on every chain whose format it fits. */
  @IsOptional()
  @IsIn(SUBJECT_CHAINS)
  chain?: string;
}

/** The embedded user directory (the adapter behind the UserDirectory port). Legal staff only. */
@Controller('internal/user-directory')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('legal')
export class UserDirectoryController {
  constructor(
    private readonly load: LoadDirectoryUsersUseCase,
    private readonly lookUp: LookUpDirectoryUserUseCase,
  ) {}

  @Post()
  @HttpCode(200)
  upsert(@Body() body: DirectoryLoad, @CurrentPrincipal() staff: Principal) {
    staffScopeOf({ kind: staff.kind, id: staff.accountId, roles: staff.roles }, ['legal']);
    return this.load.execute(body.users);
  }

  @Get()
  find(@Query() query: DirectoryQuery, @CurrentPrincipal() staff: Principal) {
    staffScopeOf({ kind: staff.kind, id: staff.accountId, roles: staff.roles }, ['legal']);
    return this.lookUp.execute(query);
  }
}
