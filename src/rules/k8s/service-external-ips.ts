import { asArray, asObject } from '../../model/k8s.js';
import { defineRule } from '../types.js';
import { describePorts, sensitiveServices, servicePorts } from './_service.js';

export default defineRule({
  target: 'k8s',
  meta: {
    id: 'k8s/service-external-ips',
    description: 'Disallow Services with externalIPs',
    rationale:
      "`externalIPs` make kube-proxy accept traffic for those addresses on every node and send it to the Service, with no check that the addresses belong to it. The workload is exposed on addresses outside the cluster's control, and anyone who may create Services can claim any IP, intercepting traffic meant for another system (CVE-2020-8554, unfixed by design; the DenyServiceExternalIPs admission plugin exists to block it).",
    severity: 'medium',
    threats: ['network-port-escape', 'network-sniffing', 'lateral-movement'],
    references: ['CVE-2020-8554', 'NSA/CISA Kubernetes Hardening: network separation'],
    remediation:
      'Remove `spec.externalIPs`; use a LoadBalancer Service (with source ranges) or an Ingress for external traffic, and enable the DenyServiceExternalIPs admission plugin.',
    related: [
      { tool: 'trivy', id: 'KSV108' },
      { tool: 'gatekeeper', id: 'K8sExternalIPs' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
    - port: 80
  externalIPs:
    - 203.0.113.10
`,
        good: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
    - port: 80
`,
      },
    ],
  },
  check(object, context) {
    if (object.kind !== 'Service' || object.group !== '') return;
    const ips = asArray(asObject(object.value.spec)?.externalIPs).filter(
      (ip): ip is string => typeof ip === 'string' && ip.trim() !== '',
    );
    if (ips.length === 0) return;
    const ports = servicePorts(object);
    const sensitive = sensitiveServices(ports);
    context.report({
      path: ['spec', 'externalIPs'],
      ...(sensitive.length > 0 ? { severity: 'high' as const } : {}),
      message: `Service ${JSON.stringify(object.name)} claims external IP${ips.length > 1 ? 's' : ''} ${ips.join(', ')}: every node accepts ${describePorts(ports, false)} for ${ips.length > 1 ? 'them' : 'it'}, and the addresses are not checked (CVE-2020-8554)${sensitive.length > 0 ? `; it exposes ${sensitive.join(', ')}` : ''}.`,
    });
  },
});
