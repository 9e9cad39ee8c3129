import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BearerGuard, OfficerGuard } from '@lers/auth';
import {
  createRequest,
  InformationRequestForm,
  listRequests,
  readRequest,
  RequestListQuery,
  submitRequest,
  withdrawRequest,
  type Actor,
} from '@lers/contracts';
import { AcceptsIdempotencyKey, IdempotencyKey } from '@lers/http';
import { CommandBus } from '@lers/messaging';
import { ApiProblems, OFFICER_ROUTE_ERRORS } from '../openapi/problem-responses';
import { schemaRef } from '../openapi/request-schemas';
import { OfficerActor } from './officer-actor';

const requestView = { schema: schemaRef('RequestView') };

@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
@UseGuards(BearerGuard, OfficerGuard)
export class RequestsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Create a draft request for information' })
  @ApiResponse({ status: 201, description: 'The draft', ...requestView })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 409, 422])
  create(@Body() form: InformationRequestForm, @OfficerActor() actor: Actor, @IdempotencyKey() key?: string) {
    return this.commands.send(createRequest, form, actor, key);
  }

  @Get()
  @ApiOperation({ summary: 'The officer’s own requests, newest first, a page at a time' })
  @ApiResponse({ status: 200, description: '`{items, nextCursor}`', schema: schemaRef('RequestPage') })
  @ApiProblems(OFFICER_ROUTE_ERRORS)
  list(@Query() query: RequestListQuery, @OfficerActor() actor: Actor) {
    return this.commands.send(listRequests, query, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of the officer’s requests, with its documents and history' })
  @ApiResponse({ status: 200, description: 'The request', ...requestView })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404])
  read(@Param('id') requestId: string, @OfficerActor() actor: Actor) {
    return this.commands.send(readRequest, { requestId }, actor);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary: 'Submit a draft: it needs an official document unless it is an emergency (documented later)',
  })
  @ApiResponse({ status: 200, description: 'The submitted request', ...requestView })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404, 409, 422], {
    422: 'No official document yet (`official_document_required`) or the emergency is not certified; still a draft',
  })
  submit(@Param('id') requestId: string, @OfficerActor() actor: Actor, @IdempotencyKey() key?: string) {
    return this.commands.send(submitRequest, { requestId }, actor, key);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Withdraw a request; only before a decision' })
  @ApiResponse({ status: 200, description: 'The withdrawn request', ...requestView })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404, 409], {
    409: 'Already decided or closed (`invalid_transition`); nothing changed',
  })
  withdraw(@Param('id') requestId: string, @OfficerActor() actor: Actor, @IdempotencyKey() key?: string) {
    return this.commands.send(withdrawRequest, { requestId }, actor, key);
  }
}
