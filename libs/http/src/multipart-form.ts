import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Problem } from '@lers/contracts';

export interface MultipartLimits {
  maxFileBytes: number;
  maxFiles: number;
}

/**
 * Walks a multipart body part by part, so files are streamed as they arrive: `onFile` must
 * consume (or drain) each file before the next part is read. Fields are collected as text.
 */
export async function readMultipart(
  request: FastifyRequest,
  limits: MultipartLimits,
  onFile: (file: MultipartFile) => Promise<void>,
  /** Sees each field as it arrives, before any later part: refuse early, before files are stored. */
  onField?: (name: string, value: string) => void,
): Promise<Record<string, string>> {
  if (!request.isMultipart())
    throw new Problem(415, 'multipart_required', 'Send this request as multipart/form-data.');
  // Without a boundary the parser cannot find a single part (busboy throws): the body is malformed.
  if (!/;\s*boundary=\S/i.test(request.headers['content-type'] ?? '')) {
    throw Problem.validation([{ field: 'content-type', message: 'multipart/form-data needs a boundary' }]);
  }
  const fields: Record<string, string> = {};
  const parts = request.parts({
    // One byte over the limit lets our own check see the excess and answer 413 with a clear code.
    limits: { fileSize: limits.maxFileBytes + 1, files: limits.maxFiles, fields: 10, fieldSize: 256 * 1024 },
  });
  for await (const part of parts) {
    if (part.type === 'file') await onFile(part);
    else {
      fields[part.fieldname] = String((part as MultipartValue).value);
      onField?.(part.fieldname, fields[part.fieldname]);
    }
  }
  return fields;
}

export function parseJsonField(fields: Record<string, string>, name: string): unknown {
  const raw = fields[name];
  if (raw === undefined) {
    throw Problem.validation([{ field: name, message: `${name} is required (a JSON part)` }]);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw Problem.validation([{ field: name, message: `${name} must be valid JSON` }]);
  }
}
