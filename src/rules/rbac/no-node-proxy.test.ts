import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-node-proxy.js';

const role = (kind: string, resources: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: r
  namespace: app
rules:
  - apiGroups: [""]
    resources: [${resources}]
    verbs: [get]
`;

describe('rbac/no-node-proxy', () => {
  testRule(rule, {
    valid: [
      { name: 'metrics', code: role('ClusterRole', 'nodes/metrics, nodes/stats') },
      { name: 'a Role cannot grant a cluster-scoped resource', code: role('Role', 'nodes/proxy') },
    ],
    invalid: [
      {
        name: 'nodes/proxy',
        code: role('ClusterRole', 'nodes/metrics, nodes/proxy'),
        findings: [{ line: 8, column: 32, severity: 'critical' }],
      },
    ],
  });
});
