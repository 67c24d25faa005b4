import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './readiness-probe.js';

const deployment = (container: string, namespace = 'shop') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: ${namespace}
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api, tier: backend } }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:2.3.1
${container}`;

const service = (namespace = 'shop', selector = '{ app: api }') => `---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: ${namespace}
spec:
  selector: ${selector}
  ports: [{ port: 80, targetPort: 8080 }]
`;

describe('k8s/readiness-probe', () => {
  testRule(rule, {
    valid: [
      { name: 'a worker without ports and no Service', code: deployment('') },
      {
        name: 'probe present',
        code: deployment(
          '          ports: [{ containerPort: 8080 }]\n          readinessProbe: { httpGet: { path: /ready, port: 8080 } }\n',
        ),
      },
      { name: 'a Service of another namespace does not select it', code: deployment('') + service('other') },
      { name: 'a Service whose selector does not match', code: deployment('') + service('shop', '{ app: api, tier: frontend }') },
    ],
    invalid: [
      {
        name: 'declares ports',
        code: deployment('          ports: [{ containerPort: 8080 }]\n'),
        findings: [
          {
            line: 12,
            severity: 'low',
            path: '/spec/template/spec/containers/0/readinessProbe',
            message: /although it declares ports/,
          },
        ],
      },
      {
        name: 'selected by a Service in the scan',
        code: deployment('') + service(),
        findings: [{ line: 12, message: /although Service "api" sends it traffic/ }],
      },
    ],
  });
});
