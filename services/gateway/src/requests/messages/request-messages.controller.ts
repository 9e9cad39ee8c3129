import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BearerGuard, OfficerGuard } from '@lers/auth';
import { listRequestMessages, MessageBody, PageQuery, postRequestMessage, type Actor } from '@lers/contracts';
import { AcceptsIdempotencyKey, IdempotencyKey } from '@lers/http';
import { CommandBus } from '@lers/messaging';
import { ApiProblems, OFFICER_ROUTE_ERRORS } from '../../openapi/problem-responses';
import { schemaRef } from '../../openapi/request-schemas';
import { OfficerActor } from '../officer-actor';

/** The thread between the officer and the reviewing staff on one request. */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests/:id/messages')
@UseGuards(BearerGuard, OfficerGuard)
export class RequestMessagesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary: 'Write to the staff; an answer while the request is info_requested returns it to in_review',
  })
  @ApiResponse({ status: 201, description: 'The message', schema: schemaRef('MessageView') })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404, 409, 422])
  post(
    @Param('id') requestId: string,
    @Body() message: MessageBody,
    @OfficerActor() actor: Actor,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.send(postRequestMessage, { requestId, body: message.body }, actor, key);
  }

  @Get()
  @ApiOperation({ summary: 'The thread with the staff, a page at a time' })
  @ApiResponse({ status: 200, description: '`{items, nextCursor}`', schema: schemaRef('MessagePage') })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404])
  list(@Param('id') requestId: string, @Query() page: PageQuery, @OfficerActor() actor: Actor) {
    return this.commands.send(listRequestMessages, { ...page, requestId }, actor);
  }
}
