import { encodeCursor } from '@lers/persistence';

/** A page of `limit` rows from `limit + 1` read, with the cursor of its last row when more follow. */
export function keysetPage<Row extends { _id: string }, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => Date,
  view: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ at: keyOf(last).getTime(), id: last._id }) : null;
  return { items: kept.map(view), nextCursor };
}
