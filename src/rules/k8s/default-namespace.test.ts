import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './default-namespace.js';

describe('k8s/default-namespace', () => {
  testRule(rule, {
    valid: [
      {
        name: 'no namespace: decided when applied',
        code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {}\n',
      },
      { name: 'another namespace', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\n' },
      {
        name: 'cluster-scoped objects ignore the namespace',
        code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n  namespace: default\nrules: []\n',
      },
      {
        name: "the API server's own Service",
        code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubernetes\n  namespace: default\nspec: {}\n',
      },
    ],
    invalid: [
      {
        name: 'explicit default, in a List',
        code: `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: default
    spec:
      selector: { matchLabels: { app: web } }
      template:
        metadata: { labels: { app: web } }
        spec:
          containers: [{ name: web, image: "nginx:1.27" }]
`,
        findings: [
          {
            line: 8,
            column: 7,
            severity: 'low',
            path: '/metadata/namespace',
            message: /^Deployment "web" is placed in the default namespace/,
          },
        ],
      },
    ],
  });
});
