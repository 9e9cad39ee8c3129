import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { BearerGuard, StaffGuard, StaffRoles } from '@lers/auth';
import { AuditTrail, periodOf, transparencyCsv, transparencyReport, TransparencyQuery } from '@lers/audit';
import { PreservationOrders } from '../orders/storage/preservation-orders.repository';

/**
 * Preservation figures: orders received in a period by country, instrument and outcome (active,
 * expired, released). An order needs no decision to take effect, so "days to decision" is the
 * time until it ended; there are no emergency orders (all count as non-emergency).
 */
@Controller('internal/reports')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('admin', 'auditor', 'legal')
export class TransparencyController {
  constructor(
    private readonly orders: PreservationOrders,
    private readonly audit: AuditTrail,
  ) {}

  @Get('transparency')
  async transparency(@Query() query: TransparencyQuery, @Res() reply: FastifyReply) {
    const { from, to } = periodOf(query);
    const rows = await this.orders.receivedBetween(from, to);
    const report = transparencyReport(
      rows.map((row) => ({
        country: row.jurisdiction.country,
        processType: row.instrument,
        outcome: row.status,
        emergency: false,
        receivedAt: row.receivedAt,
        decidedAt: row.endedAt,
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
        .header('content-disposition', 'attachment; filename="transparency-preservation.csv"')
        .send(transparencyCsv(report));
    }
    return reply.send(report);
  }
}
