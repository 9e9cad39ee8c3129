import { validateAs } from '@lers/contracts';
import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { SUBJECT_CHAINS } from './chains';
import { RequestSubject, SubjectsProperty } from './subject.dto';

/** A request body as a service would declare it. */
class RequestWithSubjects {
  @IsString()
  caseNumber: string;

  @SubjectsProperty()
  subjects: RequestSubject[];
}

const EVM = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const validate = (subjects: unknown) => validateAs(RequestWithSubjects, { caseNumber: 'C-1', subjects });

describe('RequestSubject with SubjectsProperty (class-validator, as the services validate)', () => {
  it('accepts valid subjects and builds RequestSubject instances with the values as sent', () => {
    const result = validate([
      { type: 'uid', value: 'u1' },
      { type: 'wallet_address', value: EVM, chain: 'eth' },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.subjects.map((subject) => subject instanceof RequestSubject)).toEqual([true, true]);
    expect(result.value.subjects[1]).toEqual({ type: 'wallet_address', value: EVM, chain: 'eth' });
  });

  it('names each error by its path, with the rule’s message', () => {
    expect(
      validate([
        { type: 'uid', value: 'u1' },
        { type: 'email', value: 'jane@example.com' },
        { type: 'wallet_address', value: EVM.replace('a', 'A'), chain: 'eth' },
        { type: 'phone', value: '+1 415 555 2671' },
      ]),
    ).toEqual({
      ok: false,
      errors: [
        {
          field: 'subjects.2.value',
          message: 'value is not a valid EVM address (mixed-case EIP-55 checksum does not match)',
        },
        {
          field: 'subjects.3.value',
          message: 'value is not an E.164 phone number (expected + and up to 15 digits, no spaces)',
        },
      ],
    });
  });

  it('refuses an operator object as the value', () => {
    expect(validate([{ type: 'email', value: { $gt: '' } }])).toEqual({
      ok: false,
      errors: [{ field: 'subjects.0.value', message: 'value must be a string' }],
    });
  });

  it('reports type, value and chain errors each on its own field', () => {
    expect(validate([{ type: 'account', value: '', chain: 'eth' }])).toEqual({
      ok: false,
      errors: [
        {
          field: 'subjects.0.type',
          message: 'type must be one of: uid, email, phone, wallet_address, tx_hash',
        },
        { field: 'subjects.0.value', message: 'value must not be empty' },
      ],
    });
    expect(validate([{ type: 'tx_hash', value: 'abc' }])).toEqual({
      ok: false,
      errors: [{ field: 'subjects.0.chain', message: 'chain is required for a subject of type tx_hash' }],
    });
    expect(validate([{ type: 'tx_hash', value: 'abc', chain: 'doge' }])).toEqual({
      ok: false,
      errors: [{ field: 'subjects.0.chain', message: `chain must be one of: ${SUBJECT_CHAINS.join(', ')}` }],
    });
    expect(validate([{ type: 'email', value: 'jane@example.com', chain: 'eth' }])).toEqual({
      ok: false,
      errors: [{ field: 'subjects.0.chain', message: 'chain must not be given for a subject of type email' }],
    });
  });

  it('refuses a field a subject does not have', () => {
    expect(validate([{ type: 'uid', value: 'u1', $where: '1' }])).toEqual({
      ok: false,
      errors: [{ field: 'subjects.0.$where', message: 'property $where should not exist' }],
    });
  });

  it('requires a non-empty array', () => {
    expect(validate([])).toEqual({
      ok: false,
      errors: [{ field: 'subjects', message: 'subjects must contain at least 1 elements' }],
    });
    const notArray = [
      { field: 'subjects', message: 'subjects must be an array' },
      { field: 'subjects', message: 'subjects must contain at least 1 elements' },
    ];
    expect(validate({ type: 'uid', value: 'u1' })).toEqual({ ok: false, errors: notArray });
    expect(validateAs(RequestWithSubjects, { caseNumber: 'C-1' })).toEqual({
      ok: false,
      errors: [...notArray, { field: 'subjects', message: 'each subject must be an object' }],
    });
  });

  it.each([
    ['a string', 'u1'],
    ['null', null],
    ['a number', 7],
  ])('refuses %s as a subject', (_why, subject) => {
    expect(validate([{ type: 'uid', value: 'u1' }, subject])).toEqual({
      ok: false,
      errors: [
        { field: 'subjects', message: 'each subject must be an object' },
        {
          field: 'subjects.1',
          message: 'each value in nested property subjects must be either object or array',
        },
      ],
    });
  });

  it('refuses a subject nested in an array, which ValidateNested alone would accept', () => {
    expect(validate([[{ type: 'uid', value: 'u1' }]])).toEqual({
      ok: false,
      errors: [{ field: 'subjects', message: 'each subject must be an object' }],
    });
  });

  it('names its constraint satisfiesSubjectRules in class-validator’s error tree', () => {
    const body = plainToInstance(RequestWithSubjects, {
      caseNumber: 'C-1',
      subjects: [{ type: 'uid', value: '' }],
    });
    const [subjects] = validateSync(body);
    const [first] = subjects.children ?? [];
    expect(first.property).toBe('0');
    expect(first.children?.map((error) => [error.property, error.constraints])).toEqual([
      ['value', { satisfiesSubjectRules: 'value must not be empty' }],
    ]);
  });
});
