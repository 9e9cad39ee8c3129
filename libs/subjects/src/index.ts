export * from './chains';
export * from './subject-rules';
export * from './subject-list';
export * from './subject.dto';
