import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsObject,
  registerDecorator,
  ValidateNested,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import type { SubjectChain } from './chains';
import {
  validateSubject,
  type SubjectFieldError,
  type SubjectInput,
  type SubjectType,
} from './subject-rules';

/**
 * Runs `validateSubject` on the whole subject and reports the errors that concern this one field,
 * so class-validator names each at its path (`subjects` → `2` → `value`). The three fields carry it
 * rather than a class-level rule because class-validator reports only property errors by path.
 */
export function SatisfiesSubjectRules(
  field: SubjectFieldError['field'],
  options?: ValidationOptions,
): PropertyDecorator {
  const errorOn = (args: ValidationArguments) => subjectError(args.object as SubjectInput, field);
  return (target, propertyName) =>
    registerDecorator({
      name: 'satisfiesSubjectRules',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => errorOn(args) === undefined,
        defaultMessage: (args: ValidationArguments) => `${args.property} ${errorOn(args)?.message}`,
      },
    });
}

/** validateSubject reports at most one error per field. */
function subjectError(
  subject: SubjectInput,
  field: SubjectFieldError['field'],
): SubjectFieldError | undefined {
  const check = validateSubject(subject);
  return check.ok ? undefined : check.errors.find((error) => error.field === field);
}

/** One subject of a request for information or a preservation order. */
export class RequestSubject {
  @SatisfiesSubjectRules('type')
  type: SubjectType;

  /** Always a string: an operator object such as `{"$gt": ""}` is refused. */
  @SatisfiesSubjectRules('value')
  value: string;

  /** Required for wallet_address and tx_hash, refused for the other types. */
  @SatisfiesSubjectRules('chain')
  chain?: SubjectChain;
}

/**
 * For a DTO's `subjects` property: an array of at least one subject, each validated by its path.
 * IsObject because ValidateNested alone accepts valid subjects wrapped in a nested array (`[[{…}]]`).
 */
export function SubjectsProperty(): PropertyDecorator {
  const decorators = [
    IsArray(),
    ArrayMinSize(1),
    IsObject({ each: true, message: 'each subject must be an object' }),
    ValidateNested({ each: true }),
    Type(() => RequestSubject),
  ];
  return (target, propertyName) => decorators.forEach((decorate) => decorate(target, propertyName));
}
