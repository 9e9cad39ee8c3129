export * from './domain-rule-violation';
export * from './rule-problem';
export * from './state-machine';
export * from './violation-of';
export * from './rejection-reason';
