import { median, transparencyCsv, transparencyReport, type TransparencyCase } from './transparency-report';

const day = (n: number, hours = 0) => new Date(Date.UTC(2026, 0, 1 + n, hours));
const item = (overrides: Partial<TransparencyCase>): TransparencyCase => ({
  country: 'US',
  processType: 'subpoena',
  outcome: 'open',
  emergency: false,
  receivedAt: day(1),
  decidedAt: null,
  ...overrides,
});

describe('transparencyReport', () => {
  const cases = [
    item({ country: 'US', outcome: 'disclosed', receivedAt: day(1), decidedAt: day(3) }),
    item({
      country: 'US',
      processType: 'court_order',
      outcome: 'rejected',
      receivedAt: day(2),
      decidedAt: day(3, 12),
    }),
    item({ country: 'DE', processType: 'eu_epoc', outcome: 'open', emergency: true, receivedAt: day(5) }),
    item({ country: 'FR', outcome: 'withdrawn', receivedAt: day(9, 23) }),
    item({ country: 'FR', outcome: 'approved', receivedAt: day(10), decidedAt: day(20) }),
    item({ country: 'GB', receivedAt: day(0) }),
  ];
  const report = transparencyReport(cases, day(1), day(10));

  it('counts only cases received in [from, to)', () => {
    expect(report.total).toBe(4);
    expect(report.byCountry).toEqual({ DE: 1, FR: 1, US: 2 });
  });

  it('counts by process type, outcome and emergency', () => {
    expect(report.byProcessType).toEqual({ court_order: 1, eu_epoc: 1, subpoena: 2 });
    expect(report.byOutcome).toEqual({ disclosed: 1, open: 1, rejected: 1, withdrawn: 1 });
    expect(report.emergency).toEqual({ emergency: 1, nonEmergency: 3 });
  });

  it('takes the median of the decided cases only, in days', () => {
    expect(report.decided).toBe(2);
    expect(report.medianDaysToDecision).toBe(1.75);
  });

  it('states its period', () => {
    expect(report).toMatchObject({ from: day(1).toISOString(), to: day(10).toISOString() });
  });

  it('has no median when nothing was decided', () => {
    expect(transparencyReport([item({})], day(0), day(5)).medianDaysToDecision).toBeNull();
  });
});

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 2, 10])).toBe(3);
  });

  it('rounds to two decimals', () => {
    expect(median([1 / 3])).toBe(0.33);
  });

  it('is null for nothing', () => {
    expect(median([])).toBeNull();
  });
});

describe('transparencyCsv', () => {
  it('writes one row per figure with a header, CRLF line ends', () => {
    const csv = transparencyCsv(
      transparencyReport([item({ country: 'US', outcome: 'disclosed', decidedAt: day(2) })], day(0), day(5)),
    );
    expect(csv.split('\r\n')).toEqual([
      'dimension,key,value',
      `period,from,${day(0).toISOString()}`,
      `period,to,${day(5).toISOString()}`,
      'total,all,1',
      'country,US,1',
      'process_type,subpoena,1',
      'outcome,disclosed,1',
      'emergency,emergency,0',
      'emergency,non_emergency,1',
      'decision,decided,1',
      'decision,median_days,1',
      '',
    ]);
  });

  it('quotes a key that holds a comma or a quote', () => {
    const csv = transparencyCsv(transparencyReport([item({ processType: 'a,"b"' })], day(0), day(5)));
    expect(csv).toContain('process_type,"a,""b""",1');
  });

  it('leaves the median empty when nothing was decided', () => {
    expect(transparencyCsv(transparencyReport([], day(0), day(5)))).toContain('decision,median_days,\r\n');
  });
});
