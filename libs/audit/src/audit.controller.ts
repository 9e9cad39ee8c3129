import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { BearerGuard, StaffGuard, StaffRoles } from '@lers/auth';
import { PageQuery } from '@lers/contracts';
import { AuditLog } from './audit-log';
import { AuditTrail } from './audit-trail';
import { canonicalJson } from './domain/canonical-json';

export class AuditListQuery extends PageQuery {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

const TRAIL = (service: string) => ({ type: 'audit_trail', id: service });
const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);

/** The service's own audit trail, for auditors and admins; every read of it is itself an entry. */
@Controller('internal/audit')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('auditor', 'admin')
export class AuditController {
  constructor(
    private readonly log: AuditLog,
    private readonly trail: AuditTrail,
  ) {}

  /** Newest first; `from` inclusive, `to` exclusive. */
  @Get()
  async list(@Query() query: AuditListQuery) {
    const filters = { ...query, from: iso(query.from), to: iso(query.to) };
    await this.trail.record('audit.read', this.entity(), { details: definedOnly(filters) });
    return this.log.list(filters);
  }

  @Get('verify')
  async verify() {
    const verdict = await this.log.verify();
    await this.trail.record('audit.verify', this.entity(), { details: { valid: verdict.valid } });
    return verdict.valid
      ? { valid: true, entries: verdict.entries, head: verdict.head }
      : { valid: false, brokenAt: verdict.brokenAt, entries: verdict.entries };
  }

  /** JSON lines, oldest first, each entry in canonical JSON: `npm run audit:verify -- <file>`. */
  @Get('export')
  async export(@Res() reply: FastifyReply) {
    await this.trail.record('audit.export', this.entity());
    const log = this.log;
    async function* lines() {
      for await (const entry of log.inOrder()) yield `${canonicalJson(entry)}\n`;
    }
    return reply
      .header('content-type', 'application/x-ndjson')
      .header('content-disposition', 'attachment; filename="audit.jsonl"')
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  }

  private entity() {
    return TRAIL(this.trail.service);
  }
}

function definedOnly(values: Record<string, string | number | undefined>) {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Record<
    string,
    string | number
  >;
}
