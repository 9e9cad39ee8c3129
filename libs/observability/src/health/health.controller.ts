import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Readiness, withoutDetails } from './readiness';

/** Health on the service's own listener (the gateway's is public): no hosts, ports or error texts. */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: Readiness,
  ) {}

  /** The process runs and its event loop turns; nothing external is asked. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** 503 while a dependency this service uses does not answer; recovers by itself. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const { ready, body } = await this.readiness.report();
    if (!ready) void reply.status(503);
    return withoutDetails(body);
  }
}
