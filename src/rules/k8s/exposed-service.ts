import { asArray, asObject, asString } from '../../model/k8s.js';
import { defineRule } from '../types.js';
import { describePorts, sensitiveServices, servicePorts } from './_service.js';

/** Annotations (and the values) with which cloud controllers create internal load balancers. */
const INTERNAL_LB: readonly [string, (v: string) => boolean][] = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', (v) => v.toLowerCase() !== 'false'],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', (v) => v.toLowerCase() === 'internal'],
  ['networking.gke.io/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['cloud.google.com/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', (v) => v.toLowerCase() === 'true'],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', (v) => v.toLowerCase() === 'true'],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', (v) => v.toLowerCase() === 'true'],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', (v) => v.toLowerCase() === 'private'],
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', (v) => v.toLowerCase() === 'intranet'],
  ['service.kubernetes.io/qcloud-loadbalancer-internal-subnetid', (v) => v.trim() !== ''],
];

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export default defineRule({
  target: 'k8s',
  meta: {
    id: 'k8s/exposed-service',
    description: 'Disallow Services that expose workloads at the edge (NodePort, LoadBalancer) without restriction',
    rationale:
      "A NodePort Service opens its port on every node, on every node address; a LoadBalancer Service asks the cloud for an address that is usually public (and also opens node ports). Whatever is behind it is then reachable from outside the cluster, past the ingress controller, WAF and authentication proxy that were meant to front it. Findings are graded: a public load balancer open to any source, or any edge exposure of an administrative or database port (SSH, Redis, PostgreSQL, etcd, the kubelet, ...), is high; an unrestricted public load balancer or a NodePort medium; an internal load balancer (by the cloud provider's annotation) or one limited by loadBalancerSourceRanges low.",
    severity: 'medium',
    threats: ['network-port-escape', 'lateral-movement'],
    references: ['NSA/CISA Kubernetes Hardening: network separation', 'Kubernetes Security Checklist: network security'],
    remediation:
      "Use a ClusterIP Service behind an Ingress or Gateway with TLS and authentication. If a load balancer is needed, make it internal with the cloud provider's annotation or set `loadBalancerSourceRanges` to the networks that need it; never expose administrative or database ports.",
    related: [
      { tool: 'kube-linter', id: 'exposed-services' },
      { tool: 'kube-score', id: 'service-type' },
      { tool: 'gatekeeper', id: 'K8sBlockNodePort' },
      { tool: 'gatekeeper', id: 'K8sBlockLoadBalancer' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: Service
metadata:
  name: redis
spec:
  type: LoadBalancer
  selector: { app: redis }
  ports:
    - port: 6379
`,
        good: `apiVersion: v1
kind: Service
metadata:
  name: redis
spec:
  type: ClusterIP
  selector: { app: redis }
  ports:
    - port: 6379
`,
      },
    ],
  },
  check(object, context) {
    if (object.kind !== 'Service' || object.group !== '') return;
    const spec = asObject(object.value.spec) ?? {};
    const type = asString(spec.type);
    if (type !== 'NodePort' && type !== 'LoadBalancer') return;
    const ports = servicePorts(object);
    const sensitive = sensitiveServices(ports);
    const name = JSON.stringify(object.name);
    const sensitiveNote = sensitive.length > 0 ? `; it exposes ${sensitive.join(', ')}, which should never face the edge` : '';
    if (type === 'NodePort') {
      context.report({
        path: ['spec', 'type'],
        ...(sensitive.length > 0 ? { severity: 'high' as const } : {}),
        message: `Service ${name} is a NodePort: ${describePorts(ports, true)} ${ports.length > 1 ? 'are' : 'is'} open on every address of every node${sensitiveNote}.`,
      });
      return;
    }
    const annotations = object.annotations;
    const internal = INTERNAL_LB.find(([key, test]) => annotations[key] !== undefined && test(annotations[key] ?? ''));
    const ranges = sourceRanges(spec, annotations[SOURCE_RANGES_ANNOTATION]);
    const open = ranges.length === 0 || ranges.some((r) => r === '0.0.0.0/0' || r === '::/0');
    const nodePorts = spec.allocateLoadBalancerNodePorts === false ? '' : ', and node ports are opened too';
    if (internal) {
      context.report({
        path: ['spec', 'type'],
        ...(sensitive.length > 0 ? {} : { severity: 'low' as const }),
        message: `Service ${name} is an internal LoadBalancer (${internal[0]}): ${describePorts(ports, false)} ${ports.length > 1 ? 'are' : 'is'} reachable from the private network${nodePorts}${sensitiveNote}.`,
      });
    } else if (!open) {
      context.report({
        path: ['spec', 'type'],
        ...(sensitive.length > 0 ? {} : { severity: 'low' as const }),
        message: `Service ${name} is a LoadBalancer limited to ${ranges.join(', ')}: ${describePorts(ports, false)} ${ports.length > 1 ? 'are' : 'is'} exposed to those networks${sensitiveNote}.`,
      });
    } else {
      context.report({
        path: ['spec', 'type'],
        ...(sensitive.length > 0 ? { severity: 'high' as const } : {}),
        message: `Service ${name} is a LoadBalancer open to any source: ${describePorts(ports, false)} ${ports.length > 1 ? 'are' : 'is'} exposed to the internet on a typical cloud${sensitiveNote}.`,
      });
    }
  },
});

function sourceRanges(spec: Record<string, unknown>, annotation: string | undefined): string[] {
  const fromSpec = asArray(spec.loadBalancerSourceRanges).filter((r): r is string => typeof r === 'string');
  if (fromSpec.length > 0) return fromSpec.map((r) => r.trim());
  return (annotation ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
}
