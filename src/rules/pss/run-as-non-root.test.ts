import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import { atLevel, atVersion } from '../../testing/pss.js';
import rule from './run-as-non-root.js';

const pod = (podLines: string, containerSecurityContext = '{}') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${podLines}  containers:
    - name: web
      image: nginx:1.27
      securityContext: ${containerSecurityContext}
`;

describe('pss/run-as-non-root', () => {
  testRule(rule, {
    valid: [
      { name: 'pod level', code: pod('  securityContext: { runAsNonRoot: true }\n') },
      { name: 'container level', code: pod('', '{ runAsNonRoot: true }') },
      { name: 'off at the baseline level', code: pod(''), settings: atLevel('baseline') },
      { name: 'from v1.35, pods in a user namespace are exempt', code: pod('  hostUsers: false\n') },
    ],
    invalid: [
      {
        name: 'unset: where the container field belongs',
        code: pod(''),
        findings: [
          {
            line: 9,
            severity: 'medium',
            path: '/spec/containers/0/securityContext/runAsNonRoot',
            message: /^Container "web" does not set securityContext\.runAsNonRoot: true \(and the pod does not either\)/,
          },
        ],
      },
      {
        name: 'the container overrides the pod with false',
        code: pod('  securityContext: { runAsNonRoot: true }\n', '{ runAsNonRoot: false }'),
        findings: [{ line: 10, message: /sets securityContext\.runAsNonRoot: false/ }],
      },
      {
        name: 'pod false: the pod field',
        code: pod('  securityContext:\n    runAsNonRoot: false\n'),
        findings: [{ line: 7, path: '/spec/securityContext/runAsNonRoot', message: /^The pod sets/ }],
      },
      {
        name: 'before v1.35, a user namespace is not exempt',
        code: pod('  hostUsers: false\n'),
        settings: atVersion('v1.34'),
        findings: [{ line: 10 }],
      },
      {
        name: 'Windows pods are not exempt',
        code: pod('  os: { name: windows }\n'),
        findings: [{ line: 10 }],
      },
    ],
  });
});
