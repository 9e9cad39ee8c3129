export * from './persistence.module';
export * from './duplicate-key';
export * from './data-scope';
export * from './keyset-cursor';
