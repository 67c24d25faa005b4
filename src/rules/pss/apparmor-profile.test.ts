import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import rule from './apparmor-profile.js';

const pod = (securityContext: string, annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
${annotations}spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        ${securityContext}
`;

const annotation = (value: string) => `  annotations:\n    container.apparmor.security.beta.kubernetes.io/web: ${value}\n`;

describe('pss/apparmor-profile', () => {
  testRule(rule, {
    valid: [
      { name: 'RuntimeDefault', code: pod('appArmorProfile: { type: RuntimeDefault }') },
      { name: 'Localhost', code: pod('appArmorProfile: { type: Localhost, localhostProfile: k8s-web }') },
      { name: 'runtime/default annotation', code: pod('runAsNonRoot: true', annotation('runtime/default')) },
      { name: 'localhost/ annotation', code: pod('runAsNonRoot: true', annotation('localhost/k8s-web')) },
      {
        name: 'other annotations are not AppArmor',
        code: pod('runAsNonRoot: true', '  annotations:\n    example.com/apparmor: unconfined\n'),
      },
    ],
    invalid: [
      {
        name: 'Unconfined profile field, at the type',
        code: pod('appArmorProfile: { type: Unconfined }'),
        findings: [
          {
            line: 10,
            severity: 'high',
            path: '/spec/containers/0/securityContext/appArmorProfile/type',
            message: /^Container "web" sets securityContext\.appArmorProfile\.type to "Unconfined"/,
          },
        ],
      },
      {
        name: 'unconfined annotation, at the annotation (any policy version)',
        code: pod('runAsNonRoot: true', annotation('unconfined')),
        settings: (s) => {
          s.pss.version = 'v1.0';
        },
        findings: [
          {
            line: 6,
            path: '/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1web',
            message: /^The annotation for container "web" sets the AppArmor profile "unconfined"/,
          },
        ],
      },
      {
        name: 'pod-level profile field',
        code: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    appArmorProfile:
      type: Unconfined
  containers:
    - name: web
      image: nginx:1.27
`,
        findings: [{ line: 8, path: '/spec/securityContext/appArmorProfile/type', message: /^The pod sets/ }],
      },
    ],
  });
});
