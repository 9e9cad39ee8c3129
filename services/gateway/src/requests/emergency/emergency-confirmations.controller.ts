import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { confirmEmergency, EmergencyConfirmationToken } from '@lers/contracts';
import { AcceptsIdempotencyKey, IdempotencyKey } from '@lers/http';
import { CommandBus } from '@lers/messaging';
import { ApiProblems } from '../../openapi/problem-responses';
import { schemaRef } from '../../openapi/request-schemas';

/**
 * The supervisor named in the officer's access application confirms an emergency with the code
 * e-mailed to them. Anonymous (the supervisor has no account) and rate-limited per address.
 */
@ApiTags('requests')
@Controller('v1/emergency-confirmations')
@UseGuards(ThrottlerGuard)
export class EmergencyConfirmationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Confirm an emergency request with the code from the supervisor’s e-mail' })
  @ApiResponse({
    status: 200,
    description: 'Confirmed: staff may act',
    schema: schemaRef('EmergencyConfirmed'),
  })
  @ApiProblems([400, 409, 422, 429, 503], {
    400: 'Not a confirmation code, or it expired or was already used (`invalid_token`); or invalid input',
    409: 'The request is not waiting for a confirmation (`invalid_transition`)',
  })
  confirm(
    @Body() body: EmergencyConfirmationToken,
    @Req() request: FastifyRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.send(confirmEmergency, body, { kind: 'anonymous', roles: [], ip: request.ip }, key);
  }
}
