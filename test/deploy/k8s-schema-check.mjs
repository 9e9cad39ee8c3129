// Validates Kubernetes objects (a JSON array on stdin) against the Kubernetes OpenAPI schemas
// that the kubernetes-models package is generated from, offline. Prints a JSON array with one
// entry per object: null when valid, else the schema's complaint. A separate Node process
// because the package ships ES modules only, which jest's CommonJS runtime cannot load.
import { readFileSync } from 'node:fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const object of objects) {
  let Model;
  try {
    Model = (await import(`kubernetes-models/${object.apiVersion}/${object.kind}`))[object.kind];
  } catch {
    results.push(`no Kubernetes schema for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
    results.push(null);
  } catch (error) {
    results.push(error.message);
  }
}
process.stdout.write(JSON.stringify(results));
