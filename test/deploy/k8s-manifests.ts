import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { ConfigClass } from '@lers/config';
import { REPO_ROOT } from './compose-file';

/** Helpers that render deploy/k8s with kustomize (kubectl's own) and read the objects, offline. */

export const OVERLAYS_DIR = join(REPO_ROOT, 'deploy/k8s/overlays');
export const overlayNames = (): string[] => readdirSync(OVERLAYS_DIR).sort();

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  // The rest is checked against the Kubernetes schema; tests read it as plain data.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/** `kubectl kustomize <dir>`: what `kubectl apply -k` would send, or a thrown error with kustomize's message. */
export function render(directory: string): K8sObject[] {
  const output = execFileSync('kubectl', ['kustomize', directory], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  return parseAllDocuments(output).map((document) => {
    if (document.errors.length > 0) throw document.errors[0];
    return document.toJS() as K8sObject;
  });
}

/**
 * The schema's complaint about each object (undefined when valid), from the Kubernetes OpenAPI
 * schemas in the kubernetes-models package, offline (test/deploy/k8s-schema-check.mjs).
 */
export function schemaErrorsOf(objects: K8sObject[]): (string | undefined)[] {
  const output = execFileSync(process.execPath, [join(__dirname, 'k8s-schema-check.mjs')], {
    cwd: REPO_ROOT,
    input: JSON.stringify(objects),
    encoding: 'utf8',
    timeout: 30_000,
  });
  return (JSON.parse(output) as (string | null)[]).map((error) => error ?? undefined);
}

export const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
export const named = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);

/** Does a label selector (matchLabels and matchExpressions In / NotIn / Exists) select these labels? */
export function selects(
  selector: {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  },
  labels: Record<string, string>,
): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === 'In') return values.includes(labels[key]);
    if (operator === 'NotIn') return !values.includes(labels[key]);
    if (operator === 'Exists') return key in labels;
    if (operator === 'DoesNotExist') return !(key in labels);
    throw new Error(`unknown selector operator ${operator}`);
  });
  return byLabel && byExpression;
}

export interface EnvSource {
  /** From a ConfigMap the container reads whole (envFrom), with the value the overlay gives it. */
  configMap?: { name: string; value: string };
  /** From a key of a Secret that lives in the cluster only. */
  secret?: { name: string; key: string; optional: boolean };
  /** A literal in the manifest. */
  value?: string;
}

/** Every variable a container gets, and where from. A later source wins, as in Kubernetes. */
export function containerEnvironment(container: K8sObject, objects: K8sObject[]): Record<string, EnvSource> {
  const env: Record<string, EnvSource> = {};
  for (const from of container.envFrom ?? []) {
    const name = from.configMapRef?.name;
    if (!name) throw new Error(`envFrom other than a ConfigMap in ${container.name}`);
    const configMap = named(objects, 'ConfigMap', name);
    if (!configMap) throw new Error(`${container.name} reads ConfigMap ${name}, which is not rendered`);
    for (const [key, value] of Object.entries(configMap.data ?? {}))
      env[key] = { configMap: { name, value: String(value) } };
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef;
    if (ref)
      env[variable.name] = { secret: { name: ref.name, key: ref.key, optional: ref.optional === true } };
    else if (variable.valueFrom) throw new Error(`${variable.name}: only Secret references are expected`);
    else env[variable.name] = { value: String(variable.value ?? '') };
  }
  return env;
}

/** services/<name>/src/<name>.config.ts's exported class: what the service validates its environment with. */
export function configClassOf(service: string): ConfigClass<object> {
  const file = join(REPO_ROOT, 'services', service, 'src', `${service}.config.ts`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = Object.values(require(file) as Record<string, unknown>).filter(
    (value): value is ConfigClass<object> => typeof value === 'function' && /Env$/.test(value.name),
  );
  if (exported.length !== 1) throw new Error(`${file} must export one *Env class`);
  return exported[0];
}

/** The services in services/ (each a deployable with a configuration class). */
export const serviceNames = (): string[] =>
  readdirSync(join(REPO_ROOT, 'services'))
    .filter((name) => existsSync(join(REPO_ROOT, 'services', name, 'src', `${name}.config.ts`)))
    .sort();
