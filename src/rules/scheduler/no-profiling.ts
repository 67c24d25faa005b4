import { checkProfiling } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'scheduler',
  meta: {
    id: 'scheduler/no-profiling',
    description: 'Require profiling to be off on the scheduler (--profiling=false)',
    rationale:
      "Profiling (on by default) serves /debug/pprof on the scheduler's secure port: memory dumps reveal internal state and tokens in flight, and CPU profiles can be requested over and over to slow the component down. Production control planes do not need it.",
    severity: 'low',
    threats: ['control-plane-exposure', 'resource-starvation'],
    references: ['CIS Kubernetes 1.4.1'],
    remediation: 'Add `--profiling=false` to the kube-scheduler command.',
    related: [{ tool: 'kube-bench', id: '1.4.1' }],
    examples: [
      {
        bad: podExample('kube-scheduler', ['--bind-address=127.0.0.1']),
        good: podExample('kube-scheduler', ['--profiling=false']),
      },
    ],
  },
  check(instance, context) {
    checkProfiling(context, instance);
  },
});
