export { parseJsonField, readMultipart, type MultipartLimits } from '@lers/http';
