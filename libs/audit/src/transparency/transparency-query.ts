import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { Problem } from '@lers/contracts';

/** `?from=&to=&format=json|csv`: the period is required, `from` before `to`, at most ten years. */
export class TransparencyQuery {
  @IsISO8601({ strict: true })
  from: string;

  @IsISO8601({ strict: true })
  to: string;

  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

const MAX_PERIOD_MS = 10 * 366 * 86_400_000;

export function periodOf(query: TransparencyQuery): { from: Date; to: Date } {
  const from = new Date(query.from);
  const to = new Date(query.to);
  if (!(from < to)) throw Problem.validation([{ field: 'to', message: 'to must be after from' }]);
  if (to.getTime() - from.getTime() > MAX_PERIOD_MS)
    throw Problem.validation([{ field: 'to', message: 'the period may span ten years at most' }]);
  return { from, to };
}
