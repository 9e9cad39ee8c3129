export * from './business-days';
export * from './holiday-calendar';
