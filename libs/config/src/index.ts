export * from './config-error';
export * from './load-config';
export * from './service-env';
export * from './service-config.module';
