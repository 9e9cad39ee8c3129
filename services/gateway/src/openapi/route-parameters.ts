import type { OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from './problem-responses';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Parameter = Extract<NonNullable<Operation['parameters']>[number], { in: string }>;

/** The DTO property (schema name, property) that validates each path parameter, by route prefix. */
const PATH_PARAMETERS: [prefix: string, name: string, schema: string, property: string][] = [
  ['/v1/requests/{id}', 'id', 'RequestRef', 'requestId'],
  ['/v1/preservations/{id}', 'id', 'PreservationRef', 'preservationId'],
  ['/v1/notifications/{id}', 'id', 'NotificationRef', 'notificationId'],
  ['/v1/disclosure-downloads/{token}', 'token', 'DownloadToken', 'token'],
];

/** The DTO that validates each list route's query string. */
const QUERIES: Record<string, string> = {
  '/v1/requests': 'RequestListQuery',
  '/v1/preservations': 'PreservationListQuery',
  '/v1/notifications': 'NotificationListQuery',
  '/v1/requests/{id}/messages': 'PageQuery',
};

/** `idempotencyKeyOf` in @lers/http: 1–200 visible ASCII characters. */
const IDEMPOTENCY_KEY: SchemaObject = { type: 'string', pattern: '^[!-~]{1,200}$' };

/**
 * Gives path, query and header parameters the schemas of the validation behind them: Nest's
 * `@Param`/`@Query` carry no schema of their own, so a bare `string` would promise more than
 * the routes accept.
 */
export function describeParameters(
  paths: OpenAPIObject['paths'],
  schemas: Record<string, SchemaObject>,
): void {
  for (const [path, item] of Object.entries(paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const parameters = (operation.parameters ?? []) as Parameter[];
      for (const parameter of parameters) {
        if (parameter.in === 'header' && parameter.name === 'Idempotency-Key')
          parameter.schema = IDEMPOTENCY_KEY;
        if (parameter.in !== 'path') continue;
        const source = PATH_PARAMETERS.find(
          ([prefix, name]) => path.startsWith(prefix) && name === parameter.name,
        );
        if (source) parameter.schema = propertyOf(schemas, source[2], source[3]);
      }
      const query = QUERIES[path];
      if (query && 'get' in item && item.get === operation) {
        const dto = schemas[query];
        const required = new Set(dto?.required ?? []);
        for (const [name, schema] of Object.entries(dto?.properties ?? {})) {
          parameters.push({ name, in: 'query', required: required.has(name), schema });
        }
      }
      operation.parameters = parameters;
    }
  }
}

function propertyOf(schemas: Record<string, SchemaObject>, schema: string, property: string): SchemaObject {
  const found = (schemas[schema]?.properties ?? {})[property] as SchemaObject | undefined;
  if (!found) throw new Error(`OpenAPI: no ${schema}.${property} to describe a parameter with`);
  return found;
}
