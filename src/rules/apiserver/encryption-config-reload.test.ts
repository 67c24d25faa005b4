import { describe, expect, it } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './encryption-config-reload.js';

const off = staticPod('kube-apiserver', {
  flags: flagsWith('kube-apiserver', { 'encryption-provider-config-automatic-reload': 'false' }),
});
const missing = staticPod('kube-apiserver', {
  flags: flagsWith('kube-apiserver', { 'encryption-provider-config-automatic-reload': null }),
});

describe('apiserver/encryption-config-reload', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('kube-apiserver') },
      {
        name: 'before 1.26 the flag does not exist',
        code: missing,
        settings: (s) => {
          s.kubernetesVersion = '1.25';
        },
      },
      {
        name: 'no encryption config: nothing to reload',
        code: staticPod('kube-apiserver', {
          flags: flagsWith('kube-apiserver', {
            'encryption-provider-config': null,
            'encryption-provider-config-automatic-reload': null,
          }),
        }),
      },
    ],
    invalid: [
      { name: 'off', code: off, findings: [{ line: lineOf(off, 'automatic-reload=false') }] },
      { name: 'unset', code: missing, findings: [{ line: COMMAND_LINE }] },
    ],
  });

  it('does not cite CIS 1.2.28, which it does not implement (automatic reload is not part of CIS 1.2.27/1.2.28)', () => {
    expect(rule.meta.references.filter((r) => r.startsWith('CIS'))).toEqual([]);
  });
});
