import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, variableNames } from '@lers/config';
import {
  type ComposeService,
  environmentOf,
  interpolate,
  loadComposeFile,
  parseDotenv,
  readRepoFile,
  REPO_ROOT,
} from './compose-file';
import {
  configClassOf,
  containerEnvironment,
  type K8sObject,
  named,
  ofKind,
  OVERLAYS_DIR,
  overlayNames,
  render,
  schemaErrorsOf,
  selects,
  serviceNames,
} from './k8s-manifests';

/**
 * deploy/k8s rendered by kustomize (no cluster): every overlay is valid against the Kubernetes
 * schemas, follows the deployment rules below, and agrees with docker-compose.yml and with the
 * services' configuration classes — read at test time, so a variable added to a service surfaces
 * here by name until the manifests set it.
 */

/** Variables whose value is a secret: never in a ConfigMap, always a Secret reference. */
const SECRET_VARIABLE = /SECRET|PASSWORD|PRIVATE_KEY|TOTP|ACCESS_KEY|JWT_|MONGO_URL|SMTP_URL/;
/** What a pod may reach, by its `lers.io/uses-<dependency>` label, on which ports. */
const DEPENDENCY_PORTS: Record<string, number[]> = {
  kafka: [9092],
  mongodb: [27017],
  'object-store': [9000, 443],
  smtp: [587, 465, 1025],
};
/** Which variable shows that a service uses a dependency (its configuration class declares it). */
const DEPENDENCY_VARIABLE: Record<string, string> = {
  kafka: 'KAFKA_BROKERS',
  mongodb: 'MONGO_URL',
  'object-store': 'MINIO_ENDPOINT',
  smtp: 'SMTP_URL',
};
/** docker-compose.yml's infrastructure service names for the same dependencies. */
const COMPOSE_DEPENDENCY: Record<string, string> = {
  kafka: 'kafka',
  mongo: 'mongodb',
  minio: 'object-store',
  maildev: 'smtp',
};
/** Idle RSS measured with every service booted (156–168 MB): requests must cover it. */
const MEASURED_IDLE_RSS_MIB = 170;
const DNS_PORT = 53;

const compose = loadComposeFile();
const composeResolved = interpolate(compose, parseDotenv(readRepoFile('deploy/compose/.env.example')));
const composeApps = Object.entries(compose.services)
  .filter(([, service]) => service.build !== undefined)
  .map(([name]) => name)
  .sort();
const services = serviceNames();

const mebibytes = (quantity: string): number => {
  const match = /^(\d+)(Mi|Gi|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`unexpected memory quantity ${quantity}`);
  const factor = { Mi: 1, Gi: 1024, M: 1e6 / 2 ** 20, G: 1e9 / 2 ** 20 }[match[2] ?? 'Mi'] ?? 1;
  return Number(match[1]) * factor;
};

/** Every pod template in the rendered objects, with where it comes from. */
function podTemplates(objects: K8sObject[]) {
  return objects
    .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
    .map((o) => ({ owner: `${o.kind}/${o.metadata.name}`, object: o, template: o.spec.template }));
}

/** The ports a NetworkPolicy rule list opens; `any` when a rule has no peer or port restriction. */
interface PolicyRule {
  to?: { namespaceSelector?: { matchLabels?: Record<string, string> } }[];
  from?: { namespaceSelector?: { matchLabels?: Record<string, string> } }[];
  ports?: { port: number | string }[];
}

function openedPorts(rules: PolicyRule[]) {
  return rules.flatMap((rule) => {
    const peers = rule.to ?? rule.from;
    if (!peers || peers.length === 0 || !rule.ports || rule.ports.length === 0) return ['any'];
    return rule.ports.map((p) => p.port);
  });
}

