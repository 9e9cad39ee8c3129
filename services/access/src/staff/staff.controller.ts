import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { BearerGuard, StaffGuard, StaffRoles } from '@lers/auth';
import { CreateStaffUseCase, NewStaffMember } from './use-cases/create-staff';

@Controller('internal/staff')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('admin')
export class StaffController {
  constructor(private readonly createStaff: CreateStaffUseCase) {}

  @Post()
  @HttpCode(201)
  create(@Body() body: NewStaffMember) {
    return this.createStaff.execute(body);
  }
}
