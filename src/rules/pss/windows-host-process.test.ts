import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './windows-host-process.js';

const pod = (podOptions: string, containerOptions: string) => `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  os: { name: windows }
  securityContext:
    windowsOptions: ${podOptions}
  containers:
    - name: agent
      image: example/agent:1.0
      securityContext:
        windowsOptions: ${containerOptions}
`;

describe('pss/windows-host-process', () => {
  testRule(rule, {
    valid: [
      { name: 'run as a container user', code: pod('{ runAsUserName: ContainerUser }', '{}') },
      { name: 'hostProcess false', code: pod('{ hostProcess: false }', '{ hostProcess: false }') },
    ],
    invalid: [
      {
        name: 'pod and container, each at its field',
        code: pod('{ hostProcess: true }', '{ hostProcess: true }'),
        findings: [
          { line: 8, severity: 'critical', path: '/spec/securityContext/windowsOptions/hostProcess', message: /^The pod sets/ },
          { line: 13, path: '/spec/containers/0/securityContext/windowsOptions/hostProcess', message: /^Container "agent" sets/ },
        ],
      },
      {
        name: 'baseline level, v1.0',
        code: pod('{}', '{ hostProcess: true }'),
        settings: (s) => {
          s.pss.level = 'baseline';
          s.pss.version = 'v1.0';
        },
        findings: [{ line: 13 }],
      },
    ],
  });
});
