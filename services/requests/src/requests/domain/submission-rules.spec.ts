import { violationOf } from '@lers/domain';
import { type Actor, draftRequest, type InformationRequest, submit } from './information-request';
import { DOCUMENT_KINDS, type DocumentKind, PROCESS_TYPES } from '@lers/contracts';
import {
  checkEmergencyForm,
  checkIssuingAuthority,
  checkSubmittable,
  EPOC_ISSUING_STATES,
  type EmergencyDeclaration,
  isEmergency,
  type ProcessType,
  type RequestDocument,
} from './submission-rules';

const officer: Actor = { kind: 'officer', id: 'officer-1' };
const at = new Date('2026-09-01T10:00:00.000Z');
const supporting: RequestDocument = { id: 'memo', kind: 'supporting' };
const order: RequestDocument = { id: 'order', kind: 'court_order' };

const draft = (
  processType: ProcessType,
  documents: RequestDocument[] = [],
  emergency: EmergencyDeclaration | null = null,
): InformationRequest => Object.freeze(draftRequest({ processType, documents, emergency }));

describe('an ordinary request needs its official document', () => {
  const ordinary = PROCESS_TYPES.filter((type) => type !== 'emergency');

  it.each(ordinary)(
    'refuses a %s with no documents, or only supporting ones, and changes nothing',
    (type) => {
      for (const documents of [[], [supporting], [supporting, { ...supporting, id: 'memo-2' }]]) {
        const request = draft(type, documents);
        const violation = violationOf(() => submit(request, officer, at, 'DE'));
        expect(violation.code).toBe('official_document_required');
        expect(violation.field).toBe('documents');
        expect(violation.message).toMatch(
          type === 'eu_production_order' ? /^Attach the EPOC certificate/ : /^Attach the official document/,
        );
        expect(request.status).toBe('draft');
        expect(request.history).toEqual([]);
      }
    },
  );

  const officialKinds = DOCUMENT_KINDS.filter((kind) => kind !== 'supporting');

  it('counts every kind but supporting as official', () => {
    expect(officialKinds).toEqual([
      'court_order',
      'warrant',
      'police_order',
      'subpoena',
      'mlat',
      'epoc_certificate',
    ]);
  });

  it.each(officialKinds)('submits with a %s among supporting documents', (kind) => {
    const submitted = submit(draft('subpoena', [supporting, { id: 'x', kind }]), officer, at, 'DE');
    expect(submitted.status).toBe('submitted');
  });
});

describe('an emergency may come first and the paperwork later', () => {
  it('submits a certified emergency request without any document, due in 24 hours', () => {
    const submitted = submit(draft('emergency', [], { certification: true }), officer, at, 'DE');
    expect(submitted.status).toBe('submitted');
    expect(submitted.dueBy).toEqual(new Date('2026-09-02T10:00:00.000Z'));
  });

  it('submits a certified emergency EU production order with its certificate, due in 8 hours', () => {
    const submitted = submit(
      draft('eu_production_order', [supporting, { id: 'epoc', kind: 'epoc_certificate' }], {
        certification: true,
      }),
      officer,
      at,
      'DE',
    );
    expect(submitted.status).toBe('submitted');
    expect(submitted.dueBy).toEqual(new Date('2026-09-01T18:00:00.000Z'));
  });

  it.each([
    ['emergency', null],
    ['emergency', { certification: false }],
    ['emergency', { certification: 'true' as unknown as boolean }],
    ['eu_production_order', { certification: false }],
  ] as const)(
    'refuses a %s without a certification (%j), even with its order attached',
    (type, emergency) => {
      const request = draft(type, [order], emergency);
      const violation = violationOf(() => submit(request, officer, at, 'DE'));
      expect(violation.code).toBe('emergency_certification_required');
      expect(violation.field).toBe('emergency.certification');
      expect(violation.message).toMatch(/certify the emergency/);
      expect(request.status).toBe('draft');
    },
  );

  it.each(PROCESS_TYPES.filter((type) => type !== 'emergency' && type !== 'eu_production_order'))(
    'refuses an emergency declaration on a %s, which has no emergency form',
    (type) => {
      const violation = violationOf(() => checkSubmittable(draft(type, [order], { certification: true })));
      expect(violation.code).toBe('emergency_not_applicable');
      expect(violation.field).toBe('emergency');
      expect(violation.message).toContain(`A ${type.replaceAll('_', ' ')} has no emergency form`);
    },
  );

  it('runs on the emergency clock only for emergency requests and declared emergency EU orders', () => {
    expect(isEmergency({ processType: 'emergency' })).toBe(true);
    expect(isEmergency({ processType: 'emergency', emergency: null })).toBe(true);
    expect(isEmergency({ processType: 'eu_production_order', emergency: { certification: true } })).toBe(
      true,
    );
    expect(isEmergency({ processType: 'eu_production_order', emergency: null })).toBe(false);
    expect(isEmergency({ processType: 'eu_production_order' })).toBe(false);
    expect(isEmergency({ processType: 'court_order', emergency: null })).toBe(false);
  });

  it.each([null, { certification: true }])(
    'an EU production order (emergency: %j) needs its EPOC certificate, not any official document',
    (emergency) => {
      for (const kinds of [
        [],
        ['supporting'],
        ['court_order', 'warrant', 'police_order', 'subpoena', 'mlat'],
      ]) {
        const documents = kinds.map((kind, index) => ({ id: `d${index}`, kind: kind as DocumentKind }));
        const violation = violationOf(() =>
          checkSubmittable(draft('eu_production_order', documents, emergency)),
        );
        expect(violation).toMatchObject({
          code: 'official_document_required',
          field: 'documents',
          message:
            'Attach the EPOC certificate (kind epoc_certificate): a European Production Order is submitted with it.',
        });
      }
      expect(() =>
        checkSubmittable(draft('eu_production_order', [{ id: 'epoc', kind: 'epoc_certificate' }], emergency)),
      ).not.toThrow();
    },
  );
});

