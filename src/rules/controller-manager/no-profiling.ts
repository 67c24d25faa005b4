import { checkProfiling } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'controller-manager',
  meta: {
    id: 'controller-manager/no-profiling',
    description: 'Require profiling to be off on the controller manager (--profiling=false)',
    rationale:
      "Profiling (on by default) serves /debug/pprof on the controller manager's secure port: memory dumps reveal internal state and tokens in flight, and CPU profiles can be requested over and over to slow the component down. Production control planes do not need it.",
    severity: 'low',
    threats: ['control-plane-exposure', 'resource-starvation'],
    references: ['CIS Kubernetes 1.3.2'],
    remediation: 'Add `--profiling=false` to the kube-controller-manager command.',
    related: [{ tool: 'kube-bench', id: '1.3.2' }],
    examples: [
      {
        bad: podExample('kube-controller-manager', ['--bind-address=127.0.0.1']),
        good: podExample('kube-controller-manager', ['--profiling=false']),
      },
    ],
  },
  check(instance, context) {
    checkProfiling(context, instance);
  },
});
