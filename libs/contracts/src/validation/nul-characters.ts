import type { FieldError } from './validate-message';

const MAX_DEPTH = 32;

/**
 * Fields whose text holds a NUL character (U+0000). No store LERS writes to keeps one in a string
 * (PostgreSQL under FerretDB refuses it), and no legitimate input needs one: such input is a 400
 * naming the field, before anything is stored or sent on.
 */
export function fieldsWithNulCharacters(value: unknown, path = '', depth = 0): FieldError[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? [{ field: path, message: 'must not contain NUL characters' }] : [];
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return [];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) => [
    ...(key.includes('\u0000')
      ? [{ field: path ? `${path}.${key}` : key, message: 'must not contain NUL characters' }]
      : []),
    ...fieldsWithNulCharacters(item, path ? `${path}.${key}` : key, depth + 1),
  ]);
}
