import { checkBindAddress } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'controller-manager',
  meta: {
    id: 'controller-manager/bind-address',
    description: 'Require the controller manager to listen on the loopback interface only (--bind-address=127.0.0.1)',
    rationale:
      'The controller manager needs no inbound connections from other hosts: it talks to the API server, not the other way round. Its secure port (10257) still serves health, metrics and, unless turned off, profiling, and its default --bind-address is 0.0.0.0, which exposes them to every network the control-plane host is on.',
    severity: 'medium',
    threats: ['control-plane-exposure'],
    references: ['CIS Kubernetes 1.3.7'],
    remediation: 'Set `--bind-address=127.0.0.1` (kubeadm does) and scrape metrics through a local proxy if needed.',
    related: [{ tool: 'kube-bench', id: '1.3.7' }],
    examples: [
      {
        bad: podExample('kube-controller-manager', ['--bind-address=0.0.0.0']),
        good: podExample('kube-controller-manager', ['--bind-address=127.0.0.1']),
      },
    ],
  },
  check(instance, context) {
    checkBindAddress(context, instance, 10257);
  },
});
