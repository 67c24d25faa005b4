import { describe } from 'vitest';
import { COMMAND_LINE, flagsWith, lineOf, staticPod } from '../../testing/control-plane.js';
import { testRule } from '../../testing/index.js';
import rule from './tls-certificate.js';

const http = staticPod('etcd', {
  flags: flagsWith('etcd', { 'listen-client-urls': 'http://127.0.0.1:2379,http://10.0.0.10:2379' }),
});

describe('etcd/tls-certificate', () => {
  testRule(rule, {
    valid: [
      { name: 'hardened baseline', code: staticPod('etcd') },
      {
        name: 'plain HTTP on loopback only',
        code: staticPod('etcd', {
          flags: flagsWith('etcd', { 'listen-client-urls': 'https://10.0.0.10:2379,http://127.0.0.1:2379' }),
        }),
      },
    ],
    invalid: [
      {
        name: 'no certificate',
        code: staticPod('etcd', { flags: flagsWith('etcd', { 'cert-file': null, 'key-file': null }) }),
        findings: [{ line: COMMAND_LINE }],
      },
      {
        name: 'http on the host address',
        code: http,
        findings: [{ line: lineOf(http, '--listen-client-urls'), message: /http:\/\/10.0.0.10:2379 / }],
      },
    ],
  });
});
