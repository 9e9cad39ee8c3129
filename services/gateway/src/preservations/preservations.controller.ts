import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BearerGuard, OfficerGuard } from '@lers/auth';
import {
  createPreservation,
  extendPreservation,
  ExtensionRequest,
  listPreservations,
  PreservationListQuery,
  PreservationOrderForm,
  readPreservation,
  type Actor,
} from '@lers/contracts';
import { AcceptsIdempotencyKey, IdempotencyKey } from '@lers/http';
import { CommandBus } from '@lers/messaging';
import { ApiProblems, OFFICER_ROUTE_ERRORS } from '../openapi/problem-responses';
import { OfficerActor } from '../requests/officer-actor';
import { preservationPageSchema, preservationViewSchema } from './preservation-schemas';

const orderView = { schema: preservationViewSchema };

@ApiTags('preservations')
@ApiBearerAuth()
@Controller('v1/preservations')
@UseGuards(BearerGuard, OfficerGuard)
export class PreservationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary: 'Order records preserved: a hold on each subject from receipt until `preservedUntil`',
  })
  @ApiResponse({ status: 201, description: 'The active order', ...orderView })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 409, 422])
  create(@Body() form: PreservationOrderForm, @OfficerActor() actor: Actor, @IdempotencyKey() key?: string) {
    return this.commands.send(createPreservation, form, actor, key);
  }

  @Get()
  @ApiOperation({ summary: 'The officer’s own preservation orders, newest first, a page at a time' })
  @ApiResponse({ status: 200, description: '`{items, nextCursor}`', schema: preservationPageSchema })
  @ApiProblems(OFFICER_ROUTE_ERRORS)
  list(@Query() query: PreservationListQuery, @OfficerActor() actor: Actor) {
    return this.commands.send(listPreservations, query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of the officer’s preservation orders' })
  @ApiResponse({ status: 200, description: 'The order', ...orderView })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404])
  read(@Param('id') preservationId: string, @OfficerActor() actor: Actor) {
    return this.commands.send(readPreservation, { preservationId }, actor);
  }

  @Post(':id/extensions')
  @HttpCode(201)
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary: 'Extend an active order: `preservedUntil` moves on by the instrument’s extension',
  })
  @ApiResponse({ status: 201, description: 'The extended order', ...orderView })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404, 409, 422], {
    409:
      'The order has expired or was released (`invalid_transition`), it has had all the extensions ' +
      'allowed (`extension_limit_reached`), or the Idempotency-Key is in use; nothing changed',
  })
  extend(
    @Param('id') preservationId: string,
    @Body() body: ExtensionRequest,
    @OfficerActor() actor: Actor,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.send(extendPreservation, { preservationId, ...body }, actor, key);
  }
}
