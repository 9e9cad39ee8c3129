import { resolve } from 'node:path';
import ts from 'typescript';
import { runWithCorrelation } from '@lers/observability';
import { EVENT_TOPICS } from '@lers/contracts';
import { newEvent } from './outbox-event';

const payload = {
  applicationId: 'a1',
  agency: { name: 'Police', country: 'GB' },
  officer: { fullName: 'A', email: 'a@police.uk' },
  verificationToken: 't'.repeat(43),
  verificationExpiresAt: '2026-01-01T00:00:00.000Z',
};

describe('newEvent', () => {
  it('routes a catalogued type to its topic and version, keyed by the aggregate', () => {
    const event = newEvent(
      'access',
      'access.application.submitted',
      'a1',
      payload,
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(event).toMatchObject({
      type: 'access.application.submitted',
      version: 1,
      topic: EVENT_TOPICS.accessEvents,
      key: 'a1',
      producer: 'access',
      occurredAt: '2026-01-01T00:00:00.000Z',
      payload,
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries the correlation id of the work that caused it', () => {
    const event = runWithCorrelation('corr-1', () =>
      newEvent('access', 'access.application.submitted', 'a1', payload),
    );
    expect(event.correlationId).toBe('corr-1');
  });
});

/**
 * Type-checks snippets that sit beside this file, with the project's compiler options: the
 * errors per snippet, as TypeScript reports them.
 */
function typeErrors(snippets: Record<string, string>): Record<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(__dirname, '../../../../tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json not found');
  const files = new Map(
    Object.entries(snippets).map(([name, code]) => [
      resolve(__dirname, `compile-check.${name}.ts`),
      `import { newEvent } from './outbox-event';\n${code}\n`,
    ]),
  );
  const host = ts.createCompilerHost(config.options);
  const readFile = host.getSourceFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const code = files.get(name);
    return code === undefined ? readFile(name, language, ...rest) : ts.createSourceFile(name, code, language);
  };
  host.fileExists = (name) => files.has(name) || exists(name);
  const program = ts.createProgram([...files.keys()], { ...config.options, noEmit: true }, host);
  return Object.fromEntries(
    [...files.keys()].map((file, index) => [
      Object.keys(snippets)[index],
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(file))
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')),
    ]),
  );
}

describe('newEvent at compile time', () => {
  it('refuses a payload of the wrong shape, and accepts the right one', () => {
    const errors = typeErrors({
      wrong: `newEvent('access', 'access.application.submitted', 'a1', { applicationId: 'a1' });`,
      right: `newEvent('access', 'access.application.submitted', 'a1', ${JSON.stringify(payload)});`,
    });
    expect(errors.right).toEqual([]);
    expect(errors.wrong).toHaveLength(1);
    expect(errors.wrong[0]).toMatch(
      /not assignable to parameter of type 'AccessApplicationSubmittedV1'.*missing .*agency, officer/,
    );
  }, 30_000);
});
