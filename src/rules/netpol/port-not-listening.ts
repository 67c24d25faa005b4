import { portsNotListening } from '../../analyzers/netpol/checks.js';
import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import { defineRule } from '../types.js';
import { listNames, NETPOL_REFERENCES } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/port-not-listening',
    description: 'Require NetworkPolicy ports to match a container port of the destination pods',
    rationale:
      'A rule that opens a port none of its destination pods declares is either stale (the service moved to another port, so the real traffic is blocked) or opens more than intended. Either way the policy no longer describes the workload, which hides real exposure from reviewers.',
    severity: 'info',
    threats: ['lateral-movement'],
    references: [NETPOL_REFERENCES.docs],
    remediation:
      'Use the container port (not the Service port) of the destination pods in the rule, or declare the port in the pod template with `ports: [{containerPort: N}]`.',
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:1.4.2
      ports: [{ containerPort: 8080 }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-ingress, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: api }
  ingress:
    - ports:
        - port: 80
`,
        good: `apiVersion: v1
kind: Pod
metadata: { name: api, namespace: shop, labels: { app: api } }
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:1.4.2
      ports: [{ containerPort: 8080 }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-ingress, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: api }
  ingress:
    - ports:
        - port: 8080
`,
      },
    ],
  },
  check(set, context) {
    const { connectivity } = netpolAnalysisOf(set);
    for (const problem of portsNotListening(connectivity)) {
      const { rule, port } = problem;
      const policy = rule.policy;
      const range = port.endPort !== undefined && port.endPort !== port.port ? `${port.port}-${port.endPort}` : `${port.port}`;
      context.report({
        on: policy.object,
        path: [...port.path, 'port'],
        message: `NetworkPolicy "${policy.id}" ${rule.direction} rule #${rule.index + 1} allows ${port.protocol} ${range}, but none of ${listNames(problem.targets.map((w) => w.id))} declares a container port there.`,
      });
    }
  },
});