describe.each(overlayNames())('deploy/k8s overlay %s', (overlay) => {
  const objects = render(join(OVERLAYS_DIR, overlay));
  const deployments = ofKind(objects, 'Deployment');
  const pods = podTemplates(objects);
  const commonConfig = () => named(objects, 'ConfigMap', configMapName('lers-common'))?.data ?? {};
  const configMapName = (prefix: string) =>
    ofKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith(`${prefix}-`))?.metadata.name ?? '';

  it('renders one Deployment and one Service per service in services/, the names docker-compose.yml uses', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(services);
    expect(
      ofKind(objects, 'Service')
        .map((s) => s.metadata.name)
        .sort(),
    ).toEqual(services);
    expect(composeApps).toEqual(services);
    expect(new Set(objects.map((o) => o.metadata.namespace))).toEqual(new Set([expect.any(String)]));
  });

  it('is valid against the Kubernetes schemas, object by object', () => {
    // The validator does refuse what the API server would: a port that is not a number.
    const broken = structuredClone(deployments[0]);
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    const errors = schemaErrorsOf([...objects, broken]);
    expect(errors.pop()).toMatch(/containerPort/);
    const invalid = objects
      .map((o, at) => ({ object: `${o.kind}/${o.metadata.name}`, error: errors[at] }))
      .filter((e) => e.error !== undefined);
    expect(invalid).toEqual([]);
  });

  it('holds no secret: no Secret object, no secret-looking variable in a ConfigMap', () => {
    expect(ofKind(objects, 'Secret')).toEqual([]);
    for (const configMap of ofKind(objects, 'ConfigMap')) {
      const leaked = Object.keys(configMap.data ?? {}).filter((key) => SECRET_VARIABLE.test(key));
      expect({ configMap: configMap.metadata.name, leaked }).toEqual({
        configMap: configMap.metadata.name,
        leaked: [],
      });
      expect(JSON.stringify(configMap.data)).not.toMatch(/-----BEGIN|mongodb(\+srv)?:\/\/[^/]*@/);
    }
  });

  it('runs every pod non-root, read-only, without privilege escalation, capabilities dropped, no API token', () => {
    for (const { owner, template } of pods) {
      const pod = template.spec;
      expect({ owner, pod: pod.securityContext }).toEqual({
        owner,
        pod: expect.objectContaining({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }),
      });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect({ owner, automount: pod.automountServiceAccountToken }).toEqual({ owner, automount: false });
      expect(pod.hostNetwork ?? false).toBe(false);
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        expect({ owner, container: container.securityContext }).toEqual({
          owner,
          container: expect.objectContaining({
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
          }),
        });
        expect(container.securityContext.privileged ?? false).toBe(false);
        expect({ owner, image: container.image }).toEqual({
          owner,
          image: expect.stringMatching(/^[^:@]+(:(?!latest$)[\w.-]+|@sha256:[0-9a-f]{64})$/),
        });
        expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
        expect(container.resources.limits.memory).toEqual(expect.any(String));
      }
    }
  });

  it('sizes each service above its measured idle memory and probes it on /health/live and /health/ready', () => {
    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      const [container] = deployment.spec.template.spec.containers;
      const request = mebibytes(container.resources.requests.memory);
      expect({ name, request: request >= MEASURED_IDLE_RSS_MIB * 1.25 }).toEqual({ name, request: true });
      expect(mebibytes(container.resources.limits.memory)).toBeGreaterThanOrEqual(request);
      const port = container.ports[0].name;
      expect({ name, startup: container.startupProbe?.httpGet }).toEqual({
        name,
        startup: { path: '/health/live', port },
      });
      expect({ name, live: container.livenessProbe?.httpGet }).toEqual({
        name,
        live: { path: '/health/live', port },
      });
      expect({ name, ready: container.readinessProbe?.httpGet }).toEqual({
        name,
        ready: { path: '/health/ready', port },
      });
    }
  });

  it('gives each pod time to drain: preStop while endpoints update, then the longest call in flight', () => {
    const replyTimeoutSeconds = Number(commonConfig().KAFKA_REPLY_TIMEOUT_MS) / 1000;
    expect(replyTimeoutSeconds).toBeGreaterThan(0);
    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      const pod = deployment.spec.template.spec;
      const preStop = pod.containers[0].lifecycle?.preStop?.exec?.command as string[] | undefined;
      expect({ name, preStop: preStop?.[0] }).toEqual({ name, preStop: 'sleep' });
      const preStopSeconds = Number(preStop?.[1]);
      expect(preStopSeconds).toBeGreaterThanOrEqual(3);
      // After preStop: in-flight calls (a gateway call waits up to KAFKA_REPLY_TIMEOUT_MS), the
      // consumer leaving its group and the outbox flush. Not far beyond: a stuck pod is killed.
      expect({ name, grace: pod.terminationGracePeriodSeconds }).toEqual({
        name,
        grace: expect.any(Number),
      });
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
        preStopSeconds + replyTimeoutSeconds + 5,
      );
      expect(pod.terminationGracePeriodSeconds).toBeLessThanOrEqual(
        preStopSeconds + replyTimeoutSeconds + 30,
      );
    }
  });

  it('exposes only the gateway: ClusterIP Services, one Ingress to the gateway, TLS for every host', () => {
    for (const service of ofKind(objects, 'Service')) {
      expect({ name: service.metadata.name, type: service.spec.type ?? 'ClusterIP' }).toEqual({
        name: service.metadata.name,
        type: 'ClusterIP',
      });
    }
    const ingresses = ofKind(objects, 'Ingress');
    expect(ingresses).toHaveLength(1);
    const [ingress] = ingresses;
    const backends = ingress.spec.rules.flatMap((rule: K8sObject) =>
      rule.http.paths.map((path: K8sObject) => path.backend.service.name),
    );
    expect(new Set(backends)).toEqual(new Set(['gateway']));
    expect(ingress.spec.defaultBackend).toBeUndefined();
    const tlsHosts = ingress.spec.tls.flatMap((tls: K8sObject) => {
      expect(tls.secretName).toEqual(expect.any(String));
      return tls.hosts;
    });
    for (const rule of ingress.spec.rules) expect(tlsHosts).toContain(rule.host);
  });

  it('matches each Service to its Deployment, port and named container port', () => {
    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      const service = named(objects, 'Service', name) as K8sObject;
      const labels = deployment.spec.template.metadata.labels;
      expect({ name, selects: selects({ matchLabels: service.spec.selector }, labels) }).toEqual({
        name,
        selects: true,
      });
      const [containerPort] = deployment.spec.template.spec.containers[0].ports;
      expect(service.spec.ports).toEqual([
        expect.objectContaining({ port: containerPort.containerPort, targetPort: containerPort.name }),
      ]);
    }
  });

  it('has a PodDisruptionBudget and an autoscaler per service; consumers never outnumber partitions', () => {
    const partitions = Number(
      named(objects, 'ConfigMap', configMapName('lers-topics'))?.data.KAFKA_TOPIC_PARTITIONS,
    );
    expect(partitions).toBeGreaterThanOrEqual(1);
    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      const labels = deployment.spec.template.metadata.labels;
      const budgets = ofKind(objects, 'PodDisruptionBudget').filter((b) => selects(b.spec.selector, labels));
      expect({ name, budgets: budgets.length }).toEqual({ name, budgets: 1 });
      const autoscalers = ofKind(objects, 'HorizontalPodAutoscaler').filter(
        (h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === name,
      );
      expect({ name, autoscalers: autoscalers.length }).toEqual({ name, autoscalers: 1 });
      // The autoscaler owns the count; a replicas field would fight it at every apply.
      expect({ name, replicas: deployment.spec.replicas }).toEqual({ name, replicas: undefined });
      const [hpa] = autoscalers;
      // Every service but the gateway consumes in one group shared by its replicas.
      const sharesAGroup = name !== 'gateway';
      expect({ name, capped: hpa.metadata.labels?.['lers.io/capped-by-partitions'] === 'true' }).toEqual({
        name,
        capped: sharesAGroup,
      });
      if (sharesAGroup)
        expect({ name, max: hpa.spec.maxReplicas <= partitions }).toEqual({ name, max: true });
      expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
    }
  });

  it('denies all traffic by default, then lets each pod reach only what it uses', () => {
    const policies = ofKind(objects, 'NetworkPolicy');
    const denyAll = policies.find(
      (p) =>
        Object.keys(p.spec.podSelector).length === 0 &&
        ['Ingress', 'Egress'].every((t) => p.spec.policyTypes.includes(t)) &&
        !p.spec.ingress &&
        !p.spec.egress,
    );
    expect(denyAll).toBeDefined();
    for (const { owner, template } of pods) {
      const labels = template.metadata.labels as Record<string, string>;
      const applying = policies.filter((p) => selects(p.spec.podSelector, labels));
      const egress = applying.flatMap((p) => openedPorts(p.spec.egress ?? []));
      const uses = Object.keys(DEPENDENCY_PORTS).filter((d) => labels[`lers.io/uses-${d}`] === 'true');
      const allowed = [DNS_PORT, ...uses.flatMap((d) => DEPENDENCY_PORTS[d])];
      expect({ owner, unexpected: egress.filter((port) => !allowed.includes(port as number)) }).toEqual({
        owner,
        unexpected: [],
      });
      for (const dependency of uses)
        expect({
          owner,
          dependency,
          reached: DEPENDENCY_PORTS[dependency].some((p) => egress.includes(p)),
        }).toEqual({ owner, dependency, reached: true });
      const ingressFrom = applying
        .flatMap((p) => p.spec.ingress ?? [])
        .flatMap((rule: PolicyRule) => {
          expect({ owner, restricted: openedPorts([rule]) }).not.toEqual({ owner, restricted: ['any'] });
          return (rule.from ?? []).map((peer) => JSON.stringify(peer.namespaceSelector?.matchLabels ?? peer));
        });
      const fromIngressController = ingressFrom.some((peer) => peer.includes('ingress'));
      expect({ owner, fromIngressController }).toEqual({
        owner,
        fromIngressController: owner === 'Deployment/gateway',
      });
      if (template.spec.containers[0].ports === undefined)
        expect({ owner, ingressFrom }).toEqual({ owner, ingressFrom: [] });
    }
  });

  it('provisions the topics with a Job running the services’ own code, on the services’ brokers', () => {
    const job = named(objects, 'Job', 'lers-topics') as K8sObject;
    expect(job).toBeDefined();
    const [container] = job.spec.template.spec.containers;
    expect(container.command).toEqual(['node', 'dist/libs/messaging/src/kafka/topics-cli.js']);
    expect(existsSync(join(REPO_ROOT, 'libs/messaging/src/kafka/topics-cli.ts'))).toBe(true);
    const env = containerEnvironment(container, objects);
    expect(env.KAFKA_BROKERS?.configMap?.value).toBe(commonConfig().KAFKA_BROKERS);
    expect(job.spec.template.spec.restartPolicy).toMatch(/^(OnFailure|Never)$/);
    // First install applies it alone (-l app.kubernetes.io/component=topics): all it needs carries the label.
    const topicsStep = objects.filter((o) => o.metadata.labels?.['app.kubernetes.io/component'] === 'topics');
    for (const from of container.envFrom)
      expect(topicsStep.map((o) => o.metadata.name)).toContain(from.configMapRef.name);
  });

  describe('agrees with docker-compose.yml and the configuration classes', () => {
    const composeEnv = (name: string) => environmentOf(compose.services[name] as ComposeService);
    const composeValue = (name: string) => environmentOf(composeResolved.services[name] as ComposeService);

    it.each(services)('%s: the same port everywhere', (name) => {
      const deployment = named(objects, 'Deployment', name) as K8sObject;
      const [container] = deployment.spec.template.spec.containers;
      const env = containerEnvironment(container, objects);
      const declaredDefault = (new (configClassOf(name))() as Record<string, unknown>).HTTP_PORT;
      const port = container.ports[0].containerPort;
      expect({
        name,
        k8s: env.HTTP_PORT?.configMap?.value,
        compose: composeValue(name).HTTP_PORT,
        default: declaredDefault,
      }).toEqual({
        name,
        k8s: String(port),
        compose: String(port),
        default: port,
      });
      expect(container.command).toEqual(compose.services[name].command);
    });

    it.each(services)('%s: every variable its configuration class declares is set, and no other', (name) => {
      const deployment = named(objects, 'Deployment', name) as K8sObject;
      const env = containerEnvironment(deployment.spec.template.spec.containers[0], objects);
      const declared = variableNames(configClassOf(name));
      const missing = declared.filter((v) => !(v in env));
      const undeclared = Object.keys(env).filter((v) => !declared.includes(v));
      const notInK8sFromCompose = Object.keys(composeEnv(name)).filter((v) => !(v in env));
      // A failure names the variable: add it to ConfigMap lers-<service> (or a Secret reference).
      expect({ name, missing, undeclared, notInK8sFromCompose }).toEqual({
        name,
        missing: [],
        undeclared: [],
        notInK8sFromCompose: [],
      });
    });

    it.each(services)(
      '%s: secrets come from Secret references, and the whole environment passes its class',
      (name) => {
        const deployment = named(objects, 'Deployment', name) as K8sObject;
        const env = containerEnvironment(deployment.spec.template.spec.containers[0], objects);
        const fromConfigMaps = Object.entries(env).filter(
          ([v, source]) => SECRET_VARIABLE.test(v) && !source.secret,
        );
        expect({ name, fromConfigMaps }).toEqual({ name, fromConfigMaps: [] });
        // The values compose runs with stand in for the secrets, which live in the cluster only.
        const values = Object.fromEntries(
          Object.entries(env).map(([v, source]) => [
            v,
            source.configMap?.value ?? source.value ?? composeValue(name)[v],
          ]),
        );
        expect(() => loadConfig(configClassOf(name), values)).not.toThrow();
        expect(values.MONGO_DB).toBe(composeValue(name).MONGO_DB);
      },
    );

    it.each(services)(
      '%s: reaches the dependencies its class and compose say it uses, and labels its pods so',
      (name) => {
        const deployment = named(objects, 'Deployment', name) as K8sObject;
        const labels = deployment.spec.template.metadata.labels as Record<string, string>;
        const declared = variableNames(configClassOf(name));
        const byClass = Object.keys(DEPENDENCY_VARIABLE).filter((d) =>
          declared.includes(DEPENDENCY_VARIABLE[d]),
        );
        const dependsOn = compose.services[name].depends_on ?? {};
        const byCompose = (Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn)).map(
          (d) => COMPOSE_DEPENDENCY[d],
        );
        const byLabels = Object.keys(DEPENDENCY_PORTS).filter((d) => labels[`lers.io/uses-${d}`] === 'true');
        expect({ name, byLabels: byLabels.sort(), byCompose: byCompose.sort() }).toEqual({
          name,
          byLabels: byClass.sort(),
          byCompose: byClass.sort(),
        });
      },
    );
  });
});
