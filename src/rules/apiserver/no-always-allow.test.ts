import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './no-always-allow.js';

const after = staticPod('kube-apiserver', {
  flags: flagsWith('kube-apiserver', { 'authorization-mode': 'Node,RBAC,AlwaysAllow' }),
});
const structured = (types: string) => `apiVersion: apiserver.config.k8s.io/v1
kind: AuthorizationConfiguration
authorizers:
${types}
---
${staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'authorization-mode': null, 'authorization-config': '/etc/kubernetes/authz.yaml' }) })}`;

describe('apiserver/no-always-allow', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-apiserver') },
      {
        name: 'structured authorization with Node and RBAC',
        code: structured('  - type: Node\n    name: node\n  - type: RBAC\n    name: rbac'),
        filename: 'authz.yaml',
      },
      {
        name: 'structured authorization whose file is not in the scan cannot be decided',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', {
            'authorization-mode': null,
            'authorization-config': '/etc/kubernetes/authz.yaml',
          }),
        }),
      },
    ],
    invalid: [
      {
        name: 'AlwaysAllow after RBAC still allows everything',
        code: after,
        findings: [{ line: lineOf(after, '--authorization-mode'), severity: 'critical', message: /RBAC restricts nothing/ }],
      },
      {
        name: 'missing flag defaults to AlwaysAllow',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'authorization-mode': null }) }),
        findings: [{ line: COMMAND_LINE, message: /defaults to AlwaysAllow/ }],
      },
      {
        name: 'structured authorization with AlwaysAllow',
        code: structured('  - type: RBAC\n    name: rbac\n  - type: AlwaysAllow\n    name: all'),
        filename: 'authz.yaml',
        findings: [{ line: 3 }],
      },
    ],
  });
});