describe('the emergency form', () => {
  const certified = { certification: true };
  // Written out by hand: which instrument may carry which declaration, and what is refused.
  const cases: ReadonlyArray<readonly [ProcessType, EmergencyDeclaration | null | undefined, string | null]> =
    [
      ['emergency', certified, null],
      ['emergency', { certification: false }, 'emergency_certification_required'],
      ['emergency', null, 'emergency_certification_required'],
      ['emergency', undefined, 'emergency_certification_required'],
      ['eu_production_order', certified, null],
      ['eu_production_order', { certification: false }, 'emergency_certification_required'],
      ['eu_production_order', null, null],
      ['eu_production_order', undefined, null],
      ...PROCESS_TYPES.filter((type) => type !== 'emergency' && type !== 'eu_production_order').flatMap(
        (type) =>
          [
            [type, certified, 'emergency_not_applicable'],
            // The wrong form is named before its missing certification.
            [type, { certification: false }, 'emergency_not_applicable'],
            [type, null, null],
            [type, undefined, null],
          ] as const,
      ),
    ];

  it('covers every instrument', () => {
    expect(new Set(cases.map(([type]) => type))).toEqual(new Set(PROCESS_TYPES));
  });

  it.each(cases)('%s with %j: %s', (processType, emergency, refusal) => {
    const request = Object.freeze({ processType, emergency });
    if (refusal === null) {
      expect(checkEmergencyForm(request)).toBeUndefined();
    } else {
      expect(violationOf(() => checkEmergencyForm(request)).code).toBe(refusal);
    }
  });

  it('says which instrument has no emergency form, and where to go instead', () => {
    const violation = violationOf(() =>
      checkEmergencyForm({ processType: 'search_warrant', emergency: certified }),
    );
    expect(violation.field).toBe('emergency');
    expect(violation.message).toBe(
      'A search warrant has no emergency form; submit it as an emergency request.',
    );
  });

  it('asks for the certification by its field', () => {
    const violation = violationOf(() => checkEmergencyForm({ processType: 'emergency' }));
    expect(violation.field).toBe('emergency.certification');
    expect(violation.message).toBe('An emergency request needs the officer to certify the emergency.');
  });
});

describe('the issuing authority of a European Production Order', () => {
  it('is required for an EU production order and for nothing else', () => {
    const violation = violationOf(() => checkIssuingAuthority({ processType: 'eu_production_order' }));
    expect(violation).toMatchObject({
      code: 'issuing_authority_required',
      field: 'issuingAuthority',
      message: 'A European Production Order names its issuing authority.',
    });
    expect(
      violationOf(() => checkIssuingAuthority({ processType: 'eu_production_order', issuingAuthority: null }))
        .code,
    ).toBe('issuing_authority_required');
    for (const type of PROCESS_TYPES.filter((candidate) => candidate !== 'eu_production_order')) {
      expect(() => checkIssuingAuthority({ processType: type })).not.toThrow();
      expect(() =>
        checkIssuingAuthority({ processType: type, issuingAuthority: { name: 'Court', country: 'US' } }),
      ).not.toThrow();
    }
  });

  it.each(EPOC_ISSUING_STATES)('accepts an authority of %s (any letter case)', (country) => {
    const authority = { name: 'Staatsanwaltschaft', country: country.toLowerCase() };
    expect(() =>
      checkIssuingAuthority({ processType: 'eu_production_order', issuingAuthority: authority }),
    ).not.toThrow();
  });

  it.each(['DK', 'GB', 'US', 'CH', 'NO', 'XX'])(
    'refuses an authority of %s, not bound by the Regulation',
    (country) => {
      const violation = violationOf(() =>
        checkIssuingAuthority({
          processType: 'eu_production_order',
          issuingAuthority: { name: 'A court', country },
        }),
      );
      expect(violation).toMatchObject({
        code: 'issuing_authority_not_bound',
        field: 'issuingAuthority.country',
        message: `${country} is not a member state bound by Regulation (EU) 2023/1543.`,
      });
    },
  );

  it('lists the 26 member states bound by the Regulation, Denmark excluded', () => {
    expect(EPOC_ISSUING_STATES).toHaveLength(26);
    expect(new Set(EPOC_ISSUING_STATES).size).toBe(26);
    expect(EPOC_ISSUING_STATES).not.toContain('DK');
    expect(EPOC_ISSUING_STATES).toContain('IE');
  });
});
