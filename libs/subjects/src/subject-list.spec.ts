import { validateSubjects } from './subject-list';

const EVM = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

describe('validateSubjects', () => {
  it('gives the canonical form of every subject, in order', () => {
    expect(
      validateSubjects([
        { type: 'email', value: 'Jane@Example.com' },
        { type: 'wallet_address', value: EVM, chain: 'arbitrum' },
      ]),
    ).toEqual({
      ok: true,
      canonical: [
        { type: 'email', value: 'Jane@example.com' },
        { type: 'wallet_address', value: EVM.toLowerCase(), chain: 'arbitrum' },
      ],
    });
  });

  it('names each error by its index and field, and reports all of them', () => {
    expect(
      validateSubjects([
        { type: 'uid', value: 'u1' },
        { type: 'email', value: 'jane@example.com' },
        { type: 'wallet_address', value: EVM.replace('a', 'A') },
        { type: 'phone', value: { $gt: '' } },
        { type: 'wallet_address', value: EVM.replace('a', 'A'), chain: 'eth' },
      ]),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'subjects[2].chain', message: 'is required for a subject of type wallet_address' },
        { field: 'subjects[3].value', message: 'must be a string' },
        {
          field: 'subjects[4].value',
          message: 'is not a valid EVM address (mixed-case EIP-55 checksum does not match)',
        },
      ],
    });
  });

  it('uses the field name it is given', () => {
    expect(validateSubjects([{ type: 'uid', value: '' }], 'order.subjects')).toEqual({
      ok: false,
      errors: [{ field: 'order.subjects[0].value', message: 'must not be empty' }],
    });
  });

  it('requires at least one subject', () => {
    expect(validateSubjects([])).toEqual({
      ok: false,
      errors: [{ field: 'subjects', message: 'must name at least one subject' }],
    });
  });

  it.each([[undefined], [null], [{ 0: { type: 'uid', value: 'u1' } }], ['u1'], [{ $exists: true }]])(
    'refuses %j as the list',
    (subjects) => {
      expect(validateSubjects(subjects)).toEqual({
        ok: false,
        errors: [{ field: 'subjects', message: 'must be an array' }],
      });
    },
  );

  it.each([[null], ['u1'], [42], [[{ type: 'uid', value: 'u1' }]]])('refuses %j as a subject', (subject) => {
    expect(validateSubjects([{ type: 'uid', value: 'u1' }, subject])).toEqual({
      ok: false,
      errors: [{ field: 'subjects[1]', message: 'must be an object' }],
    });
  });

  it('refuses fields a subject does not have, even when the rest is valid', () => {
    expect(validateSubjects([{ type: 'uid', value: 'u1', $where: 'sleep(1000)', note: 'x' }])).toEqual({
      ok: false,
      errors: [
        { field: 'subjects[0].$where', message: 'is not an allowed field' },
        { field: 'subjects[0].note', message: 'is not an allowed field' },
      ],
    });
  });
});
