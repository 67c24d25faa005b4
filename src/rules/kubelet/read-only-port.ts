import { kubeletSource } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/read-only-port',
    description: 'Disallow the kubelet read-only port (readOnlyPort: 0)',
    rationale:
      'The read-only port (10255, the command-line default when no config file is used) serves pod specs, environment variables and metrics with no authentication at all. Environment variables often hold credentials, and the pod list maps the node for an attacker.',
    severity: 'high',
    threats: ['control-plane-exposure', 'secret-theft'],
    references: ['CIS Kubernetes 4.2.4'],
    remediation:
      'Set `readOnlyPort: 0` in the KubeletConfiguration (or `--read-only-port=0`), and scrape metrics from the authenticated port 10250.',
    related: [{ tool: 'kube-bench', id: '4.2.4' }],
    examples: [
      {
        bad: kubeletExample(`${KUBELET_BASE}readOnlyPort: 10255\n`),
        good: kubeletExample(`${KUBELET_BASE}readOnlyPort: 0\n`),
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.number({ flag: 'read-only-port', config: ['readOnlyPort'], configDefault: 0, legacyDefault: 10255 });
    if (!setting || setting.value === 0) return;
    context.report({
      ...at(setting.at),
      message: `${kubelet.label} serves the unauthenticated read-only API on port ${setting.value} (${kubeletSource(kubelet, setting, 'read-only-port', 'readOnlyPort', String(setting.value))}).`,
    });
  },
});
