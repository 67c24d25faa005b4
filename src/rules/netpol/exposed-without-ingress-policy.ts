import { exposedServices } from '../../analyzers/netpol/checks.js';
import { netpolAnalysisOf } from '../../analyzers/netpol/index.js';
import { defineRule } from '../types.js';
import { listNames, NETPOL_REFERENCES } from './_helpers.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'netpol/exposed-without-ingress-policy',
    description: 'Disallow NodePort and LoadBalancer Services that expose workloads no ingress NetworkPolicy selects',
    rationale:
      'A NodePort or LoadBalancer Service publishes the workload at the cluster edge. When no ingress policy selects its pods, they also accept connections from every pod inside the cluster on every port, so one compromised pod, or one extra port, reaches the exposed application directly.',
    severity: 'high',
    threats: ['network-port-escape', 'lateral-movement'],
    references: [NETPOL_REFERENCES.nsa, NETPOL_REFERENCES.cis, NETPOL_REFERENCES.docs],
    remediation:
      'Add an ingress NetworkPolicy that selects the pods of the Service and allows only its target ports, from the load balancer or ingress controller ranges that need them.',
    related: [{ tool: 'kube-linter', id: 'non-isolated-pod' }],
    examples: [
      {
        bad: `apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec:
  containers:
    - name: web
      image: ghcr.io/acme/web:2.0.1
      ports: [{ containerPort: 8080 }]
`,
        good: `apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop, labels: { app: web } }
spec:
  containers:
    - name: web
      image: ghcr.io/acme/web:2.0.1
      ports: [{ containerPort: 8080 }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-ingress, namespace: shop }
spec:
  podSelector:
    matchLabels: { app: web }
  ingress:
    - ports: [{ port: 8080 }]
`,
      },
    ],
  },
  check(set, context) {
    const { connectivity } = netpolAnalysisOf(set);
    for (const exposed of exposedServices(connectivity)) {
      const service = exposed.service;
      context.report({
        on: service,
        path: ['spec', 'type'],
        message: `${exposed.type} Service "${service.namespace ?? 'default'}/${service.name}" exposes ${listNames(exposed.workloads.map((w) => w.id))}, which no ingress NetworkPolicy selects: they accept every connection from inside the cluster too.`,
      });
    }
  },
});
