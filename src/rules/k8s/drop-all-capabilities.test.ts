import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './drop-all-capabilities.js';

const pod = (securityContext: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
${spec}  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      securityContext:
${securityContext}
`;

describe('k8s/drop-all-capabilities', () => {
  testRule(rule, {
    valid: [
      { name: 'drops ALL', code: pod('        capabilities: { drop: [ALL] }') },
      { name: 'lower-case all, as containerd accepts it', code: pod('        capabilities: { drop: [all] }') },
      { name: 'drops ALL and adds one back', code: pod('        capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }') },
      { name: 'privileged containers are left to k8s/no-privileged', code: pod('        privileged: true') },
      { name: 'Windows pods', code: pod('        runAsNonRoot: true', '  os: { name: windows }\n') },
    ],
    invalid: [
      {
        name: 'no capabilities at all',
        code: pod('        runAsNonRoot: true'),
        findings: [
          {
            line: 9,
            severity: 'low',
            path: '/spec/containers/0/securityContext/capabilities/drop',
            message: /keeps the runtime's default set, NET_RAW \(raw sockets\) among them/,
          },
        ],
      },
      {
        name: 'drops some, named with the CAP_ prefix',
        code: pod('        capabilities:\n          drop: [CAP_NET_RAW, chown]'),
        findings: [
          {
            line: 11,
            column: 11,
            message: 'Container "api" drops only NET_RAW and CHOWN, not ALL, so it keeps the rest of the runtime\'s default set.',
          },
        ],
      },
    ],
  });
});
