import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Read from the library's own source: nothing in it may rewrite or remove an entry. */
describe('the audit library is append-only', () => {
  const sources = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .map((name) => ({ name, text: readFileSync(join(__dirname, name), 'utf8') }));
  const writes = /\b(update\w*|replace\w*|delete\w*|remove\w*|findOneAnd\w+|bulkWrite|drop\w*)\s*\(/;

  it('reads the library', () => {
    expect(sources.map((source) => source.name)).toContain('audit-log.ts');
  });

  it('touches the entries collection only to insert and read', () => {
    const offending = sources.flatMap(({ name, text }) =>
      text
        .split('\n')
        .filter((line) => /\bentries\b/.test(line) && writes.test(line))
        .map((line) => `${name}: ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });

  it('would notice one (the pattern matches the calls it forbids)', () => {
    expect(writes.test('this.entries.updateOne({})')).toBe(true);
    expect(writes.test('this.entries.collection.deleteMany({})')).toBe(true);
    expect(writes.test('this.entries.findOneAndUpdate({})')).toBe(true);
  });
});
