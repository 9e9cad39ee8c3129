import { validateSubject, type CanonicalSubject } from './subject-rules';

const SUBJECT_FIELDS = ['type', 'value', 'chain'];

export interface SubjectListError {
  /** e.g. `subjects[2].value` */
  field: string;
  message: string;
}

export type SubjectListCheck =
  { ok: true; canonical: CanonicalSubject[] } | { ok: false; errors: SubjectListError[] };

/**
 * Validates a request's whole `subjects` list (at least one) and names each error by its path,
 * e.g. `subjects[2].value`, for messages that arrive without class-validator.
 */
export function validateSubjects(subjects: unknown, field = 'subjects'): SubjectListCheck {
  if (!Array.isArray(subjects)) return { ok: false, errors: [{ field, message: 'must be an array' }] };
  if (subjects.length === 0)
    return { ok: false, errors: [{ field, message: 'must name at least one subject' }] };
  const errors: SubjectListError[] = [];
  const canonical: CanonicalSubject[] = [];
  subjects.forEach((subject: unknown, index) => {
    const at = `${field}[${index}]`;
    if (subject === null || typeof subject !== 'object' || Array.isArray(subject)) {
      errors.push({ field: at, message: 'must be an object' });
      return;
    }
    const unknown = Object.keys(subject).filter((key) => !SUBJECT_FIELDS.includes(key));
    errors.push(...unknown.map((key) => ({ field: `${at}.${key}`, message: 'is not an allowed field' })));
    const check = validateSubject(subject);
    if (check.ok) canonical.push(check.canonical);
    else
      errors.push(
        ...check.errors.map((error) => ({ field: `${at}.${error.field}`, message: error.message })),
      );
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, canonical };
}
