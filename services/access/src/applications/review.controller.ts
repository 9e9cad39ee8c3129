import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { BearerGuard, CurrentPrincipal, StaffGuard, StaffRoles, type Principal } from '@lers/auth';
import { BUCKETS } from '@lers/contracts';
import { DocumentStore } from '@lers/storage';
import { ACCESS_APPLICATION_STATUSES, type AccessApplicationStatus } from './domain/access-application';
import { ApproveApplicationUseCase } from './use-cases/approve-application';
import { ReviewApplicationsUseCase } from './use-cases/review-applications';

export class ReviewQueueQuery {
  @IsOptional()
  @IsIn(ACCESS_APPLICATION_STATUSES)
  status: AccessApplicationStatus = 'pending_review';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @IsOptional()
  @Matches(/^\d{1,9}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

export class RejectionBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** Reviewers decide access applications within 3 business days of e-mail verification. */
@Controller('internal/access-applications')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('reviewer', 'admin')
export class ReviewController {
  constructor(
    private readonly review: ReviewApplicationsUseCase,
    private readonly approval: ApproveApplicationUseCase,
    private readonly documents: DocumentStore,
  ) {}

  @Get()
  list(@Query() query: ReviewQueueQuery) {
    return this.review.queue(query.status, query.limit, Number(query.cursor ?? 0));
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.review.get(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id') id: string, @CurrentPrincipal() reviewer: Principal) {
    return this.approval.execute(id, reviewer.accountId);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param('id') id: string, @Body() body: RejectionBody, @CurrentPrincipal() reviewer: Principal) {
    return this.review.reject(id, reviewer.accountId, body.reason);
  }

  /** Streams a proof of authority as an attachment, never rendered inline. */
  @Get(':id/documents/:documentId')
  async document(
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Res() reply: FastifyReply,
  ) {
    const document = await this.review.document(id, documentId);
    const stream = await this.documents.read(BUCKETS.accessDocuments, document.objectKey);
    const extension =
      { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }[document.contentType] ?? 'bin';
    return reply
      .header('content-type', document.contentType)
      .header('content-disposition', `attachment; filename="proof-${document.id}.${extension}"`)
      .header('x-content-type-options', 'nosniff')
      .header('x-content-sha256', document.sha256)
      .send(stream);
  }
}
