import { admissionPlugin, admissionWhere } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/deny-service-external-ips',
    description: 'Require the DenyServiceExternalIPs admission plugin',
    rationale:
      "Any user who may create or edit a Service can set spec.externalIPs to an address that other workloads talk to, and kube-proxy then sends that traffic to the attacker's pods (CVE-2020-8554, a man-in-the-middle that has no fix other than refusing externalIPs). Few clusters need the field; the plugin rejects it.",
    severity: 'medium',
    threats: ['network-sniffing', 'lateral-movement'],
    references: ['CIS Kubernetes 1.2.3', 'CVE-2020-8554'],
    remediation:
      'Add DenyServiceExternalIPs to `--enable-admission-plugins`. If some Services need externalIPs, leave it off and restrict the field with a ValidatingAdmissionPolicy instead.',
    related: [{ tool: 'kube-bench', id: '1.2.3' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']),
        good: podExample('kube-apiserver', ['--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs']),
      },
    ],
  },
  check(apiserver, context) {
    const state = admissionPlugin(apiserver, 'DenyServiceExternalIPs', context.settings.kubernetesVersion);
    if (state.enabled) return;
    context.report({
      ...at(admissionWhere(apiserver, state)),
      message: `${apiserver.label} does not enable the DenyServiceExternalIPs admission plugin: anyone who can edit a Service can capture traffic for any IP with spec.externalIPs.`,
    });
  },
});
