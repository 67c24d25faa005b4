import { requireFlags } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'controller-manager',
  meta: {
    id: 'controller-manager/terminated-pod-gc-threshold',
    description: 'Require a garbage-collection threshold for terminated pods (--terminated-pod-gc-threshold)',
    rationale:
      'Finished pods are kept until their number passes --terminated-pod-gc-threshold, 12500 by default. Thousands of completed Job pods fill etcd and slow every list of pods, and each keeps its logs and volumes on a node.',
    severity: 'low',
    threats: ['resource-starvation'],
    references: ['CIS Kubernetes 1.3.1'],
    remediation: 'Set `--terminated-pod-gc-threshold` to what your workloads need to keep for inspection (for example 1000).',
    related: [{ tool: 'kube-bench', id: '1.3.1' }],
    examples: [
      {
        bad: podExample('kube-controller-manager', ['--bind-address=127.0.0.1']),
        good: podExample('kube-controller-manager', ['--terminated-pod-gc-threshold=1000']),
      },
    ],
  },
  check(instance, context) {
    requireFlags(context, instance, ['terminated-pod-gc-threshold'], 'terminated pods pile up until the default of 12500.');
  },
});
