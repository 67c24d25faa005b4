import { checkProfiling } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/no-profiling',
    description: 'Require profiling to be off on the API server (--profiling=false)',
    rationale:
      'Profiling (on by default) serves /debug/pprof: heap and goroutine dumps that reveal request contents and internals, and CPU profiles that a client can request repeatedly to load the API server. Production API servers do not need it.',
    severity: 'low',
    threats: ['control-plane-exposure', 'resource-starvation'],
    references: ['CIS Kubernetes 1.2.15'],
    remediation: 'Add `--profiling=false` to the kube-apiserver command.',
    related: [{ tool: 'kube-bench', id: '1.2.15' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--authorization-mode=Node,RBAC']),
        good: podExample('kube-apiserver', ['--profiling=false']),
      },
    ],
  },
  check(apiserver, context) {
    checkProfiling(context, apiserver);
  },
});
