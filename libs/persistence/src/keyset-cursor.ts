import { Problem } from '@lers/contracts';

/**
 * Opaque list cursors: the sort key and id of the last item of a page, so the next page starts
 * strictly after it even when records are added meanwhile (no skipped or repeated rows, no offsets).
 */
export interface KeysetPosition {
  at: number;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): KeysetPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'number' && Number.isFinite(at) && typeof id === 'string' && id.length <= 100) {
      return { at, id };
    }
  } catch {
    // fall through to the same answer as a well-formed but foreign cursor
  }
  throw Problem.validation([
    { field: 'cursor', message: 'cursor must be the nextCursor of a previous page' },
  ]);
}

/** The filter for "after this position" in a (field, _id) order, ascending or descending. */
export function afterPosition(field: string, position: KeysetPosition | undefined, direction: 1 | -1) {
  if (!position) return {};
  const beyond = direction === 1 ? '$gt' : '$lt';
  const at = new Date(position.at);
  return { $or: [{ [field]: { [beyond]: at } }, { [field]: at, _id: { [beyond]: position.id } }] };
}
