import { describe } from 'vitest';
import { flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './no-auto-tls.js';

const on = staticPod('etcd', { flags: [...flagsWith('etcd'), '--auto-tls'] });

describe('etcd/no-auto-tls', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('etcd') },
      { name: 'explicitly false', code: staticPod('etcd', { flags: flagsWith('etcd', { 'auto-tls': 'false' }) }) },
    ],
    invalid: [{ name: 'bare flag', code: on, findings: [{ line: lineOf(on, '- --auto-tls') }] }],
  });
});
