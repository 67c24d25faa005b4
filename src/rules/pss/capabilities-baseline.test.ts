import { describe, expect, it } from 'vitest';
import { ofRule, scanText, testRule } from '../../testing/index.js';
import rule from './capabilities-baseline.js';
import restricted from './capabilities-restricted.js';

const pod = (capabilities: string, os = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${os}  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        capabilities:
${capabilities}`;

describe('pss/capabilities-baseline', () => {
  testRule(rule, {
    valid: [
      { name: 'the default set', code: pod('          add: [CHOWN, KILL, NET_BIND_SERVICE, SETUID, SYS_CHROOT]\n') },
      { name: 'drop only', code: pod('          drop: [ALL]\n') },
    ],
    invalid: [
      {
        name: 'one finding per added capability outside the default set, at the entry',
        code: pod('          add:\n            - CHOWN\n            - SYS_ADMIN\n            - NET_RAW\n'),
        findings: [
          {
            line: 13,
            column: 15,
            severity: 'high',
            path: '/spec/containers/0/securityContext/capabilities/add/1',
            message: /^Container "web" adds the capability "SYS_ADMIN"/,
          },
          { line: 14, path: '/spec/containers/0/securityContext/capabilities/add/2', message: /"NET_RAW"/ },
        ],
      },
      {
        name: 'names are exact: lower case or a CAP_ prefix is not in the set',
        code: pod('          add: [chown, CAP_CHOWN]\n'),
        settings: (s) => {
          s.pss.level = 'baseline';
        },
        findings: [{ line: 11 }, { line: 11 }],
      },
    ],
  });

  it('a Windows pod is exempt at restricted (v1.25+), as capabilities_restricted replaces this check there', async () => {
    const windows = pod('          add: [SYS_ADMIN]\n', '  os: { name: windows }\n');
    const restrictedResult = await scanText(windows, { rules: [rule, restricted] });
    expect(ofRule(restrictedResult, 'pss/capabilities-baseline')).toEqual([]);
    const baselineResult = await scanText(windows, {
      rules: [rule],
      settings: (s) => {
        s.pss.level = 'baseline';
      },
    });
    expect(ofRule(baselineResult, 'pss/capabilities-baseline')).toHaveLength(1);
  });
});
