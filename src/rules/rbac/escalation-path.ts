import { describeSubject, subjectKey } from '../../analyzers/rbac/identity.js';
import { escalationGraph, GOAL_TEXT, type Goal } from '../../analyzers/rbac/paths.js';
import { settingsModel } from '../../analyzers/rbac/risk.js';
import type { Severity } from '../../core/severity.js';
import type { Path } from '../../sources/yaml.js';
import { defineRule } from '../types.js';

const SEVERITY: Record<Goal, Severity> = { 'cluster-admin': 'critical', 'all-secrets': 'high', 'node-root': 'high' };

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/escalation-path',
    description: 'Disallow chains of grants that lead to cluster-admin, every secret or root on a node',
    rationale:
      'Small grants compose: creating pods in a namespace lends every service account there, a token request or an impersonation becomes someone else, bind and escalate rewrite RBAC, a privileged pod owns its node and every token on it. A subject whose grants chain to cluster-admin equivalence, to reading every secret or to root on a node has that power, whatever each grant looks like alone.',
    severity: 'critical',
    threats: ['privilege-escalation'],
    references: [
      'Kubernetes RBAC good practices: Privilege escalation risks',
      'NSA/CISA Kubernetes Hardening: least-privilege RBAC',
      'MITRE ATT&CK for Containers: Privilege Escalation',
    ],
    remediation:
      'Break the first step of the chain shown in the evidence: narrow the grant (resourceNames, fewer verbs, a namespace without powerful service accounts) or enforce Pod Security `baseline` or `restricted` on the namespace.',
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
  namespace: ci
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [create]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
  namespace: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: deployer
subjects:
  - kind: User
    name: jenkins
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: admin
    namespace: ci
`,
        good: `apiVersion: v1
kind: Namespace
metadata:
  name: ci
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
  namespace: ci
rules:
  - apiGroups: [""]
    resources: [pods]
    verbs: [create]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: deployer
  namespace: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: deployer
subjects:
  - kind: User
    name: jenkins
`,
      },
    ],
  },
  check(set, context) {
    const withDefaults = context.settings.rbac.withDefaults;
    const model = settingsModel(set, withDefaults);
    const graph = escalationGraph(set, { withDefaults });
    const home = new Map<string, { object: NonNullable<(typeof model.bindings)[number]['object']>; index: number }>();
    for (const binding of model.bindings) {
      if (!binding.object) continue;
      for (const subject of binding.subjects) {
        const key = subjectKey(subject.ref);
        if (!home.has(key)) home.set(key, { object: binding.object, index: subject.index });
      }
    }
    for (const subject of graph.starts) {
      const own = home.get(subjectKey(subject));
      if (!own) continue;
      for (const path of graph.pathsFrom(subject)) {
        if (path.steps.length < 2) continue;
        const first = path.steps[0]?.source;
        let on = own.object;
        let at: Path = ['subjects', own.index];
        if (first?.object) {
          on = first.object;
          at = first.subjectIndex !== undefined ? ['subjects', first.subjectIndex] : ['roleRef', 'name'];
        }
        context.report({
          on,
          path: at,
          severity: SEVERITY[path.goal],
          key: `${subjectKey(subject)}>${path.goal}`,
          message: `${describeSubject(subject)} reaches ${GOAL_TEXT[path.goal]} in ${path.steps.length} steps: ${path.steps.map((s) => s.action).join('; then ')}.`,
          evidence: path.steps.map(
            (s, i) => `${i + 1}. ${s.from} → ${s.to}: ${s.action}${s.source ? ` [${s.source.binding} → ${s.source.role}]` : ''}`,
          ),
        });
      }
    }
  },
});
