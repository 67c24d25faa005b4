import { describe, expect, it } from 'vitest';
import { ofRule, scanText, testRule } from '../../testing/index.js';
import procMount from './proc-mount.js';
import rule from './proc-mount-restricted.js';

const pod = (procMount: string, hostUsers: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostUsers: ${hostUsers}
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        procMount: ${procMount}
`;

describe('pss/proc-mount-restricted', () => {
  testRule(rule, {
    valid: [
      { name: 'Default', code: pod('Default', 'false') },
      {
        name: 'off at the baseline level',
        code: pod('Unmasked', 'false'),
        settings: (s) => {
          s.pss.level = 'baseline';
        },
      },
      {
        name: 'before v1.35 the check does not exist',
        code: pod('Unmasked', 'false'),
        settings: (s) => {
          s.pss.version = 'v1.34';
        },
      },
    ],
    invalid: [
      {
        name: 'Unmasked in a user namespace, at the field',
        code: pod('Unmasked', 'false'),
        findings: [
          {
            line: 11,
            severity: 'medium',
            path: '/spec/containers/0/securityContext/procMount',
            message: /even in a user namespace/,
          },
        ],
      },
    ],
  });

  it('outside a user namespace, the baseline finding stands for both', async () => {
    const result = await scanText(pod('Unmasked', 'true'), { rules: [procMount, rule] });
    expect(ofRule(result, 'pss/proc-mount-restricted')).toEqual([]);
    expect(ofRule(result, 'pss/proc-mount')[0]?.references).toEqual([
      'PSS baseline: /proc Mount Type',
      'PSS restricted: /proc Mount Type',
    ]);
  });
});
