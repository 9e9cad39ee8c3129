import { Problem } from '@lers/contracts';
import { officerFilter, officerScopeOf, staffScopeOf } from './data-scope';

/** The Problem an attempt throws; anything else it throws, or not throwing, fails the test. */
function problemOf(attempt: () => unknown): Problem {
  try {
    attempt();
  } catch (error) {
    if (error instanceof Problem) return error;
    throw error;
  }
  throw new Error('expected a Problem');
}

const officer = Object.freeze({ kind: 'officer', id: 'officer-1', agencyId: 'agency-1', roles: [] });
const reviewer = Object.freeze({ kind: 'staff', id: 'staff-7', roles: Object.freeze(['reviewer', 'legal']) });

describe('officer scope', () => {
  it('is the officer and their agency, nothing else', () => {
    const scope = officerScopeOf({ ...officer, roles: ['admin'] });
    expect(scope).toEqual({ officerId: 'officer-1', agencyId: 'agency-1' });
    expect(officerFilter(scope)).toEqual({ officerId: 'officer-1', agencyId: 'agency-1' });
  });

  it.each([
    ['a member of staff', { ...reviewer, agencyId: 'agency-1' }],
    ['an officer without an id', { ...officer, id: undefined }],
    ['an officer with an empty id', { ...officer, id: '' }],
    ['an officer without an agency', { ...officer, agencyId: undefined }],
    ['an officer with an empty agency', { ...officer, agencyId: '' }],
    ['an actor of another kind', { ...officer, kind: 'service' }],
  ])('is refused to %s with 403', (_, actor) => {
    expect(problemOf(() => officerScopeOf(actor)).toDetails()).toEqual({
      status: 403,
      code: 'forbidden',
      title: 'Forbidden',
      detail: 'This is for officers of an approved agency.',
    });
  });
});

describe('staff scope', () => {
  it('is the member of staff and a copy of their roles when one role is admitted', () => {
    const scope = staffScopeOf(reviewer, ['admin', 'legal']);
    expect(scope).toEqual({ staffId: 'staff-7', roles: ['reviewer', 'legal'] });
    expect(scope.roles).not.toBe(reviewer.roles);
    expect(staffScopeOf(reviewer, ['reviewer'])).toEqual({
      staffId: 'staff-7',
      roles: ['reviewer', 'legal'],
    });
  });

  it.each([
    ['an officer', { ...officer, roles: ['reviewer'] }],
    ['staff without an id', { ...reviewer, id: undefined }],
    ['staff with an empty id', { ...reviewer, id: '' }],
  ])('is refused to %s with 403, whatever the roles', (_, actor) => {
    expect(problemOf(() => staffScopeOf(actor, ['reviewer'])).toDetails()).toEqual({
      status: 403,
      code: 'forbidden',
      title: 'Forbidden',
      detail: 'This is for the exchange’s staff.',
    });
  });

  it.each([
    ['none of the admitted roles', reviewer, ['admin', 'auditor'], 'admin, auditor'],
    ['no role at all', { ...reviewer, roles: [] }, ['reviewer'], 'reviewer'],
    ['an operation that admits no role', reviewer, [], ''],
  ])('is refused to staff with %s, naming the roles', (_, actor, admitted, named) => {
    expect(problemOf(() => staffScopeOf(actor, admitted)).toDetails()).toEqual({
      status: 403,
      code: 'forbidden',
      title: 'Forbidden',
      detail: `This needs one of the roles: ${named}.`,
    });
  });
});
