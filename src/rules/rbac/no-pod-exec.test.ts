import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './no-pod-exec.js';

const role = (resources: string, verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
  namespace: app
rules:
  - apiGroups: [""]
    resources: [${resources}]
    verbs: [${verbs}]
`;

describe('rbac/no-pod-exec', () => {
  testRule(rule, {
    valid: [
      { name: 'logs', code: role('pods/log', 'get') },
      { name: 'listing pods/exec is not exec', code: role('pods/exec', 'list') },
    ],
    invalid: [
      { name: 'exec', code: role('pods/exec', 'create'), findings: [{ line: 8, message: /create on pods\/exec/ }] },
      {
        name: 'GET is enough over WebSockets',
        code: role('pods/attach', 'get'),
        findings: [{ line: 8, message: /get on pods\/attach/ }],
      },
      { name: '*/exec names the subresource', code: role('"*/exec"', 'create'), findings: [{ line: 8, message: /pods\/exec/ }] },
      {
        name: 'ephemeral containers',
        code: role('pods/ephemeralcontainers', 'patch'),
        findings: [{ line: 8, message: /patch on pods\/ephemeralcontainers/ }],
      },
    ],
  });
});
