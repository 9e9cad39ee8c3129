import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { READINESS_CHECKS, type ReadinessCheck, withTimeout } from './readiness-check';

const CHECK_TIMEOUT_MS = 2000;

export interface ReadinessReport {
  ready: boolean;
  body: HealthCheckResult;
}

/** Asks every dependency this service uses; the report says which is down and why. */
@Injectable()
export class Readiness {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  async report(): Promise<ReadinessReport> {
    try {
      return { ready: true, body: await this.check() };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      return { ready: false, body: error.getResponse() as HealthCheckResult };
    }
  }

  private check() {
    return this.health.check(
      this.checks.map((dependency) => async () => {
        const session = this.indicators.check(dependency.name);
        try {
          await withTimeout(dependency.check(), CHECK_TIMEOUT_MS, dependency.name);
          return session.up();
        } catch (error) {
          return session.down({ message: (error as Error).message });
        }
      }),
    );
  }
}

/**
 * The report without the drivers' messages, which name hosts and ports: what a public listener
 * may show (each dependency and whether it is up).
 */
export function withoutDetails(report: HealthCheckResult): HealthCheckResult {
  const strip = (section: HealthCheckResult['info']) =>
    section &&
    (Object.fromEntries(
      Object.entries(section).map(([name, entry]) => [name, { status: entry?.status ?? 'down' }]),
    ) as HealthIndicatorResult);
  return {
    status: report.status,
    info: strip(report.info),
    error: strip(report.error),
    details: strip(report.details) ?? {},
  };
}
