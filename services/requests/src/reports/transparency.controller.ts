import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { BearerGuard, StaffGuard, StaffRoles } from '@lers/auth';
import { AuditTrail, periodOf, transparencyCsv, transparencyReport, TransparencyQuery } from '@lers/audit';
import { InformationRequests } from '../requests/storage/information-requests.repository';
import { requestOutcome } from './request-outcome';

/** Figures the exchange can publish: requests received in a period, by country, process, outcome. */
@Controller('internal/reports')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('admin', 'auditor', 'legal')
export class TransparencyController {
  constructor(
    private readonly requests: InformationRequests,
    private readonly audit: AuditTrail,
  ) {}

  @Get('transparency')
  async transparency(@Query() query: TransparencyQuery, @Res() reply: FastifyReply) {
    const { from, to } = periodOf(query);
    const rows = await this.requests.receivedBetween(from, to);
    const report = transparencyReport(
      rows.map((row) => ({
        country: row.jurisdiction.country,
        processType: row.processType,
        outcome: requestOutcome(row.status, row.history),
        emergency: row.emergency !== null,
        receivedAt: row.submittedAt as Date,
        decidedAt: row.decidedAt,
      })),
      from,
      to,
    );
    await this.audit.record(
      'report.transparency.read',
      { type: 'report', id: 'transparency' },
      { details: { from: report.from, to: report.to } },
    );
    if (query.format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="transparency-requests.csv"')
        .send(transparencyCsv(report));
    }
    return reply.send(report);
  }
}
