/** One case as the figures see it: where from, under what, how it ended, how long a decision took. */
export interface TransparencyCase {
  country: string;
  processType: string;
  outcome: string;
  emergency: boolean;
  receivedAt: Date;
  decidedAt: Date | null;
}

export interface TransparencyReport {
  from: string;
  to: string;
  total: number;
  byCountry: Record<string, number>;
  byProcessType: Record<string, number>;
  byOutcome: Record<string, number>;
  emergency: { emergency: number; nonEmergency: number };
  decided: number;
  /** Median of (decision − receipt) in days, to two decimals; null when nothing was decided. */
  medianDaysToDecision: number | null;
}

const DAY_MS = 86_400_000;

/** The figures for cases received in [from, to), computed from the cases alone (no I/O). */
export function transparencyReport(cases: TransparencyCase[], from: Date, to: Date): TransparencyReport {
  const inPeriod = cases.filter((item) => item.receivedAt >= from && item.receivedAt < to);
  const days = inPeriod
    .filter((item) => item.decidedAt !== null)
    .map((item) => ((item.decidedAt as Date).getTime() - item.receivedAt.getTime()) / DAY_MS);
  const emergencies = inPeriod.filter((item) => item.emergency).length;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total: inPeriod.length,
    byCountry: countBy(inPeriod, (item) => item.country),
    byProcessType: countBy(inPeriod, (item) => item.processType),
    byOutcome: countBy(inPeriod, (item) => item.outcome),
    emergency: { emergency: emergencies, nonEmergency: inPeriod.length - emergencies },
    decided: days.length,
    medianDaysToDecision: median(days),
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 100) / 100;
}

function countBy<T>(items: T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** One row per figure: `dimension,key,value` (RFC 4180; keys quoted when they need it). */
export function transparencyCsv(report: TransparencyReport): string {
  const rows: [string, string, number | string][] = [
    ['period', 'from', report.from],
    ['period', 'to', report.to],
    ['total', 'all', report.total],
    ...Object.entries(report.byCountry).map(([key, value]): [string, string, number] => [
      'country',
      key,
      value,
    ]),
    ...Object.entries(report.byProcessType).map(([key, value]): [string, string, number] => [
      'process_type',
      key,
      value,
    ]),
    ...Object.entries(report.byOutcome).map(([key, value]): [string, string, number] => [
      'outcome',
      key,
      value,
    ]),
    ['emergency', 'emergency', report.emergency.emergency],
    ['emergency', 'non_emergency', report.emergency.nonEmergency],
    ['decision', 'decided', report.decided],
    ['decision', 'median_days', report.medianDaysToDecision ?? ''],
  ];
  return ['dimension,key,value', ...rows.map((row) => row.map(csvField).join(','))].join('\r\n') + '\r\n';
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
