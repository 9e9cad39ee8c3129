export * from './correlation/correlation';
export * from './health/readiness-check';
export * from './logging/mask-secrets';
export * from './metrics/metrics';
export * from './observability.module';
export * from './fastify-instrumentation';
export * from './health/readiness';
export * from './ops/ops-listener';
