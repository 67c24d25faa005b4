import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './authorization-rbac.js';

const without = staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'authorization-mode': 'Node,Webhook' }) });
const repeated = staticPod('kube-apiserver', {
  flags: [...flagsWith('kube-apiserver', { 'authorization-mode': 'Node,Webhook' }), '--authorization-mode=RBAC'],
});

describe('apiserver/authorization-rbac', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-apiserver') },
      { name: 'a repeated slice flag appends', code: repeated },
    ],
    invalid: [
      {
        name: 'not listed',
        code: without,
        findings: [{ line: lineOf(without, '--authorization-mode'), message: /without RBAC/ }],
      },
      {
        name: 'default AlwaysAllow',
        code: staticPod('kube-apiserver', { flags: flagsWith('kube-apiserver', { 'authorization-mode': null }) }),
        findings: [{ line: COMMAND_LINE, message: /AlwaysAllow \(the default\)/ }],
      },
    ],
  });
});
