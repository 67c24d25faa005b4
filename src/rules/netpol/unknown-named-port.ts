import { unknownNamedPorts } from '../../analyzers/netpol/checks.js';
import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import { defineRule } from '../types.js';
import { listNames, NETPOL_REFERENCES } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/unknown-named-port',
    description: 'Disallow named ports in NetworkPolicy rules that no targeted pod defines',
    rationale:
      'A named port resolves, per destination pod, to the container port of that name and protocol. When no pod defines the name (a typo, a renamed port, the wrong protocol, or an ipBlock destination, which has no ports at all) the rule allows nothing: the intended traffic is blocked, and the usual reaction is to widen the policy until it works.',
    severity: 'medium',
    threats: ['lateral-movement'],
    references: [NETPOL_REFERENCES.docs, 'Kubernetes API: NetworkPolicyPort'],
    remediation:
      'Use the exact name and protocol of a `containerPort` of the destination pods (`ports: [{name: http, containerPort: 8080}]`), or a port number. For ipBlock destinations use port numbers.',
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:1.4.2
      ports: [{ name: http, containerPort: 8080 }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-ingress, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: api }
  ingress:
    - ports:
        - port: https
`,
        good: `apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:1.4.2
      ports: [{ name: http, containerPort: 8080 }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-ingress, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: api }
  ingress:
    - ports:
        - port: http
`,
      },
    ],
  },
  check(set, context) {
    const { connectivity } = netpolAnalysisOf(set);
    for (const problem of unknownNamedPorts(connectivity)) {
      const { rule, port } = problem;
      const policy = rule.policy;
      const where = `NetworkPolicy "${policy.id}" ${rule.direction} rule #${rule.index + 1}`;
      const message = problem.ipOnly
        ? `${where} uses named port "${port.name}" with ipBlock destinations only; addresses outside the cluster have no named ports, so the rule allows nothing.`
        : `${where} uses named port "${port.name}" (${port.protocol}), which none of ${listNames(problem.targets.map((w) => w.id))} defines: the rule allows nothing on it.`;
      context.report({ on: policy.object, path: [...port.path, 'port'], message });
    }
  },
});
