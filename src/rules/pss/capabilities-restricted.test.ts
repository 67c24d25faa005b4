import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import { atLevel, atVersion } from '../../testing/pss.js';
import rule from './capabilities-restricted.js';

const pod = (securityContext: string, os = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${os}  containers:
    - name: web
      image: nginx:1.27
      securityContext:
${securityContext}`;

const dropAll = '        capabilities:\n          drop: [ALL]\n';

describe('pss/capabilities-restricted', () => {
  testRule(rule, {
    valid: [
      { name: 'drop ALL', code: pod(dropAll) },
      {
        name: 'drop ALL, add NET_BIND_SERVICE',
        code: pod('        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n'),
      },
      {
        name: 'before v1.22 the check does not exist',
        code: pod('        runAsNonRoot: true\n'),
        settings: atVersion('v1.21'),
      },
      {
        name: 'off at the baseline level',
        code: pod('        runAsNonRoot: true\n'),
        settings: atLevel('baseline'),
      },
      { name: 'Windows pods are exempt from v1.25', code: pod('        runAsNonRoot: true\n', '  os: { name: windows }\n') },
    ],
    invalid: [
      {
        name: 'no capabilities at all: where drop belongs',
        code: pod('        runAsNonRoot: true\n'),
        findings: [
          {
            line: 9,
            severity: 'medium',
            path: '/spec/containers/0/securityContext/capabilities/drop',
            message: /^Container "web" does not drop ALL capabilities/,
          },
        ],
      },
      {
        name: 'drops only some',
        code: pod('        capabilities:\n          drop: [NET_RAW, all]\n'),
        findings: [
          {
            line: 11,
            path: '/spec/containers/0/securityContext/capabilities/drop',
            message: /drops only "NET_RAW", "all", not ALL/,
          },
        ],
      },
      {
        name: 'adds a default capability: at the entry',
        code: pod('        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE, CHOWN]\n'),
        findings: [
          {
            line: 12,
            path: '/spec/containers/0/securityContext/capabilities/add/1',
            message: 'Container "web" adds the capability "CHOWN": the restricted level allows adding only NET_BIND_SERVICE.',
          },
        ],
      },
      {
        name: 'Windows pods at v1.22-v1.24 are not exempt',
        code: pod('        runAsNonRoot: true\n', '  os: { name: windows }\n'),
        settings: atVersion('v1.24'),
        findings: [{ line: 10 }],
      },
    ],
  });
});
