export * from './problem.filter';
export * from './start-service';
export * from './validation.pipe';
