import { asArray, asObject, asString, type K8sObject } from '../../model/k8s.js';
import type { ObjectSet } from '../../model/object-set.js';
import type { Workload } from '../../model/workload.js';
import { defineRule } from '../types.js';
import { capitalise, containerLabel, runsToCompletion } from './_pod.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'k8s/readiness-probe',
    description: 'Require a readiness probe on containers that serve traffic',
    rationale:
      'Without a readiness probe a pod receives Service traffic as soon as its containers start and keeps receiving it while it is overloaded or broken, so requests fail during every rollout, restart and incident, and a rolling update can replace every working pod with broken ones. A container is checked when it declares ports or its pod is selected by a Service in the scan; containers of Jobs, CronJobs and run-to-completion Pods, init containers and ephemeral containers are not checked.',
    severity: 'low',
    threats: ['resource-starvation'],
    references: ['Kubernetes documentation: Configure Liveness, Readiness and Startup Probes'],
    remediation:
      'Add a `readinessProbe` that reports whether the container can serve requests now (an HTTP readiness endpoint, or a TCP check of the serving port).',
    related: [
      { tool: 'kube-linter', id: 'no-readiness-probe' },
      { tool: 'kubescape', id: 'C-0018' },
      { tool: 'polaris', id: 'readinessProbeMissing' },
      { tool: 'kube-score', id: 'pod-probes' },
      { tool: 'checkov', id: 'CKV_K8S_9' },
    ],
    examples: [
      {
        bad: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:2.3.1
          ports: [{ containerPort: 8080 }]
`,
        good: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:2.3.1
          ports: [{ containerPort: 8080 }]
          readinessProbe:
            httpGet: { path: /ready, port: 8080 }
`,
      },
    ],
  },
  check(set, context) {
    const byNamespace = set.analysis('k8s/services-by-namespace', servicesByNamespace);
    for (const workload of set.workloads) {
      if (runsToCompletion(workload)) continue;
      const selectedBy = byNamespace.get(workload.object.namespace ?? '')?.selecting(workload);
      for (const container of workload.containers) {
        if (container.kind !== 'containers' || container.value.readinessProbe) continue;
        const ports = asArray(container.value.ports).length > 0;
        if (!ports && !selectedBy) continue;
        const why = selectedBy ? `Service ${JSON.stringify(selectedBy.name)} sends it traffic` : 'it declares ports';
        context.report({
          on: workload.object,
          path: [...container.path, 'readinessProbe'],
          message: `${capitalise(containerLabel(container))} has no readiness probe although ${why}: it gets requests before it is ready and while it is failing.`,
        });
      }
    }
  },
});

interface ServiceSelector {
  service: K8sObject;
  entries: [string, string][];
}

/** The Services of one namespace, indexed by the first label of their selector. */
class NamespaceServices {
  readonly #byFirstLabel = new Map<string, ServiceSelector[]>();

  add(service: K8sObject): void {
    const selector = asObject(asObject(service.value.spec)?.selector);
    if (!selector) return;
    const entries = Object.entries(selector).map(([key, value]) => [key, String(value)] as [string, string]);
    const first = entries[0];
    if (!first) return;
    const key = `${first[0]}=${first[1]}`;
    const list = this.#byFirstLabel.get(key);
    if (list) list.push({ service, entries });
    else this.#byFirstLabel.set(key, [{ service, entries }]);
  }

  /** The first Service whose selector matches every label it names on the workload's pods. */
  selecting(workload: Workload): K8sObject | undefined {
    const labels = asObject(workload.podMetadata.labels);
    if (!labels) return undefined;
    for (const [key, value] of Object.entries(labels)) {
      const value_ = asString(value) ?? String(value);
      for (const candidate of this.#byFirstLabel.get(`${key}=${value_}`) ?? []) {
        if (candidate.entries.every(([k, v]) => (asString(labels[k]) ?? String(labels[k])) === v)) return candidate.service;
      }
    }
    return undefined;
  }
}

function servicesByNamespace(set: ObjectSet): Map<string, NamespaceServices> {
  const out = new Map<string, NamespaceServices>();
  for (const service of set.ofKind('Service')) {
    if (service.group !== '') continue;
    const key = service.namespace ?? '';
    let entry = out.get(key);
    if (!entry) {
      entry = new NamespaceServices();
      out.set(key, entry);
    }
    entry.add(service);
  }
  return out;
}
