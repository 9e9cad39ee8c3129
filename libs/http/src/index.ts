export * from './problem.filter';
export * from './start-service';
export * from './validation.pipe';
export * from './data-service-infrastructure';
export * from './idempotency-key';
export * from './idempotency.interceptor';
export * from './multipart-form';
export { opsUrlOf } from '@lers/observability';
