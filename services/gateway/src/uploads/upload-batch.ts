export { UploadBatch, UploadingCommands } from '@lers/storage';
