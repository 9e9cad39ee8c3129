import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { ConfigError } from './config-error';

export type ConfigClass<T> = new () => T;

/**
 * Reads the environment into a typed, validated object once at boot. Defaults are the
 * class's property initialisers; unknown variables are ignored (the environment is shared),
 * but a known variable with a bad value stops the service, naming the variable.
 */
export function loadConfig<T extends object>(
  schema: ConfigClass<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const defaults = new schema();
  const provided = Object.fromEntries(
    variableNames(schema)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, coerce(env[key] as string, (defaults as Record<string, unknown>)[key])]),
  );
  const config = plainToInstance(schema, { ...defaults, ...provided }, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(errors.map(toProblem));
  return Object.freeze(config);
}

/** Environment values are strings: convert them to the type of the property's default. */
function coerce(raw: string, fallback: unknown): unknown {
  if (typeof fallback === 'number') return raw.trim() === '' ? Number.NaN : Number(raw);
  if (typeof fallback === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

function toProblem(error: ValidationError) {
  return { variable: error.property, message: Object.values(error.constraints ?? {}).join('; ') };
}

/** The variables a schema declares: every property that carries a validation decorator. */
export function variableNames(schema: ConfigClass<object>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(schema, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))].sort();
}
