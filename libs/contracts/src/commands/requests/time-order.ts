import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

const instantOf = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

/** The date is not after the one in `otherField` (both ISO-8601); unparsable values are left to IsISO8601. */
export function IsNotAfterField(otherField: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotAfterField',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [otherField],
      options: { message: `$property must not be after ${otherField}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const own = instantOf(value);
          const other = instantOf((args.object as Record<string, unknown>)[otherField]);
          return Number.isNaN(own) || Number.isNaN(other) || own <= other;
        },
      },
    });
}

/** The date has already come (a period under investigation cannot end in the future). */
export function IsNotInFuture(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotInFuture',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must not be in the future', ...options },
      validator: {
        validate: (value: unknown) => Number.isNaN(instantOf(value)) || instantOf(value) <= Date.now(),
      },
    });
}

/** The date is still to come (an order that has already ended forbids nothing). */
export function IsInFuture(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInFuture',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be in the future', ...options },
      validator: {
        validate: (value: unknown) => Number.isNaN(instantOf(value)) || instantOf(value) > Date.now(),
      },
    });
}
