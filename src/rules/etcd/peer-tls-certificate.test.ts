import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './peer-tls-certificate.js';

describe('etcd/peer-tls-certificate', () => {
  testRule(rule, {
    valid: [{ name: 'hardened baseline', code: staticPod('etcd') }],
    invalid: [
      {
        name: 'missing',
        code: staticPod('etcd', { flags: flagsWith('etcd', { 'peer-cert-file': null, 'peer-key-file': null }) }),
        findings: [{ line: COMMAND_LINE }],
      },
    ],
  });
});
