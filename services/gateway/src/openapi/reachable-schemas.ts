const SCHEMA_REF = '#/components/schemas/';

/** The schemas `root` refers to, directly or through other schemas, out of `schemas`. */
export function reachableSchemas<Schema>(
  root: unknown,
  schemas: Record<string, Schema>,
): Record<string, Schema> {
  const reached: Record<string, Schema> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF)) {
        const name = value.slice(SCHEMA_REF.length);
        if (!(name in reached) && name in schemas) {
          reached[name] = schemas[name];
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit(root);
  return reached;
}
