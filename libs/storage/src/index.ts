export * from './document-store';
export * from './document-types';
export * from './minio-options';
export * from './storage.module';
export * from './streaming-upload';
export * from './upload-batch';
