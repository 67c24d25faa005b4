/**
 * RBAC over real projects' manifests (../shared/conformance/real-manifests): every file scans
 * without errors, and who-can answers match what reading the roles and bindings by hand gives.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RbacModel } from '../src/analyzers/rbac/model.js';
import { EscalationGraph } from '../src/analyzers/rbac/paths.js';
import { canI, whoCan } from '../src/analyzers/rbac/queries.js';
import { parseTarget } from '../src/analyzers/rbac/target.js';
import { defaultSettings } from '../src/engine/settings.js';
import { K8sObject } from '../src/model/k8s.js';
import { ObjectSet } from '../src/model/object-set.js';
import { allRules } from '../src/rules/index.js';
import { scan } from '../src/scan.js';
import { load } from '../src/sources/load.js';
import { handlers } from '../src/sources/registry.js';

const root = join(import.meta.dirname, '..', '..', 'shared', 'conformance', 'real-manifests');
const present = existsSync(root);
if (!present) console.warn(`skipping RBAC conformance: ${root} is absent`);

async function modelOf(...paths: string[]): Promise<{ model: RbacModel; set: ObjectSet }> {
  const loaded = await load({ paths: paths.map((p) => join(root, p)), cwd: root, settings: defaultSettings(), handlers });
  expect(loaded.errors).toEqual([]);
  const set = new ObjectSet(loaded.documents.filter((d): d is K8sObject => d instanceof K8sObject));
  return { model: new RbacModel(set), set };
}

function ask(model: RbacModel, verb: string, target: string, namespace?: string) {
  const parsed = parseTarget(verb, target, namespace ? { namespace } : {});
  if (!('request' in parsed)) throw new Error(`bad target ${target}`);
  return whoCan(model, parsed.request).map(
    (e) =>
      `${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.name} via ${e.via.map((v) => `${v.binding} (${v.role})`).join(', ')}`,
  );
}

describe.skipIf(!present)('RBAC on real manifests', () => {
  const rbacRules = allRules.filter((r) => r.meta.id.startsWith('rbac/'));

  it.each(['kube-prometheus', 'argo-cd', 'istio', 'cert-manager', 'ingress-nginx'])(
    '%s scans without errors',
    async (project) => {
      const result = await scan({ paths: [join(root, project)], config: false, rules: rbacRules });
      expect(result.errors).toEqual([]);
      for (const finding of result.findings) {
        expect(finding.line, `${finding.rule} has a position`).toBeGreaterThan(0);
      }
    },
  );

  it('ingress-nginx: who can read secrets, by the Role and ClusterRole in deploy.yaml', async () => {
    const { model } = await modelOf('ingress-nginx/deploy/static/provider/cloud/deploy.yaml');
    // Role ingress-nginx: get/list/watch on configmaps, pods, secrets, endpoints; Role ingress-nginx-admission: get, create secrets.
    expect(ask(model, 'get', 'secrets', 'ingress-nginx')).toEqual([
      'ServiceAccount ingress-nginx/ingress-nginx via RoleBinding/ingress-nginx/ingress-nginx (Role/ingress-nginx)',
      'ServiceAccount ingress-nginx/ingress-nginx-admission via RoleBinding/ingress-nginx/ingress-nginx-admission (Role/ingress-nginx-admission)',
    ]);
    // ClusterRole ingress-nginx lists and watches secrets everywhere, but does not get them.
    expect(ask(model, 'list', 'secrets')).toEqual([
      'ServiceAccount ingress-nginx/ingress-nginx via ClusterRoleBinding/ingress-nginx (ClusterRole/ingress-nginx)',
    ]);
    expect(ask(model, 'get', 'secrets', 'default')).toEqual([]);
    // The leader lease is named in resourceNames.
    expect(ask(model, 'update', 'leases.coordination.k8s.io/ingress-nginx-leader', 'ingress-nginx')).toHaveLength(1);
    expect(ask(model, 'update', 'leases.coordination.k8s.io/other', 'ingress-nginx')).toEqual([]);
    // ClusterRole ingress-nginx-admission: get, update validatingwebhookconfigurations.
    expect(ask(model, 'update', 'validatingwebhookconfigurations')).toEqual([
      'ServiceAccount ingress-nginx/ingress-nginx-admission via ClusterRoleBinding/ingress-nginx-admission (ClusterRole/ingress-nginx-admission)',
    ]);
  });

  it('kube-prometheus: RoleBindings per namespace and ClusterRoleBindings', async () => {
    const { model } = await modelOf('kube-prometheus/manifests');
    // prometheus-roleSpecificNamespaces.yaml gives prometheus-k8s get/list/watch on pods in default, kube-system and monitoring.
    const kubeSystem = ask(model, 'list', 'pods', 'kube-system');
    expect(kubeSystem).toContain(
      'ServiceAccount monitoring/prometheus-k8s via RoleBinding/kube-system/prometheus-k8s (Role/prometheus-k8s)',
    );
    // prometheusOperator-clusterRole.yaml: list and delete pods cluster-wide.
    expect(kubeSystem).toContain(
      'ServiceAccount monitoring/prometheus-operator via ClusterRoleBinding/prometheus-operator (ClusterRole/prometheus-operator)',
    );
    expect(ask(model, 'list', 'pods', 'elsewhere')).not.toContain(
      'ServiceAccount monitoring/prometheus-k8s via RoleBinding/kube-system/prometheus-k8s (Role/prometheus-k8s)',
    );
    // prometheus-clusterRole.yaml grants GET on the /metrics non-resource URL.
    expect(ask(model, 'get', '/metrics')).toContain(
      'ServiceAccount monitoring/prometheus-k8s via ClusterRoleBinding/prometheus-k8s (ClusterRole/prometheus-k8s)',
    );
    expect(
      canI(model, 'system:serviceaccount:monitoring:prometheus-k8s', [], { kind: 'nonresource', verb: 'post', path: '/metrics' })
        .allowed,
    ).toBe(false);
  });

  it('computes escalation paths for every subject of the real projects', async () => {
    const { model, set } = await modelOf('kube-prometheus', 'argo-cd', 'istio', 'ingress-nginx');
    const graph = new EscalationGraph(set, model);
    expect(graph.starts.length).toBeGreaterThan(20);
    for (const subject of graph.starts) {
      for (const path of graph.pathsFrom(subject)) expect(path.steps.length).toBeGreaterThan(0);
    }
  });
});
