import { kubeletSource } from '../../analyzers/control-plane.js';
import { at } from '../../model/control-plane/components.js';
import { KUBELET_BASE, kubeletExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'kubelet',
  meta: {
    id: 'kubelet/anonymous-auth',
    description: 'Require the kubelet to reject anonymous requests',
    rationale:
      'The kubelet API on port 10250 runs commands in containers, streams logs and lists pods. With anonymous access on (the command-line default when no config file is used) anyone who reaches the port is system:anonymous, and with AlwaysAllow authorization, or a careless binding, can exec into every pod of the node.',
    severity: 'high',
    threats: ['control-plane-exposure', 'lateral-movement'],
    references: ['CIS Kubernetes 4.2.1'],
    remediation:
      'Set `authentication.anonymous.enabled: false` in the KubeletConfiguration (or `--anonymous-auth=false`), and restart the kubelet.',
    related: [{ tool: 'kube-bench', id: '4.2.1' }],
    examples: [
      {
        bad: kubeletExample('authentication:\n  anonymous:\n    enabled: true\n'),
        good: kubeletExample(KUBELET_BASE),
      },
    ],
  },
  check(kubelet, context) {
    const setting = kubelet.bool({
      flag: 'anonymous-auth',
      config: ['authentication', 'anonymous', 'enabled'],
      configDefault: false,
      legacyDefault: true,
    });
    if (!setting?.value) return;
    context.report({
      ...at(setting.at),
      message: `${kubelet.label} accepts anonymous requests (${kubeletSource(kubelet, setting, 'anonymous-auth', 'authentication.anonymous.enabled', 'true')}): anyone who reaches port 10250 is served as system:anonymous.`,
    });
  },
});
