import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { CountryCodes } from 'validator/lib/isISO31661Alpha2';
import type { SchemaObject } from './problem-responses';

/**
 * Request schemas generated from the class-validator DTOs that validate the bodies, as strict as
 * that validation: unknown fields are refused (`forbidNonWhitelisted`), so no schema allows any;
 * nested classes resolve through class-transformer's `@Type`; country codes are the ISO list.
 */
export function validatorSchemas(): Record<string, SchemaObject> {
  const schemas = validationMetadatasToSchemas({
    refPointerPrefix: '#/components/schemas/',
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: {
      isISO31661Alpha2: { type: 'string', enum: [...CountryCodes].sort() },
    },
  }) as Record<string, SchemaObject>;
  const strict = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      { ...schema, properties: nullableWhenOptional(schema), additionalProperties: false },
    ]),
  );
  return refine(strict);
}

/**
 * `@IsOptional()` (the only way a DTO property is left out of `required`) lets `null` through as
 * well as a missing value. A `$ref` takes no siblings in OpenAPI 3.0, hence the `allOf`.
 */
function nullableWhenOptional(schema: SchemaObject): SchemaObject['properties'] {
  const required = new Set(schema.required ?? []);
  return Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => {
      if (required.has(name)) return [name, property];
      if ('$ref' in property) return [name, { allOf: [{ $ref: property.$ref }], nullable: true }];
      // An enum lists every allowed value, null included (OpenAPI 3.0.3, `nullable`).
      const values = property.enum ? { enum: [...property.enum, null] } : {};
      return [name, { ...property, ...values, nullable: true }];
    }),
  );
}

/** Rules enforced before class-validator runs, which its metadata cannot show. */
function refine(schemas: Record<string, SchemaObject>): Record<string, SchemaObject> {
  const login = schemas.LoginCredentials;
  if (login?.properties) {
    // passport-local refuses an empty e-mail or password (400) before the DTO is validated.
    const properties = login.properties as Record<string, SchemaObject>;
    properties.password = { ...properties.password, minLength: 1 };
    properties.email = { ...properties.email, minLength: 1 };
  }
  return schemas;
}
