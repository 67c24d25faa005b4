import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './peer-client-cert-auth.js';

describe('etcd/peer-client-cert-auth', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('etcd') }],
    invalid: [
      {
        name: 'default off',
        code: staticPod('etcd', { flags: flagsWith('etcd', { 'peer-client-cert-auth': null }) }),
        findings: [{ line: COMMAND_LINE }],
      },
    ],
  });
});
