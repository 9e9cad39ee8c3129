export * from './fixtures';
export * from './infra/test-infra';
export * from './kafka-probe';
export * from './mail-catcher';
export * from './service-harness';
export * from './test-database';
export * from './wait-for';
export * from './object-store';
