import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One registry per application (tests run several services in one process). */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly kafkaHandlerDuration = new Histogram({
    name: 'kafka_handler_duration_seconds',
    help: 'Kafka message handling duration by topic, message type and outcome',
    labelNames: ['topic', 'type', 'outcome'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  /** Password hashes verified at sign-in (argon2 work an attacker can make us do), by outcome. */
  readonly passwordChecks = new Counter({
    name: 'lers_password_checks_total',
    help: 'Passwords evaluated at sign-in (including the equal work spent on unknown e-mails)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }
}
