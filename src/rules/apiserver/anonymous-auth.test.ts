import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './anonymous-auth.js';

const on = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'anonymous-auth': 'true' }) });
const notBool = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'anonymous-auth': 'no' }) });
const spaced = staticPod('kube-apiserver', {
  flags: [...flagsWith('kube-apiserver', { 'anonymous-auth': null }), '--anonymous-auth', 'false'],
});

const authnConfig = (anonymous: string) => `apiVersion: apiserver.config.k8s.io/v1beta1
kind: AuthenticationConfiguration
anonymous:
${anonymous}
---
${staticPod('kube-apiserver', {
  flags: flagsWith('kube-apiserver', { 'anonymous-auth': null, 'authentication-config': '/etc/kubernetes/authn.yaml' }),
})}`;

describe('apiserver/anonymous-auth', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-apiserver') },
      {
        name: 'false spelled 0',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'anonymous-auth': '0' }) }),
      },
      {
        name: 'structured authentication limits anonymous access to health paths',
        code: authnConfig('  enabled: true\n  conditions:\n    - path: /livez\n    - path: /readyz'),
        filename: 'authn.yaml',
      },
      {
        name: 'a pod that is not an API server',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
      },
    ],
    invalid: [
      {
        name: 'explicitly on',
        code: on,
        findings: [{ line: lineOf(on, '--anonymous-auth=true'), column: 11, message: /allows anonymous requests/ }],
      },
      {
        name: 'missing: defaults to true, reported at the command list',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'anonymous-auth': null }) }),
        findings: [{ line: COMMAND_LINE, message: /defaults to true/ }],
      },
      {
        name: '"--anonymous-auth false" with a space is read as true by pflag',
        code: spaced,
        findings: [{ line: lineOf(spaced, '- --anonymous-auth'), message: /sets the flag to true/ }],
      },
      {
        name: 'not a boolean',
        code: notBool,
        findings: [{ line: lineOf(notBool, '--anonymous-auth=no'), message: /not a boolean/ }],
      },
      {
        name: 'structured authentication enables anonymous access everywhere',
        code: authnConfig('  enabled: true'),
        filename: 'authn.yaml',
        findings: [{ line: 4, message: /every path/ }],
      },
    ],
  });
});
