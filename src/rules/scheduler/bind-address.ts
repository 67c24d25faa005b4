import { checkBindAddress } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'scheduler',
  meta: {
    id: 'scheduler/bind-address',
    description: 'Require the scheduler to listen on the loopback interface only (--bind-address=127.0.0.1)',
    rationale:
      'The scheduler needs no inbound connections from other hosts: it talks to the API server, not the other way round. Its secure port (10259) still serves health, metrics and, unless turned off, profiling, and its default --bind-address is 0.0.0.0, which exposes them to every network the control-plane host is on.',
    severity: 'medium',
    threats: ['control-plane-exposure'],
    references: ['CIS Kubernetes 1.4.2'],
    remediation: 'Set `--bind-address=127.0.0.1` (kubeadm does) and scrape metrics through a local proxy if needed.',
    related: [{ tool: 'kube-bench', id: '1.4.2' }],
    examples: [
      {
        bad: podExample('kube-scheduler', ['--bind-address=0.0.0.0']),
        good: podExample('kube-scheduler', ['--bind-address=127.0.0.1']),
      },
    ],
  },
  check(instance, context) {
    checkBindAddress(context, instance, 10259);
  },
});
