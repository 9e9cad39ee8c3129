import { Controller, Get, Param, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BearerGuard, OfficerGuard } from '@lers/auth';
import { listDisclosures, openDisclosureDownload, type Actor } from '@lers/contracts';
import { CommandBus } from '@lers/messaging';
import { DocumentStore } from '@lers/storage';
import { ApiProblems, OFFICER_ROUTE_ERRORS } from '../../openapi/problem-responses';
import { schemaRef } from '../../openapi/request-schemas';
import { OfficerActor } from '../officer-actor';
import { attachmentHeaders } from './attachment-headers';

/**
 * Released packages are signed-and-proxied, not presigned object-store URLs: agencies never
 * reach MinIO, every download is recorded by the requests service before a byte leaves, and the
 * response headers are ours.
 */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1')
@UseGuards(BearerGuard, OfficerGuard)
export class DisclosuresController {
  constructor(
    private readonly commands: CommandBus,
    private readonly documents: DocumentStore,
  ) {}

  @Get('requests/:id/disclosures')
  @ApiOperation({
    summary: 'The released disclosure packages, each with a fresh download link (valid ≤ 15 minutes)',
  })
  @ApiResponse({ status: 200, description: '`{items}`', schema: schemaRef('DisclosureList') })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404])
  list(@Param('id') requestId: string, @OfficerActor() actor: Actor) {
    return this.commands.send(listDisclosures, { requestId }, actor);
  }

  @Get('disclosure-downloads/:token')
  @ApiOperation({
    summary: 'Download a released package through its signed link',
    description:
      'The link is checked (signature, expiry of at most 15 minutes, issued to this officer) and the ' +
      'download recorded before the file is streamed from the gateway — never from the object store — ' +
      'as an attachment with `x-content-type-options: nosniff`, `cache-control: no-store` and ' +
      '`x-content-sha256`.',
  })
  @ApiProduces('application/octet-stream')
  @ApiResponse({
    status: 200,
    description: 'The file',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404], {
    404: 'No such link for this officer, or it expired (`not_found`)',
  })
  async download(
    @Param('token') token: string,
    @OfficerActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const object = await this.commands.send(openDisclosureDownload, { token }, actor);
    const content = await this.documents.read(object.bucket, object.objectKey, object.versionId);
    void reply.headers(attachmentHeaders(object));
    return new StreamableFile(content);
  }
}
